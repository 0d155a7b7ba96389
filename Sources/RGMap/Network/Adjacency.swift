#if canImport(Glibc)
import Glibc
#endif

/// Which topological overlap to compute (WGCNA's `TOMType`).
public enum TOMType: String, Sendable, Codable, CaseIterable {
    /// (l_ij + a_ij) / (min(k_i, k_j) + 1 - a_ij).
    case unsigned
    /// |l_ij + a_ij| / (min(k_i, k_j) + 1 - |a_ij|), with the adjacency of an unsigned network
    /// carrying the sign of the correlation.
    case signed
}

/// The genes x genes adjacency of a co-expression network, as WGCNA's C code forms it:
/// base(r)^power (``NetworkType/base(_:)``), or for a signed TOM on an unsigned network
/// sign(r) |r|^power.
enum Adjacency {
    /// One adjacency from one correlation. Integer powers are products of squares (within 32
    /// ulps of C's `pow`, and over ten times faster); others use `pow`.
    @inline(__always)
    static func value(_ r: Double, networkType: NetworkType, power: Double, keepSign: Bool) -> Double {
        let base = keepSign ? abs(r) : networkType.base(r)
        let magnitude = integerPower(base, power)
        return keepSign && r.sign == .minus ? -magnitude : magnitude
    }

    /// Integer powers up to 64 (6 squarings and at most 7 products) are taken by squaring;
    /// each product rounds once and a squaring doubles the relative error before it, so the
    /// result stays within 31.5 ulps of `pow` (25 measured). Larger or fractional powers use `pow`.
    static let largestSquaredPower = 64.0

    @inline(__always)
    static func integerPower(_ x: Double, _ power: Double) -> Double {
        guard power == power.rounded(), power >= 1, power <= largestSquaredPower else { return pow(x, power) }
        var exponent = Int(power), square = x, result = 1.0
        while exponent > 0 {
            if exponent & 1 == 1 { result *= square }
            exponent >>= 1
            if exponent > 0 { square *= square }
        }
        return result
    }

    /// Correlations into adjacencies, in place and in parallel; one tight loop per network
    /// type, so that integer powers compile to a few multiplications per value.
    static func transform(_ values: UnsafeMutableBufferPointer<Double>, networkType: NetworkType, power: Double, keepSign: Bool) {
        guard power == power.rounded(), power >= 1, power <= largestSquaredPower else {
            // 16K values a chunk: some 100 µs of pow, well above the cost of handing out a chunk.
            Parallel.forEachChunk(values.count, minimumChunk: 1 << 14) { range in
                for i in range { values[i] = value(CorrelationEngine.clamp(values[i]), networkType: networkType, power: power, keepSign: keepSign) }
            }
            return
        }
        let exponent = Int(power)
        @inline(__always) func raised(_ x: Double) -> Double {
            var result = 1.0, square = x, k = exponent
            while k > 0 {
                if k & 1 == 1 { result *= square }
                k >>= 1
                if k > 0 { square *= square }
            }
            return result
        }
        // 16K values a chunk, as above (a few multiplications each: still tens of µs).
        Parallel.forEachChunk(values.count, minimumChunk: 1 << 14) { range in
            let v = values.baseAddress!
            if keepSign {
                for i in range { let r = CorrelationEngine.clamp(v[i]); let m = raised(abs(r)); v[i] = r.sign == .minus ? -m : m }
                return
            }
            switch networkType {
            case .unsigned: for i in range { v[i] = raised(abs(CorrelationEngine.clamp(v[i]))) }
            case .signed: for i in range { v[i] = raised((1 + CorrelationEngine.clamp(v[i])) / 2) }
            case .signedHybrid: for i in range { let r = CorrelationEngine.clamp(v[i]); v[i] = r < 0 ? 0 : raised(r) }
            }
        }
    }

    /// Whether the adjacency keeps the sign of r (a signed TOM on an unsigned network).
    static func keepsSign(networkType: NetworkType, tomType: TOMType?) -> Bool {
        tomType == .signed && networkType == .unsigned
    }

    /// `expression` is genes x samples, with or without missing values (pairwise-complete
    /// Pearson); the result is genes x genes, row-major. For small networks and checks:
    /// ``AdjacencyBlocks`` builds large ones.
    static func matrix(_ expression: LabeledMatrix, networkType: NetworkType, power: Double, tomType: TOMType?) -> [Double] {
        var a = CorrelationEngine(method: .pearson, covariates: nil).correlateUnadjusted(expression, expression).r
        let keepSign = keepsSign(networkType: networkType, tomType: tomType)
        a.withUnsafeMutableBufferPointer { a in
            // 64K values a chunk: a small-network path, split only when a chunk is worth a thread.
            Parallel.forEachChunk(a.count, minimumChunk: 1 << 16) { range in
                for i in range { a[i] = value(a[i], networkType: networkType, power: power, keepSign: keepSign) }
            }
        }
        return a
    }
}

