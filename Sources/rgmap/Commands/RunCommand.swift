import ArgumentParser
import Foundation
import RGMap

/// The whole pipeline into one output folder.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "The whole pipeline: association map, co-expression modules and hubs, enrichment, heatmap exports and report.",
        discussion: """
            Loads the inputs once, then writes into --out: map/ (as rgmap map), network/ (as rgmap modules, \
            over the genes without missing values), enrichment/ (as rgmap enrich --from on those, with \
            --gene-sets), heatmap/ (plot-ready matrices, orders and dendrograms, docs/formats.md), \
            report.html and manifest.json. Every flag can come from --config FILE (TOML, keys are the \
            flags' names); --config OUT/manifest.json repeats a run with the same settings.
            """)

    @OptionGroup(title: "Inputs") var inputs: InputFlags
    @OptionGroup(title: "Preprocessing") var preprocess: PreprocessFlags
    @OptionGroup(title: "Association") var map: MapFlags
    @OptionGroup(title: "Network") var network: NetworkFlags
    @OptionGroup(title: "Enrichment") var enrich: EnrichmentFlags
    @OptionGroup(title: "Heatmaps and report") var exports: ExportFlags
    @OptionGroup(title: "Run") var common: CommonFlags

    func run() throws {
        guard common.out != nil else { throw ValidationError("run needs --out DIR") }
        guard inputs.features != nil, inputs.omics != nil else { throw ValidationError("run needs --features and --omics") }
        try common.configureThreads()
        var settings = PipelineSettings(inputs: try inputs.settings(preprocess: preprocess), output: common.output)
        settings.map = map.settings
        settings.network = try network.settings(seed: common.seed, dropIncompleteGenes: true)
        settings.enrichment = enrich.settings(seed: common.seed)
        settings.heatmap = exports.heatmap
        settings.report = exports.report
        settings.record = common.record("run", [inputs.parameters, preprocess.parameters, map.parameters, network.parameters,
                                                enrich.parameters, exports.parameters])
        _ = try Pipeline(settings: settings).run(log: common.console)
    }
}
