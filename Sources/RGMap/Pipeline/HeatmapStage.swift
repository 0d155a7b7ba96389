/// Settings of the plot-ready heatmaps.
public struct HeatmapSettings: Sendable {
    /// Features in the heatmaps, those with the smallest q first.
    public var features = 50
    /// Genes in the association heatmap, those with the smallest q over its features first.
    public var genes = 100

    public init(features: Int = 50, genes: Int = 100) {
        self.features = features
        self.genes = genes
    }
}

/// The plot-ready `heatmap/` folder: every heatmap's matrices in display order, their row
/// and column orders and trees, module colours, the GS-kME scatter data and the gene
/// trees; fills the report's figures and hub table as it goes.
public struct HeatmapStage: Sendable {
    public var settings: HeatmapSettings

    public init(settings: HeatmapSettings) { self.settings = settings }

    /// The association heatmap of a map: its strongest features and genes, clustered.
    public func associations(_ map: AssociationMap) -> Heatmap {
        AssociationHeatmap.make(map, features: settings.features, genes: settings.genes)
    }

    /// Writes `heatmap/` from the association heatmap and the network as one stage of `run`,
    /// and puts the figures and hubs into `report`.
    /// - Throws: ``OutputError``.
    public func run(associations: Heatmap?, network: NetworkResult?, report: inout ReportContent, in run: RunContext) throws {
        let output = run.requireOutput()
        try run.stage("heatmap") {
            try run.time("heatmap exports") {
                if let associations {
                    try HeatmapWriter.write(associations, folder: "heatmap/associations", to: output)
                    report.associations = associations
                }
                if let network { try networkHeatmaps(network, output: output, report: &report) }
            }
        }
        if associations != nil || network != nil { run.log.note("heatmaps: \(output.url("heatmap").path)") }
    }

    private func networkHeatmaps(_ network: NetworkResult, output: OutputDirectory, report: inout ReportContent) throws {
        let statistics = network.statistics, detection = network.detection
        try HeatmapWriter.writeModules(statistics.modules, labels: detection.labels, to: output)
        try HeatmapWriter.writeGeneTrees(detection, genes: network.genes, distance: network.options.tomType == nil ? "1 - adjacency" : "1 - TOM",
                                         to: output)
        let adjacency = ModuleHeatmaps.eigengeneAdjacency(statistics.eigengenes, modules: statistics.modules)
        if let adjacency { try HeatmapWriter.write(adjacency, folder: "heatmap/eigengene_adjacency", to: output) }
        report.eigengeneAdjacency = adjacency
        report.softThreshold = (network.softThreshold.rows, network.softThreshold.rSquaredCut, network.power)
        if let first = detection.blocks.first {
            report.geneTree = ReportContent.GeneTree(tree: first.tree, modules: first.genes.map { detection.labels[$0] },
                                                     unmerged: first.genes.map { detection.unmergedLabels[$0] },
                                                     genesInOtherBlocks: detection.blocks.dropFirst().map(\.genes.count).reduce(0, +))
        }
        guard let links = network.links else { return }
        let moduleFeature = ModuleHeatmaps.moduleFeature(links.association, modules: statistics.modules, features: links.features,
                                                         featureCount: settings.features, eigengeneOrder: adjacency?.rows.displayLabels ?? [])
        try HeatmapWriter.write(moduleFeature, folder: "heatmap/module_feature", to: output)
        report.moduleFeature = moduleFeature
        // The features of the module heatmap, best first, carry the scatter data and the hub table.
        let index = Dictionary(uniqueKeysWithValues: links.features.enumerated().map { ($1, $0) })
        let chosen = moduleFeature.columns.labels.map { index[$0]! }
        let rules = network.hubRules
        let scatter = GeneSignificanceScatter(links.association, features: chosen, featureCount: links.features.count,
                                              labels: detection.labels, modules: statistics.modules, kme: statistics.kme,
                                              hubs: links.hubs, moduleQ: rules.moduleQ)
        try HeatmapWriter.writeScatter(scatter, features: links.features, genes: network.genes, to: output)
        let byFeature = Dictionary(grouping: links.hubs, by: \.feature)
        report.featuresWithHubs = byFeature.count
        report.hubRules = rules
        for feature in chosen.filter({ byFeature[$0] != nil }).prefix(ReportContent.hubFeaturesShown) {
            report.hubs += byFeature[feature]!.prefix(ReportContent.hubsPerFeature).map {
                ReportContent.Hub(feature: links.features[feature], gene: network.genes[$0.gene], module: $0.module, gs: $0.gs, kme: $0.kme, rank: $0.rank)
            }
        }
    }
}
