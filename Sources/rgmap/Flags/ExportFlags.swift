import ArgumentParser
import RGMap

/// Settings of `rgmap run`'s heatmap exports and report.
struct ExportFlags: ParsableArguments {
    @Option(name: .customLong("heatmap-features"), help: ArgumentHelp("Features in the heatmaps, those with the smallest q first.", valueName: "n"))
    var heatmapFeatures: Int = 50

    @Option(name: .customLong("heatmap-genes"), help: ArgumentHelp("Genes in the association heatmap, those with the smallest q over its features first.", valueName: "n"))
    var heatmapGenes: Int = 100

    @Option(help: ArgumentHelp("Write report.html.", valueName: "true|false"))
    var report: Bool = true

    func validate() throws {
        guard heatmapFeatures >= 1 else { throw ValidationError("--heatmap-features must be at least 1") }
        guard heatmapGenes >= 1 else { throw ValidationError("--heatmap-genes must be at least 1") }
    }

    var heatmap: HeatmapSettings { HeatmapSettings(features: heatmapFeatures, genes: heatmapGenes) }

    var parameters: [String: String] {
        ["heatmap-features": String(heatmapFeatures), "heatmap-genes": String(heatmapGenes), "report": String(report)]
    }
}
