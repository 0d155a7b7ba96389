import Foundation
import RGMap

/// The plot-ready `heatmap/` folder and `report.html` of `rgmap run`, from what the
/// earlier stages handed on.
struct ExportStage {
    let flags: ReportFlags
    let hubRules: HubRules
    let console: Console

    /// Writes heatmap/ and fills the report's figures and tables.
    func heatmaps(associations: Heatmap?, network: ModulesStage.Outcome?, output: OutputDirectory,
                  report: inout ReportContent) throws {
        if let associations {
            try HeatmapWriter.write(associations, folder: "heatmap/associations", to: output)
            report.associations = associations
        }
        guard let network else { return }
        let statistics = network.statistics, detection = network.detection
        try HeatmapWriter.writeModules(statistics.modules, labels: detection.labels, to: output)
        try HeatmapWriter.writeGeneTrees(detection, genes: network.genes, distance: network.options.tomType == nil ? "1 - adjacency" : "1 - TOM",
                                         to: output)
        let adjacency = ModuleHeatmaps.eigengeneAdjacency(statistics.eigengenes, modules: statistics.modules)
        if let adjacency { try HeatmapWriter.write(adjacency, folder: "heatmap/eigengene_adjacency", to: output) }
        report.eigengeneAdjacency = adjacency
        report.softThreshold = (network.softThreshold, network.rSquaredCut, network.power)
        if let first = detection.blocks.first {
            report.geneTree = ReportContent.GeneTree(tree: first.tree, modules: first.genes.map { detection.labels[$0] },
                                                     unmerged: first.genes.map { detection.unmergedLabels[$0] },
                                                     genesInOtherBlocks: detection.blocks.dropFirst().map(\.genes.count).reduce(0, +))
        }
        guard let links = network.links else { return }
        let moduleFeature = ModuleHeatmaps.moduleFeature(links.association, modules: statistics.modules, features: links.features,
                                                         featureCount: flags.heatmapFeatures, eigengeneOrder: adjacency?.rows.displayLabels ?? [])
        try HeatmapWriter.write(moduleFeature, folder: "heatmap/module_feature", to: output)
        report.moduleFeature = moduleFeature
        // The features of the module heatmap, best first, carry the scatter data and the hub table.
        let index = Dictionary(uniqueKeysWithValues: links.features.enumerated().map { ($1, $0) })
        let chosen = moduleFeature.columns.labels.map { index[$0]! }
        let scatter = GeneSignificanceScatter(links.association, features: chosen, featureCount: links.features.count,
                                              labels: detection.labels, modules: statistics.modules, kme: statistics.kme,
                                              hubs: links.hubs, moduleQ: hubRules.moduleQ)
        try HeatmapWriter.writeScatter(scatter, features: links.features, genes: network.genes, to: output)
        let byFeature = Dictionary(grouping: links.hubs, by: \.feature)
        report.featuresWithHubs = byFeature.count
        for feature in chosen.filter({ byFeature[$0] != nil }).prefix(ReportContent.hubFeaturesShown) {
            report.hubs += byFeature[feature]!.prefix(ReportContent.hubsPerFeature).map {
                ReportContent.Hub(feature: links.features[feature], gene: network.genes[$0.gene], module: $0.module, gs: $0.gs, kme: $0.kme, rank: $0.rank)
            }
        }
    }

    /// `report.html`.
    func writeReport(_ report: ReportContent, output: OutputDirectory) throws {
        try output.write("report.html", data: Data(ReportPage.html(report, title: "rgmap report").utf8))
        console.note("report: \(output.url("report.html").path)")
    }
}
