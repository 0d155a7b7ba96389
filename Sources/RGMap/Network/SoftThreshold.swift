/// WGCNA's `pickSoftThreshold`: for each candidate power β, the connectivity of every gene
/// in the network a_ij = base(r_ij)^β (k_j = sum over i != j), its scale-free fit
/// (``ScaleFreeFit``) and the mean, median and largest connectivity.
///
/// r is R's `cor(use = "pairwise.complete.obs")` between genes, computed block by block of
/// genes (one product per block), so memory stays at genes x block, never genes x genes.
public enum SoftThreshold {
    /// WGCNA's default candidate powers: 1 to 10, then 12 to 20 by 2.
    public static let defaultPowers = Array(1...10) + Array(stride(from: 12, through: 20, by: 2))

    /// One line of the table (`network/soft_threshold.tsv`).
    public struct Row: Sendable, Equatable {
        public var power: Int
        public var fit: ScaleFreeFit
        public var meanK: Double
        public var medianK: Double
        public var maxK: Double
    }

    /// The table for `expression` (genes x samples), powers ascending.
    public static func table(_ expression: LabeledMatrix, networkType: NetworkType, powers: [Int] = defaultPowers,
                             progress: ProgressCallback? = nil) -> [Row] {
        let powers = powers.sorted()
        let k = connectivities(expression, networkType: networkType, powers: powers, progress: progress)
        return powers.indices.map { index in
            var column = k[index]
            let median = column.withUnsafeMutableBufferPointer { Median.inPlace($0.baseAddress!, count: $0.count) }
            return Row(power: powers[index], fit: ScaleFreeFit(connectivity: k[index]),
                       meanK: k[index].reduce(0, +) / Double(k[index].count), medianK: median, maxK: k[index].max() ?? .nan)
        }
    }

    /// WGCNA's `powerEstimate`: the lowest power whose fit R^2 exceeds `rSquaredCut`, or nil.
    /// `rSquaredCut`: pickSoftThreshold's RsquaredCut = 0.85.
    public static func powerEstimate(_ table: [Row], rSquaredCut: Double = 0.85) -> Int? {
        table.first { $0.fit.rSquared > rSquaredCut }?.power
    }

    /// Per power (in `powers` order): the connectivity of every gene.
    static func connectivities(_ expression: LabeledMatrix, networkType: NetworkType, powers: [Int],
                               progress: ProgressCallback?) -> [[Double]] {
        let genes = expression.rowCount
        let steps = zip(powers, [0] + powers.dropLast()).map { $0 - $1 }
        var k = [Double](repeating: 0, count: powers.count * genes)  // power-major
        let block = max(1, min(genes, (1 << 25) / max(genes, 1)))  // genes x block correlations: <= 256 MB
        let engine = CorrelationEngine(method: .pearson, covariates: nil)
        var start = 0
        while start < genes {
            let rows = Array(start..<min(genes, start + block))
            let r = engine.correlateUnadjusted(expression.selectingRows(rows), expression).r  // block x genes
            r.withUnsafeBufferPointer { r in
                k.withUnsafeMutableBufferPointer { k in
                    // 4 rows a chunk: each row raises all genes to every power, ample work for a thread.
                    Parallel.forEachChunk(rows.count, minimumChunk: 4) { chunk in
                        var sums = [SIMD8<Double>](repeating: .zero, count: powers.count)
                        for local in chunk {
                            let gene = rows[local]
                            for index in sums.indices { sums[index] = .zero }
                            var other = 0
                            while other < genes {
                                // Eight genes at a time (SIMD8: independent products fill the
                                // multiplier's pipeline); the gene itself and NaN add nothing
                                // (R's colSums(na.rm = TRUE) after the diagonal's 1 - 1).
                                var base = SIMD8<Double>.zero
                                for lane in 0..<8 where other + lane < genes && other + lane != gene {
                                    let value = networkType.base(r[local * genes + other + lane])
                                    base[lane] = value.isNaN ? 0 : value
                                }
                                var value = SIMD8<Double>(repeating: 1)
                                for (index, step) in steps.enumerated() {
                                    for _ in 0..<step { value *= base }
                                    sums[index] += value
                                }
                                other += 8
                            }
                            for index in sums.indices { k[index * genes + gene] = sums[index].sum() }
                        }
                    }
                }
            }
            start += rows.count
            progress?(start, genes)
        }
        return powers.indices.map { Array(k[($0 * genes)..<(($0 + 1) * genes)]) }
    }
}
