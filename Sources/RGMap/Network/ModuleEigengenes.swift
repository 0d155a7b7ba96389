import CBLAS
import CLAPACKE

/// WGCNA's `moduleEigengenes` (align = "along average", scale = TRUE) for expression
/// without missing values: per module, the first right singular vector (unit length, one
/// value per sample) of its genes standardized over the samples, its sign chosen so that it
/// correlates positively with the module's average standardized expression, and the share
/// of variance it explains (mean squared correlation with the module's genes).
public struct ModuleEigengenes: Sendable {
    /// Module labels, ascending (0, the unassigned genes, first when present).
    public var modules: [Int]
    /// Per module: the eigengene, one value per sample.
    public var eigengenes: [[Double]]
    public var varianceExplained: [Double]

    /// `expression` is genes x samples; `labels` has one module label per gene.
    /// - Throws: ``NumericalError`` when LAPACK cannot find a module's eigenvector.
    public init(_ expression: LabeledMatrix, labels: [Int]) throws {
        precondition(labels.count == expression.rowCount, "one label per gene")
        modules = Array(Set(labels)).sorted()
        eigengenes = []
        varianceExplained = []
        for module in modules {
            let genes = labels.indices.filter { labels[$0] == module }
            let (eigengene, explained) = try Self.eigengene(expression, genes: genes, module: module)
            eigengenes.append(eigengene)
            varianceExplained.append(explained)
        }
    }

    /// The eigengenes as a modules x samples matrix labelled ME<label>.
    public func matrix(samples: [String]) -> LabeledMatrix {
        LabeledMatrix(rowLabels: modules.map { "ME\($0)" }, columnLabels: samples, values: eigengenes.flatMap { $0 })
    }

    private static func eigengene(_ expression: LabeledMatrix, genes: [Int], module: Int) throws -> ([Double], Double) {
        let n = expression.columnCount, m = genes.count
        // Standardized genes (sd with n - 1, as R's scale), row-major m x n.
        var x = [Double](repeating: 0, count: m * n)
        for (row, gene) in genes.enumerated() {
            let values = expression.row(gene)
            let mean = values.reduce(0, +) / Double(n)
            let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)).squareRoot()
            for (s, v) in values.enumerated() { x[row * n + s] = sd > 0 ? (v - mean) / sd : 0 }
        }
        // The top right singular vector of x: the top eigenvector of the n x n Gram matrix x^T x.
        var gram = [Double](repeating: 0, count: n * n)
        x.withUnsafeBufferPointer { x in
            gram.withUnsafeMutableBufferPointer { g in
                cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, Int32(n), Int32(m), 1, x.baseAddress!, Int32(n), 0,
                            g.baseAddress!, Int32(n))
            }
        }
        var found: Int32 = 0
        var eigenvalue = [Double](repeating: 0, count: 1)
        var vector = [Double](repeating: 0, count: n)
        var support = [Int32](repeating: 0, count: 2)
        let status = LAPACKE_dsyevr(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "I")), CChar(UInt8(ascii: "U")), Int32(n),
                                    &gram, Int32(n), 0, 0, Int32(n), Int32(n), 0, &found, &eigenvalue, &vector, 1, &support)
        try NumericalError.check(status, "dsyevr", "the eigengene of module \(module) (\(plural(m, "gene")) x \(plural(n, "sample")))")
        guard found == 1 else {
            throw NumericalError(routine: "dsyevr", status: status, purpose: "the eigengene of module \(module) (no eigenvector found)")
        }
        // Sign: along the average standardized expression.
        let average = (0..<n).map { s in (0..<m).reduce(0) { $0 + x[$1 * n + s] } / Double(m) }
        if VectorCorrelation.pearson(average, vector[...]) < 0 { vector = vector.map { -$0 } }
        let explained = (0..<m).reduce(0) { sum, row in
            let r = VectorCorrelation.pearson(x[(row * n)..<((row + 1) * n)], vector[...])
            return sum + (r.isNaN ? 0 : r * r)
        } / Double(m)
        return (vector, explained)
    }
}
