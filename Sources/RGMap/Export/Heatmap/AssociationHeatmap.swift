/// The strongest part of an association map as a heatmap: the top features by their
/// smallest q (ties by largest |r|), then the top genes by their smallest q over those
/// features; both axes clustered by average linkage on 1 - r of their r profiles.
public enum AssociationHeatmap {
    public static func make(_ map: AssociationMap, features featureCount: Int, genes geneCount: Int) -> Heatmap {
        let f = map.featureCount, g = map.geneCount
        var bestQ = [Double](repeating: .nan, count: f), bestR = [Double](repeating: .nan, count: f)
        for feature in 0..<f {
            (bestQ[feature], bestR[feature]) = strongestPair((0..<g).lazy.map { feature * g + $0 }, q: map.q, r: map.r)
        }
        let features = topRanked(f, count: featureCount, q: bestQ, strength: bestR)
        var geneQ = [Double](repeating: .nan, count: g), geneR = [Double](repeating: .nan, count: g)
        for gene in 0..<g {
            (geneQ[gene], geneR[gene]) = strongestPair(features.lazy.map { $0 * g + gene }, q: map.q, r: map.r)
        }
        let genes = topRanked(g, count: geneCount, q: geneQ, strength: geneR)
        func submatrix(_ values: [Double]) -> [Double] { features.flatMap { feature in genes.map { values[feature * g + $0] } } }
        let r = submatrix(map.r)
        let featureLabels = features.map { map.features[$0] }, geneLabels = genes.map { map.genes[$0] }
        let rowProfiles = features.indices.map { row in Array(r[(row * genes.count)..<((row + 1) * genes.count)]) }
        let columnProfiles = genes.indices.map { column in features.indices.map { r[$0 * genes.count + column] } }
        return Heatmap(rows: ClusteredAxis(labels: featureLabels, clusteringProfiles: rowProfiles),
                       columns: ClusteredAxis(labels: geneLabels, clusteringProfiles: columnProfiles),
                       layers: [.init(name: "r", values: r), .init(name: "q", values: submatrix(map.q))], corner: "feature")
    }
}
