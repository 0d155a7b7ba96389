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

    @OptionGroup(title: "Inputs") var inputs: InputOptions
    @OptionGroup(title: "Preprocessing") var preprocess: PreprocessFlags
    @OptionGroup(title: "Association") var map: MapOptions
    @OptionGroup(title: "Network") var network: ModuleFlags
    @OptionGroup(title: "Enrichment") var enrich: EnrichFlags
    @OptionGroup(title: "Heatmaps and report") var exports: ReportFlags
    @OptionGroup(title: "Run") var common: CommonOptions

    func run() throws {
        guard let out = common.out else { throw ValidationError("run needs --out DIR") }
        guard inputs.features != nil, inputs.omics != nil else { throw ValidationError("run needs --features and --omics") }
        try common.configureThreads()
        let output = try OutputDirectory(path: out, force: common.force)
        let console = common.console
        let pipeline = InputPipeline(inputs: inputs, preprocess: preprocess, console: console)
        var result = try pipeline.run()
        let cohort = result.cohort!
        var report = ReportContent()

        // The map is dropped once its heatmap is cut out of it.
        let associations: Heatmap? = try {
            guard let (associationMap, kept) = try MapStage.run(cohort, settings: map, output: output, console: console, steps: &result.steps) else {
                return nil
            }
            report.facts.append(("association map", "\(associationMap.featureCount) features × \(associationMap.geneCount) genes, \(map.method.rawValue)"
                + (associationMap.covariateColumns.isEmpty ? "" : ", adjusted for \(associationMap.covariateColumns.joined(separator: ", "))")
                + "; \(kept) pairs with q ≤ \(map.maxQ) (\(map.fdr.rawValue))"))
            return result.steps.time("association heatmap") {
                AssociationHeatmap.make(associationMap, features: exports.heatmapFeatures, genes: exports.heatmapGenes)
            }
        }()

        let expression = completeGenes(cohort.omics!, console: console)
        let modules = try ModulesStage(flags: network, seed: common.seed, console: console)
            .run(expression: expression, features: cohort.features, output: output, steps: &result.steps)
        report.facts.append(("modules", "\(Set(modules.detection.labels).subtracting([0]).count) over \(expression.rowCount) genes, power \(NumberText.text(modules.power)), \(modules.options.networkType.rawValue) network"
            + "; \(modules.links?.hubs.count ?? 0) hub gene entries"))

        var enrichmentReport: EnrichmentReport?
        if let geneSets = result.geneSets {
            if map.matrices == .none {
                console.warning("--matrices none: no map/associations.h5 to rank genes by, so the features' ORA and GSEA are skipped "
                                + "(module and --gene-list queries still run)")
            }
            let earlier = try EarlierResults(folder: out, knownModules: (modules.genes, modules.detection.labels), console: console)
            let stage = EnrichStage(settings: enrich, seed: common.seed, console: console)
            let (summary, highlights) = try stage.run(earlier: earlier, collection: geneSets.sets, omicsGenes: cohort.omics?.rowLabels,
                                                      output: output, steps: &result.steps)
            enrichmentReport = summary
            report.enrichment = highlights
            report.facts.append(("enrichment", "\(summary.setsTested) gene sets; ORA of \(summary.oraQueries) queries, GSEA of \(summary.gseaLists) ranked lists"))
        } else {
            console.note("enrichment: skipped (no --gene-sets)")
        }

        let export = ExportStage(flags: exports, hubRules: network.hubRules, console: console)
        try result.steps.time("heatmap exports") {
            try export.heatmaps(associations: associations, network: modules, output: output, report: &report)
        }
        console.note("heatmaps: \(output.url("heatmap").path)")
        let manifest = try makeManifest(pipeline: pipeline, result: result, power: modules.power, enrichment: enrichmentReport)
        if exports.report {
            report.facts.insert(contentsOf: Self.runFacts(manifest), at: 0)
            try result.steps.time("report") { try export.writeReport(report, output: output) }
        }
        var final = manifest
        final.steps = result.steps.steps
        try output.write("manifest.json", data: final.encoded())
    }

    /// The genes without a missing value: WGCNA's network needs complete data (the map
    /// keeps every gene, pairwise).
    private func completeGenes(_ expression: LabeledMatrix, console: Console) -> LabeledMatrix {
        let complete = expression.completeRows
        guard complete.count < expression.rowCount else { return expression }
        console.note("network: \(expression.rowCount - complete.count) genes with missing values left out (the map keeps them)")
        return expression.selectingRows(complete)
    }

    private func makeManifest(pipeline: InputPipeline, result: InputPipeline.Result, power: Double, enrichment: EnrichmentReport?) throws -> Manifest {
        var parameters = common.parameters
        for group in [map.parameters, network.parameters, enrich.parameters, exports.parameters] { parameters.merge(group) { a, _ in a } }
        parameters["power-used"] = NumberText.text(power)
        var manifest = try pipeline.manifest(result, command: "run", extra: parameters)
        manifest.enrichment = enrichment
        return manifest
    }

    /// The report's first facts: version, inputs with their fingerprints, samples.
    static func runFacts(_ manifest: Manifest) -> [(String, String)] {
        var facts = [("rgmap", "\(manifest.version), \(manifest.environment.blasCore) BLAS kernels, \(manifest.environment.blasThreads) thread\(manifest.environment.blasThreads == 1 ? "" : "s")")]
        facts += manifest.inputs.map { ($0.role, "\($0.path) (\($0.format), SHA-256 \($0.sha256.prefix(12))…)") }
        if let matching = manifest.sampleMatching {
            facts.append(("samples", "\(matching.samples.count) matched (ID match \(matching.normalization.rawValue))"))
        }
        return facts
    }
}
