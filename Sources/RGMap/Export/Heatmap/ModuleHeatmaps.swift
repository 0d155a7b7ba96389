/// The module heatmaps of WGCNA's figures: the eigengene network and the module-trait
/// relationships.
public enum ModuleHeatmaps {
    /// Adjacency (1 + cor) / 2 between the eigengenes of modules 1..K (module 0 left out),
    /// ordered by average linkage on 1 - cor, as WGCNA's `plotEigengeneNetworks`; nil
    /// without modules.
    ///
    /// - Parameter eigengenes: modules x samples (rows `ME1`..., `ME0`), as ``ModuleStatistics``.
    public static func eigengeneAdjacency(_ eigengenes: LabeledMatrix, modules: [Int]) -> Heatmap? {
        let rows = modules.indices.filter { modules[$0] != 0 }
        guard !rows.isEmpty else { return nil }
        let k = rows.count
        let correlation = ClusteredAxis.correlations(rows.map { Array(eigengenes.row($0)) })
        var distances = correlation.map { 1 - $0 }
        let axis = ClusteredAxis(labels: rows.map { eigengenes.rowLabels[$0] },
                                 tree: AverageLinkage.cluster(dissimilarity: &distances, count: k), distance: "1 - cor(eigengenes)")
        return Heatmap(rows: axis, columns: axis, layers: [.init(name: "adjacency", values: correlation.map { (1 + $0) / 2 })],
                       corner: "module")
    }

    /// Module-feature r, p and q for the `featureCount` features with the smallest module q
    /// (modules other than 0; ties by largest |r|). Rows: modules in the order of
    /// `eigengeneOrder` (labels `ME1`...), then `ME0`; columns clustered by 1 - r of their
    /// r profiles.
    public static func moduleFeature(_ association: ModuleFeatureAssociation, modules: [Int], features: [String],
                                     featureCount: Int, eigengeneOrder: [String]) -> Heatmap {
        let f = features.count
        let real = modules.indices.filter { modules[$0] != 0 }
        var bestQ = [Double](repeating: .nan, count: f), bestR = [Double](repeating: .nan, count: f)
        for feature in 0..<f {
            (bestQ[feature], bestR[feature]) = strongestPair(real.lazy.map { $0 * f + feature }, q: association.moduleQ, r: association.moduleR)
        }
        let chosen = topRanked(f, count: featureCount, q: bestQ, strength: bestR)
        let labels = modules.map { "ME\($0)" }
        let layer = { (name: String, values: [Double]) in
            Heatmap.Layer(name: name, values: modules.indices.flatMap { row in chosen.map { values[row * f + $0] } })
        }
        let r = layer("r", association.moduleR)
        let profiles = chosen.indices.map { column in modules.indices.map { r.values[$0 * chosen.count + column] } }
        var rows = ClusteredAxis(fixed: labels)
        let position = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        rows.order = eigengeneOrder.compactMap { position[$0] } + (position["ME0"].map { [$0] } ?? [])
        return Heatmap(rows: rows, columns: ClusteredAxis(labels: chosen.map { features[$0] }, clusteringProfiles: profiles),
                       layers: [r, layer("p", association.moduleP), layer("q", association.moduleQ)], corner: "module")
    }
}
