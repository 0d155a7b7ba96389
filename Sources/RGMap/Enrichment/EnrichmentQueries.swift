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
/// genes, and each feature's ranked list (from ``AssociationQueries``).
public enum EnrichmentQueries {
    /// One query per module 1..K (`M1`, `M2`, ...), genes in table order; module 0 is not a query.
    public static func modules(genes: [String], modules: [Int], universe: GeneUniverse) -> [GeneQuery] {
        guard let largest = modules.max(), largest > 0 else { return [] }
        return (1...largest).map { module in
            GeneQuery(name: "M\(module)", names: genes.indices.filter { modules[$0] == module }.map { genes[$0] }, universe: universe)
        }
    }

    /// For every feature, `FEATURE:positive` and `FEATURE:negative`: its genes of ``AssociationQueries``
    /// that are in the universe, in their order, at most `maxGenes` each. Empty lists are left out.
    public static func featureLists(_ queries: AssociationQueries, universe: GeneUniverse, maxGenes: Int) -> [GeneQuery] {
        let geneIndex = queries.genes.map { universe.index(of: $0) }
        var result: [GeneQuery] = []
        for (f, feature) in queries.features.enumerated() {
            for (suffix, list) in [(":positive", queries.positive[f]), (":negative", queries.negative[f])] {
                let inUniverse = list.lazy.compactMap { geneIndex[Int($0)] }.prefix(maxGenes)
                guard !inUniverse.isEmpty else { continue }
                result.append(GeneQuery(name: feature + suffix, genes: Array(inUniverse)))
            }
        }
        return result
    }

    /// Feature `f`'s ranked list over the universe (genes outside the map or without a finite
    /// statistic are unranked).
    public static func rankedList(_ queries: AssociationQueries, feature f: Int, universe: GeneUniverse) -> RankedList {
        let g = queries.genes.count
        var scores = [Double](repeating: .nan, count: universe.count)
        for j in 0..<g {
            guard let u = universe.index(of: queries.genes[j]) else { continue }
            let value = queries.scores[f * g + j]
            if !value.isNaN { scores[Int(u)] = value }
        }
        return RankedList(name: queries.features[f], scores: scores)
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
