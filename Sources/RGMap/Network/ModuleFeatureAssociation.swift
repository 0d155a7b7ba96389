/// What links co-expression modules to imaging features: module-feature correlations (the
/// eigengenes against each feature, WGCNA's module-trait relationships), gene significance
/// (each gene against each feature) and the hub genes of each feature.
///
/// r is pairwise-complete Pearson, p the two-sided Student t with n - 2 df
/// (`corPvalueStudent`), and the module-feature q is BH over all module x feature pairs.
public struct ModuleFeatureAssociation: Sendable {
    /// Modules x features, row-major.
    public var moduleR: [Double]
    public var moduleP: [Double]
    public var moduleQ: [Double]
    /// Genes x features, row-major.
    public var geneSignificance: [Double]
    public var geneSignificanceP: [Double]

    init(moduleR: [Double], moduleP: [Double], moduleQ: [Double], geneSignificance: [Double], geneSignificanceP: [Double]) {
        (self.moduleR, self.moduleP, self.moduleQ) = (moduleR, moduleP, moduleQ)
        (self.geneSignificance, self.geneSignificanceP) = (geneSignificance, geneSignificanceP)
    }

    /// `eigengenes` is modules x samples, `expression` genes x samples, `features`
    /// features x samples, all on the same samples.
    public init(eigengenes: LabeledMatrix, expression: LabeledMatrix, features: LabeledMatrix) {
        let engine = CorrelationEngine(method: .pearson, covariates: nil)
        let modules = engine.correlateUnadjusted(eigengenes, features)
        moduleR = modules.r
        moduleP = AssociationMapper.pValues(modules, features: eigengenes.rowCount, genes: features.rowCount)
        moduleQ = AssociationMapper.qValues(moduleP, features: eigengenes.rowCount, genes: features.rowCount,
                                            options: AssociationOptions(fdr: .bh))
        let genes = engine.correlateUnadjusted(expression, features)
        geneSignificance = genes.r
        geneSignificanceP = AssociationMapper.pValues(genes, features: expression.rowCount, genes: features.rowCount)
    }
}

/// The thresholds that make a gene a hub of a feature.
public struct HubRules: Sendable {
    /// A module counts for a feature when its module-feature q is at most this (0.05, the
    /// FDR level used throughout rgmap).
    public var moduleQ = 0.05
    /// Least |kME| of a hub to its own module (0.8, the module membership cut commonly used
    /// with WGCNA for intramodular hub genes).
    public var minimumKME = 0.8
    /// Least |GS| of a hub for the feature (0.2, the gene significance cut used with it).
    public var minimumGS = 0.2

    public init(moduleQ: Double = 0.05, minimumKME: Double = 0.8, minimumGS: Double = 0.2) {
        self.moduleQ = moduleQ
        self.minimumKME = minimumKME
        self.minimumGS = minimumGS
    }
}

/// One hub gene of one feature (a line of `network/hubs.tsv`).
public struct FeatureHub: Sendable, Equatable {
    public var feature: Int
    /// The module's label.
    public var module: Int
    public var gene: Int
    public var gs: Double
    public var gsP: Double
    public var kme: Double
    /// 1 = the feature's strongest hub.
    public var rank: Int
}

extension ModuleFeatureAssociation {
    /// For each feature: the modules (never 0) whose module-feature q is at most
    /// `rules.moduleQ`; in them, the genes whose |kME| to their module and |GS| for the
    /// feature reach the rules' minimums; ranked by |GS| x |kME| (equal products by gene order).
    ///
    /// - Parameters:
    ///   - modules: the module label of each eigengene row, as in `init`.
    ///   - kme: genes x modules (same module order), signed kME.
    public func hubs(labels: [Int], modules: [Int], kme: [Double], features: Int, rules: HubRules = HubRules()) -> [FeatureHub] {
        let m = modules.count
        let column = Dictionary(uniqueKeysWithValues: modules.enumerated().map { ($1, $0) })
        var result: [FeatureHub] = []
        for feature in 0..<features {
            let significant = Set((0..<m).filter { modules[$0] != 0 && moduleQ[$0 * features + feature] <= rules.moduleQ }
                .map { modules[$0] })
            var candidates: [FeatureHub] = []
            for (gene, label) in labels.enumerated() where significant.contains(label) {
                let k = kme[gene * m + column[label]!], gs = geneSignificance[gene * features + feature]
                guard abs(k) >= rules.minimumKME, abs(gs) >= rules.minimumGS else { continue }
                candidates.append(FeatureHub(feature: feature, module: label, gene: gene, gs: gs,
                                             gsP: geneSignificanceP[gene * features + feature], kme: k, rank: 0))
            }
            candidates.sort { abs($0.gs * $0.kme) != abs($1.gs * $1.kme) ? abs($0.gs * $0.kme) > abs($1.gs * $1.kme) : $0.gene < $1.gene }
            for (index, var hub) in candidates.enumerated() {
                hub.rank = index + 1
                result.append(hub)
            }
        }
        return result
    }
}
