/// One side (features or a block of genes) of a pairwise-complete Pearson computation:
/// each variable centred and scaled over its own present values, 0 where missing, with its
/// count, sums and missing samples. Centring first keeps every later subtraction of
/// moments nearly free of cancellation.
struct MaskedSide {
    let rows: Int
    /// Samples per variable (all, present or not).
    let n: Int
    /// rows x n, row-major; 0 where missing.
    let values: [Double]
    let counts: [Int32]
    let sums: [Double]
    let sumsOfSquares: [Double]
    /// Missing samples of row i: `missingSamples[missingStart[i] ..< missingStart[i + 1]]`.
    let missingStart: [Int]
    let missingSamples: [Int32]

    var hasMissing: Bool { !missingSamples.isEmpty }
    /// Missing cells over all cells.
    var missingFraction: Double { rows * n == 0 ? 0 : Double(missingSamples.count) / Double(rows * n) }

    init(_ matrix: LabeledMatrix, rows selected: Range<Int>) {
        let rows = selected.count, n = matrix.columnCount
        self.rows = rows
        self.n = n
        var values = [Double](repeating: 0, count: rows * n)
        var counts = [Int32](repeating: 0, count: rows)
        var sums = [Double](repeating: 0, count: rows)
        var sumsOfSquares = [Double](repeating: 0, count: rows)
        var missingStart = [0]
        var missingSamples: [Int32] = []
        for (i, r) in selected.enumerated() {
            let row = matrix.row(r)
            let summary = VariableSummary(row)
            let scale = summary.variance > 0 ? 1 / summary.variance.squareRoot() : 1
            for (j, v) in row.enumerated() {
                if v.isNaN {
                    missingSamples.append(Int32(j))
                    continue
                }
                let standardized = (v - summary.mean) * scale
                values[i * n + j] = standardized
                sums[i] += standardized
                sumsOfSquares[i] += standardized * standardized
            }
            counts[i] = Int32(summary.present)
            missingStart.append(missingSamples.count)
        }
        self.values = values
        self.counts = counts
        self.sums = sums
        self.sumsOfSquares = sumsOfSquares
        self.missingStart = missingStart
        self.missingSamples = missingSamples
    }

    /// Missing samples of row `i`.
    @inline(__always)
    func missing(_ i: Int) -> Range<Int> { missingStart[i]..<missingStart[i + 1] }

    /// rows x n: 1 where present, 0 where missing.
    func mask() -> [Double] {
        var mask = [Double](repeating: 1, count: rows * n)
        for i in 0..<rows { for k in missing(i) { mask[i * n + Int(missingSamples[k])] = 0 } }
        return mask
    }

    /// n x rows: the values transposed (a sample's values over all variables, contiguous).
    func transposedValues() -> [Double] {
        var transposed = [Double](repeating: 0, count: rows * n)
        for i in 0..<rows { for s in 0..<n { transposed[s * rows + i] = values[i * n + s] } }
        return transposed
    }
}
