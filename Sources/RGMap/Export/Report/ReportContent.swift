/// Everything `report.html` shows, gathered from the stages of a run.
public struct ReportContent: Sendable {
    /// A hub gene of a feature, by name.
    public struct Hub: Sendable, Equatable {
        public var feature: String
        public var gene: String
        public var module: Int
        public var gs: Double
        public var kme: Double
        public var rank: Int

        public init(feature: String, gene: String, module: Int, gs: Double, kme: Double, rank: Int) {
            (self.feature, self.gene, self.module, self.gs, self.kme, self.rank) = (feature, gene, module, gs, kme, rank)
        }
    }

    /// The gene tree shown: the first block's tree and its leaves' modules (input order of
    /// the block's genes), final and before merging.
    public struct GeneTree: Sendable {
        public var tree: Dendrogram
        public var modules: [Int]
        public var unmerged: [Int]
        public var genesInOtherBlocks: Int

        public init(tree: Dendrogram, modules: [Int], unmerged: [Int], genesInOtherBlocks: Int) {
            (self.tree, self.modules, self.unmerged, self.genesInOtherBlocks) = (tree, modules, unmerged, genesInOtherBlocks)
        }
    }

    /// Facts about the run, shown as a two-column list at the top.
    public var facts: [(String, String)] = []
    public var softThreshold: (table: [SoftThreshold.Row], rSquaredCut: Double, power: Double)?
    public var geneTree: GeneTree?
    public var moduleFeature: Heatmap?
    public var associations: Heatmap?
    public var eigengeneAdjacency: Heatmap?
    /// Hub genes of the features shown, best first within a feature.
    public var hubs: [Hub] = []
    /// How many features have hubs (the table shows at most ``hubFeaturesShown``).
    public var featuresWithHubs = 0
    /// The rules the hubs met (nil without features), for the table's note.
    public var hubRules: HubRules?
    public var enrichment: EnrichmentHighlights?

    /// Most features in the hub table, and hubs per feature.
    public static let hubFeaturesShown = 30
    public static let hubsPerFeature = 5
    /// Most queries per kind in the enrichment table, and the q a set needs to be shown.
    public static let enrichmentQueriesShown = 30
    public static let enrichmentMaxQ = 0.05

    public init() {}
}