/// The adjacency of a network over genes without missing values, produced a block of rows
/// at a time: each gene is standardized once (so that a dot product is its correlation),
/// then each block is one matrix product, transformed in place. Memory: genes x samples
/// plus one block of rows, whatever the size of the network.
struct AdjacencyBlocks {
    let genes: Int
    let networkType: NetworkType
    let power: Double
    let keepSign: Bool
    /// Genes x samples, each row of unit length (Pearson) or bicor-transformed.
    private var standardized: [Double]
    private let samples: Int

    init(_ expression: LabeledMatrix, correlation: CorrelationMethod, networkType: NetworkType, power: Double, tomType: TOMType?) {
        precondition(correlation == .pearson || correlation == .bicor, "networks use pearson or bicor")
        genes = expression.rowCount
        samples = expression.columnCount
        self.networkType = networkType
        self.power = power
        keepSign = Adjacency.keepsSign(networkType: networkType, tomType: tomType)
        var transformed = [Double](repeating: 0, count: expression.rowCount * expression.columnCount)
        let subset = SampleSubset(mask: nil, sampleCount: expression.columnCount)
        _ = transformed.withUnsafeMutableBufferPointer { out in
            CorrelationTransform(method: correlation).apply(expression, rows: Array(0..<expression.rowCount), orders: nil,
                                                            subset: subset, into: out.baseAddress!)
        }
        standardized = transformed
    }

    /// Rows per block: 2^23 doubles (64 MB) whatever the gene count, so a block's correlations
    /// stay small next to the genes x genes result; at least 16 rows, so that a product still
    /// has rows to split among threads (``TiledProducts``).
    var blockRows: Int { max(16, min(genes, (1 << 23) / max(genes, 1))) }

    /// Calls `body` for consecutive blocks of rows with the block's adjacencies (rows x genes,
    /// row-major, diagonal as computed: base(1)^power).
    func forEachBlock(_ body: (Range<Int>, UnsafeMutableBufferPointer<Double>) -> Void) {
        let rowsPerBlock = blockRows
        var block = [Double](unsafeUninitializedCapacity: rowsPerBlock * genes) { _, count in count = rowsPerBlock * genes }
        block.withUnsafeMutableBufferPointer { block in
            var start = 0
            while start < genes {
                let rows = start..<min(genes, start + rowsPerBlock)
                let filled = UnsafeMutableBufferPointer(rebasing: block[0..<(rows.count * genes)])
                fill(rows, into: filled.baseAddress!)
                body(rows, filled)
                start = rows.upperBound
            }
        }
    }

    /// The adjacencies of `rows` into `target` (rows x genes, row-major): one product, then
    /// the transform in place.
    private func fill(_ rows: Range<Int>, into target: UnsafeMutablePointer<Double>) {
        standardized.withUnsafeBufferPointer { z in
            BLAS.gemmTransposedB(m: rows.count, n: genes, k: samples, a: z.baseAddress! + rows.lowerBound * samples, lda: samples,
                                 b: z.baseAddress!, ldb: samples, c: target, ldc: genes)
        }
        Adjacency.transform(UnsafeMutableBufferPointer(start: target, count: rows.count * genes), networkType: networkType,
                            power: power, keepSign: keepSign)
    }

    /// The whole adjacency, genes x genes row-major, in the network's precision. Double
    /// blocks are computed in place; Float blocks go through one block of doubles.
    func matrix<Scalar: NetworkScalar>(as _: Scalar.Type) -> [Scalar] {
        let count = genes * genes
        if Scalar.self == Double.self {
            let a = [Double](unsafeUninitializedCapacity: count) { a, initialized in
                var start = 0
                while start < genes {
                    let rows = start..<min(genes, start + blockRows)
                    fill(rows, into: a.baseAddress! + start * genes)
                    start = rows.upperBound
                }
                initialized = count
            }
            return unsafeBitCast(a, to: [Scalar].self)  // Scalar is Double here
        }
        return [Scalar](unsafeUninitializedCapacity: count) { a, initialized in
            forEachBlock { rows, block in
                // 64K values a chunk: a plain copy, cheap per value, so chunks are large.
                Parallel.forEachChunk(block.count, minimumChunk: 1 << 16) { range in
                    for i in range { a[rows.lowerBound * genes + i] = Scalar(block[i]) }
                }
            }
            initialized = count
        }
    }
}
