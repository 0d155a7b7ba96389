/// WGCNA's gene significance versus module membership plot, per feature and linked module.
public struct GeneSignificanceScatter: Sendable {
    /// One gene of one feature's linked module.
    public struct Point: Sendable, Equatable {
        public var feature: Int
        public var module: Int
        public var gene: Int
        public var gs: Double
        public var kme: Double
        public var hub: Bool
    }

    /// cor(|GS|, |kME|) over one module's genes for one feature, and its Student p, as
    /// WGCNA's `verboseScatterplot` prints above the plot.
    public struct Summary: Sendable, Equatable {
        public var feature: Int
        public var module: Int
        public var genes: Int
        public var r: Double
        public var p: Double
    }

    public var points: [Point] = []
    public var summaries: [Summary] = []

    /// For each feature of `features` (indices) and each module other than 0 whose
    /// module-feature q is at most `moduleQ`: every gene of the module.
    ///
    /// - Parameters:
    ///   - labels: the module of each gene; `kme` genes x modules in `modules` order.
    ///   - featureCount: the number of features of `association`.
    public init(_ association: ModuleFeatureAssociation, features: [Int], featureCount f: Int, labels: [Int], modules: [Int],
                kme: [Double], hubs: [FeatureHub], moduleQ: Double) {
        let m = modules.count
        let genesCount = labels.count
        let hubPairs = Set(hubs.map { $0.feature * genesCount + $0.gene })
        var members: [Int: [Int]] = [:]
        for (gene, label) in labels.enumerated() where label != 0 { members[label, default: []].append(gene) }
        for feature in features {
            for (row, module) in modules.enumerated() where module != 0 && association.moduleQ[row * f + feature] <= moduleQ {
                let genes = members[module] ?? []
                var absGS: [Double] = [], absKME: [Double] = []
                for gene in genes {
                    let gs = association.geneSignificance[gene * f + feature], k = kme[gene * m + row]
                    points.append(Point(feature: feature, module: module, gene: gene, gs: gs, kme: k, hub: hubPairs.contains(feature * genesCount + gene)))
                    if !gs.isNaN, !k.isNaN { absGS.append(abs(gs)); absKME.append(abs(k)) }
                }
                let r = absGS.count > 2 ? VectorCorrelation.pearson(absGS, absKME) : .nan
                let p = r.isNaN ? .nan : StudentTPValue.viaR(r: r, df: absGS.count - 2)
                summaries.append(Summary(feature: feature, module: module, genes: genes.count, r: r, p: p))
            }
        }
    }
}
