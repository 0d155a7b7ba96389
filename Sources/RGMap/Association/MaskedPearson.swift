/// Pairwise-complete Pearson correlation through matrix products, for data with missing
/// values: with 0/1 presence masks M and values X0, Y0 set to 0 where missing, the pair
/// counts, sums, sums of squares and cross-products are all products of matrices:
/// N = MX MY^T, Sx = X0 MY^T, Sy = MX Y0^T, Sxx = X0^2 MY^T, Syy = MX (Y0^2)^T,
/// Sxy = X0 Y0^T, and r = (N Sxy - Sx Sy) / sqrt((N Sxx - Sx^2)(N Syy - Sy^2)).
/// Variables are first centred and scaled over their own present values, so the
/// subtractions lose almost nothing; a side without missing values needs no mask product.
struct MaskedPearson {
    /// One side, prepared: standardized values (0 where missing), squares and mask.
    struct Side {
        let rows: Int
        let n: Int
        let values: [Double]
        let squares: [Double]
        let mask: [Double]
        let hasMissing: Bool
        let counts: [Double]
        let sums: [Double]
        let sumsOfSquares: [Double]

        init(_ matrix: LabeledMatrix, rows selected: Range<Int>) {
            let rows = selected.count, n = matrix.columnCount
            self.rows = rows
            self.n = n
            var values = [Double](repeating: 0, count: rows * n)
            var mask = [Double](repeating: 0, count: rows * n)
            var counts = [Double](repeating: 0, count: rows)
            var sums = [Double](repeating: 0, count: rows)
            var sumsOfSquares = [Double](repeating: 0, count: rows)
            var missing = false
            for (i, r) in selected.enumerated() {
                let row = matrix.row(r)
                let summary = VariableSummary(row)
                let scale = summary.variance > 0 ? 1 / summary.variance.squareRoot() : 1
                for (j, v) in row.enumerated() where !v.isNaN {
                    let standardized = (v - summary.mean) * scale
                    values[i * n + j] = standardized
                    mask[i * n + j] = 1
                    sums[i] += standardized
                    sumsOfSquares[i] += standardized * standardized
                }
                counts[i] = Double(summary.present)
                if summary.present < n { missing = true }
            }
            self.values = values
            self.mask = mask
            self.counts = counts
            squares = values.map { $0 * $0 }
            hasMissing = missing
            self.sums = sums
            self.sumsOfSquares = sumsOfSquares
        }
    }

    /// Fills `r` and `count` (x.rows x y.rows, row stride `stride`, starting at `offset`).
    static func correlate(_ x: Side, _ y: Side, r: UnsafeMutablePointer<Double>, count: UnsafeMutablePointer<Int32>,
                          stride: Int, offset: Int) {
        let f = x.rows, g = y.rows, n = x.n
        let size = f * g
        var sxy = [Double](repeating: 0, count: size)
        var sx = [Double](repeating: 0, count: size)
        var sxx = [Double](repeating: 0, count: size)
        var sy = [Double](repeating: 0, count: size)
        var syy = [Double](repeating: 0, count: size)
        var pairs = [Double](repeating: 0, count: size)
        product(x.values, y.values, f, g, n, into: &sxy)
        if y.hasMissing {
            product(x.values, y.mask, f, g, n, into: &sx)
            product(x.squares, y.mask, f, g, n, into: &sxx)
        } else {
            broadcastRows(x.sums, f, g, into: &sx)
            broadcastRows(x.sumsOfSquares, f, g, into: &sxx)
        }
        if x.hasMissing {
            product(x.mask, y.values, f, g, n, into: &sy)
            product(x.mask, y.squares, f, g, n, into: &syy)
        } else {
            broadcastColumns(y.sums, f, g, into: &sy)
            broadcastColumns(y.sumsOfSquares, f, g, into: &syy)
        }
        if x.hasMissing && y.hasMissing {
            product(x.mask, y.mask, f, g, n, into: &pairs)
        } else if x.hasMissing {
            broadcastRows(x.counts, f, g, into: &pairs)
        } else {
            broadcastColumns(y.counts, f, g, into: &pairs)
        }
        Parallel.forEachChunk(f, minimumChunk: 8) { chunk in
            for i in chunk {
                for j in 0..<g {
                    let k = i * g + j
                    let nPair = pairs[k]
                    count[i * stride + offset + j] = Int32(nPair)
                    r[i * stride + offset + j] = Self.coefficient(n: nPair, sxy: sxy[k], sx: sx[k], sy: sy[k],
                                                                 sxx: sxx[k], syy: syy[k])
                }
            }
        }
    }

    /// r from the pair's moments; NaN for fewer than 2 pairs or a side constant over them
    /// (its variance below 1e-12 of its raw second moment: rounding noise, not signal).
    @inline(__always)
    static func coefficient(n: Double, sxy: Double, sx: Double, sy: Double, sxx: Double, syy: Double) -> Double {
        guard n >= 2 else { return .nan }
        let vx = n * sxx - sx * sx
        let vy = n * syy - sy * sy
        guard vx > 1e-12 * n * sxx, vy > 1e-12 * n * syy else { return .nan }
        return CorrelationEngine.clamp((n * sxy - sx * sy) / (vx * vy).squareRoot())
    }

    private static func product(_ a: [Double], _ b: [Double], _ f: Int, _ g: Int, _ n: Int, into c: inout [Double]) {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    BLAS.gemmTransposedB(m: f, n: g, k: n, a: a.baseAddress!, lda: n, b: b.baseAddress!, ldb: n,
                                         c: c.baseAddress!, ldc: g)
                }
            }
        }
    }

    private static func broadcastRows(_ v: [Double], _ f: Int, _ g: Int, into c: inout [Double]) {
        for i in 0..<f { for j in 0..<g { c[i * g + j] = v[i] } }
    }

    private static func broadcastColumns(_ v: [Double], _ f: Int, _ g: Int, into c: inout [Double]) {
        for i in 0..<f { for j in 0..<g { c[i * g + j] = v[j] } }
    }
}
