/// Simulated log2 expression: module genes follow their module's eigengene,
/// x = mu + s (l e + sqrt(1 - l^2) z), with loading l in [0.55, 0.95]; other genes
/// are independent noise; three genes are never expressed (all zero).
enum ExpressionSimulator {
    /// Genes left at zero, so that the example exercises the near-constant warning and the
    /// genes without variance that modules leave out. The means (7 +- 1.8, within [0.5, 15]) and
    /// sds ([0.25, 1.1]) are log2 expression of a typical RNA-seq cohort; the loadings
    /// ([0.55, 0.95]) make modules that WGCNA's defaults find (rgmap's design, as the example's
    /// recovery figures in methods.md show).
    static let unexpressedGenes = 3

    static func simulate(genes: [String], modules: [[String]], eigengenes: [[Double]],
                         samples: [Int], sampleIDs: [String], missingCells: Int,
                         rng: inout RandomSource) -> (LabeledMatrix, loadings: [String: Double]) {
        var moduleOf: [String: Int] = [:]
        for (m, members) in modules.enumerated() { for gene in members { moduleOf[gene] = m } }
        let silent = Set(rng.permutation(genes.count).lazy.filter { moduleOf[genes[$0]] == nil }.prefix(unexpressedGenes))
        var matrix = LabeledMatrix(rowLabels: genes, columnLabels: sampleIDs, repeating: 0)
        var loadings: [String: Double] = [:]
        for (g, gene) in genes.enumerated() where !silent.contains(g) {
            let mean = min(15, max(0.5, rng.normal(mean: 7, sd: 1.8)))
            let sd = rng.uniform(0.25, 1.1)
            let module = moduleOf[gene]
            let loading = module == nil ? 0 : rng.uniform(0.55, 0.95)
            if module != nil { loadings[gene] = loading }
            let residual = (1 - loading * loading).squareRoot()
            for (j, patient) in samples.enumerated() {
                let signal = module.map { loading * eigengenes[$0][patient] } ?? 0
                let value = mean + sd * (signal + residual * rng.normal())
                matrix[g, j] = (max(0, value) * 10_000).rounded() / 10_000
            }
        }
        for _ in 0..<missingCells {
            var cell = rng.index(matrix.values.count)
            while silent.contains(cell / matrix.columnCount) { cell = rng.index(matrix.values.count) }
            matrix.values[cell] = .nan
        }
        return (matrix, loadings)
    }
}
