import Foundation

/// The statistic that ranks genes for a feature's preranked GSEA.
public enum RankStatistic: String, Sendable, CaseIterable, Codable {
    /// The correlation r.
    case r
    /// Student's t of r: r sqrt(df / (1 - r^2)), df = n - 2 - covariate columns.
    case t
    /// -log10(p) with the sign of r.
    case signedLog10p = "signed-log10p"
}

/// Builds the enrichment queries from earlier results: modules, each feature's associated
/// genes, and each feature's ranked list.
public enum EnrichmentQueries {
    /// One query per module 1..K (`M1`, `M2`, ...), genes in table order; module 0 is not a query.
    public static func modules(genes: [String], modules: [Int], universe: GeneUniverse) -> [GeneQuery] {
        guard let largest = modules.max(), largest > 0 else { return [] }
        return (1...largest).map { module in
            GeneQuery(name: "M\(module)", names: genes.indices.filter { modules[$0] == module }.map { genes[$0] }, universe: universe)
        }
    }

    /// For every feature, `FEATURE:positive` and `FEATURE:negative`: the genes with q <= `maxQ`
    /// and r > 0 (r < 0), most significant first (smaller p, then larger |r|, then map order),
    /// at most `maxGenes` each. Empty lists are left out.
    public static func featureLists(_ map: StoredAssociationMap, universe: GeneUniverse, maxQ: Double, maxGenes: Int) -> [GeneQuery] {
        let geneIndex = map.genes.map { universe.index(of: $0) }
        let g = map.genes.count
        var queries: [GeneQuery] = []
        for (f, feature) in map.features.enumerated() {
            for positive in [true, false] {
                var chosen = (0..<g).filter { j in
                    let k = f * g + j
                    return geneIndex[j] != nil && map.q[k] <= maxQ && (positive ? map.r[k] > 0 : map.r[k] < 0)
                }
                chosen.sort { a, b in
                    let (pa, pb) = (map.p[f * g + a], map.p[f * g + b])
                    if pa != pb { return pa < pb }
                    let (ra, rb) = (abs(map.r[f * g + a]), abs(map.r[f * g + b]))
                    return ra != rb ? ra > rb : a < b
                }
                guard !chosen.isEmpty else { continue }
                queries.append(GeneQuery(name: feature + (positive ? ":positive" : ":negative"),
                                         genes: chosen.prefix(maxGenes).map { geneIndex[$0]! }))
            }
        }
        return queries
    }

    /// Feature `f`'s ranked list over the universe (genes outside the map or without a finite
    /// statistic are unranked).
    public static func rankedList(_ map: StoredAssociationMap, feature f: Int, universe: GeneUniverse, by statistic: RankStatistic) -> RankedList {
        let g = map.genes.count
        var scores = [Double](repeating: .nan, count: universe.count)
        for j in 0..<g {
            guard let u = universe.index(of: map.genes[j]) else { continue }
            let k = f * g + j
            let value = score(r: map.r[k], p: map.p[k], n: map.n[k], covariates: map.covariateColumns, statistic)
            if value.isFinite { scores[Int(u)] = value }
        }
        return RankedList(name: map.features[f], scores: scores)
    }

    static func score(r: Double, p: Double, n: Double, covariates: Int, _ statistic: RankStatistic) -> Double {
        switch statistic {
        case .r:
            return r
        case .t:
            let df = n - 2 - Double(covariates)
            return df > 0 ? r * (df / (1 - r * r)).squareRoot() : .nan
        case .signedLog10p:
            return r == 0 ? 0 : -log10(p) * (r > 0 ? 1 : -1)
        }
    }
}
