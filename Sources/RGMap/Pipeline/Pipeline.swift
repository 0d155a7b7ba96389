import Foundation

/// What a run hands back besides its files.
public struct PipelineResult: Sendable {
    public var inputs: PipelineInputs
    public var map: MapResult?
    public var network: NetworkResult?
    public var enrichment: EnrichmentResult?
    /// The manifest as written to `manifest.json`; nil without an output folder (no digest
    /// of the inputs is then waited for).
    public var manifest: Manifest?
}

/// A whole run: the stages its settings name, in order, each handed the earlier stages'
/// results in memory; every stage's files appear together when it finishes, and the
/// manifest last. When a stage fails, its files are removed and, if earlier stages
/// finished, the manifest lists them and the failure.
///
/// ```swift
/// var settings = PipelineSettings(inputs: InputSettings(features: "features.csv", omics: "omics.tsv"),
///                                 output: OutputSettings(path: "results"))
/// settings.map = MapSettings()
/// let result = try Pipeline(settings: settings).run(log: SilentLog())
/// ```
public struct Pipeline: Sendable {
    public var settings: PipelineSettings

    public init(settings: PipelineSettings) { self.settings = settings }

    /// Runs the stages the settings name, telling `log` what happens.
    /// - Throws: the first error of any stage (``InputError``, ``SettingError``, ``AnalysisError``,
    ///   ``OutputError``, ``NumericalError``); the files of the stage that failed are removed.
    public func run(log: PipelineLog) throws -> PipelineResult {
        guard settings.output != nil || !settings.hasStages else {
            throw SettingError(.out, message: "the stages asked for write files: give an output folder (\(setting: .out))")
        }
        let output = try settings.output.map { try OutputDirectory(path: $0.path, force: $0.force) }
        if settings.network != nil && settings.map == nil && settings.inputs.covariates != nil {
            log.warning("\(setting: .covariates): module-feature statistics are not adjusted for covariates (as in WGCNA's module-trait "
                        + "analysis); the covariates only restrict the samples to those with every covariate. Use the map for adjusted associations")
        }
        let context = RunContext(output: output, log: log)
        // An earlier run's results are read first, and ranked-list files looked for: a wrong
        // folder or file stops before the inputs are parsed.
        if let enrichment = settings.enrichment, enrichment.runGSEA { _ = try enrichment.rankFiles() }
        let earlier = try settings.enrichment.flatMap { enrichment in
            try enrichment.from.map { try EarlierResults.read(folder: $0, settings: enrichment, log: log) }
        }
        let inputs = try InputStage(settings: settings.inputs).run(in: context)
        let expression = try preflight(inputs, log: log)
        var result = PipelineResult(inputs: inputs)
        do {
            try runStages(&result, expression: expression, earlier: earlier, context: context)
        } catch {
            if let output, context.hasFinishedStages {
                // The run's own error is what the caller must see; a manifest that cannot be written adds nothing to it.
                if var manifest = try? makeManifest(result, context: context) {
                    manifest.failure = (error as? RGMapError)?.rendered(naming: log.name) ?? String(describing: error)
                    try? output.write("manifest.json", data: manifest.encoded())
                }
            }
            throw error
        }
        return result
    }

    /// Bytes the enrichment keeps of the map while the network is built: each feature's
    /// ranking of every gene (the gene lists are far smaller).
    private func heldThroughTheNetwork(_ inputs: PipelineInputs) -> UInt64 {
        guard settings.map != nil, let enrichment = settings.enrichment, enrichment.from == nil, enrichment.runGSEA,
              inputs.geneSets != nil, let features = inputs.cohort?.features, let omics = inputs.cohort?.omics else { return 0 }
        return UInt64(features.rowCount * omics.rowCount * MemoryLayout<Double>.stride)
    }

    /// Checks, before any stage writes, that every stage asked for has what it needs;
    /// returns the network's expression when a network is asked for.
    private func preflight(_ inputs: PipelineInputs, log: PipelineLog) throws -> LabeledMatrix? {
        let cohort = inputs.cohort
        if settings.map != nil {
            guard cohort?.features != nil, cohort?.omics != nil || cohort?.mutations != nil else {
                throw AnalysisError(.missingInput, "the map needs \(setting: .features) and \(setting: .omics) (and/or \(setting: .mutations))")
            }
            try NothingLeft.check(cohort?.features, role: .features, counts: inputs.preprocessing?.features)
            try NothingLeft.check(cohort?.omics, role: .omics, counts: inputs.preprocessing?.omics)
        }
        var expression: LabeledMatrix?
        if let network = settings.network {
            guard let omics = cohort?.omics else { throw AnalysisError(.missingInput, "the network needs \(setting: .omics)") }
            try NothingLeft.check(omics, role: .omics, counts: inputs.preprocessing?.omics)
            let stage = NetworkStage(settings: network)
            expression = stage.expression(from: omics, log: log)
            try stage.check(expression!, log: log, availableMemory: AvailableMemory.bytes.map { $0 - min($0, heldThroughTheNetwork(inputs)) })
        }
        if settings.enrichment != nil, inputs.geneSets == nil, settings.map == nil && settings.network == nil {
            throw AnalysisError(.missingInput, "enrichment needs \(setting: .geneSets) (a GMT file)")
        }
        return expression
    }

    private func runStages(_ result: inout PipelineResult, expression: LabeledMatrix?, earlier: EarlierResults?,
                           context: RunContext) throws {
        let cohort = result.inputs.cohort
        var report = ReportContent()
        var associations: Heatmap?, queries: AssociationQueries?
        if let map = settings.map, let cohort {
            var mapped = try MapStage(settings: map).run(cohort, in: context)
            if let done = mapped.associations {
                report.facts.append(("association map", Self.mapFact(done, settings: map.association, pairs: mapped.pairsWritten)))
                if let heatmap = settings.heatmap {
                    associations = context.time("association heatmap") { HeatmapStage(settings: heatmap).associations(done) }
                }
                if let enrichment = settings.enrichment, enrichment.from == nil, result.inputs.geneSets != nil {
                    queries = AssociationQueries(done, rankBy: enrichment.runGSEA ? enrichment.rankBy : nil,
                                                 listCut: enrichment.runORA ? enrichment.oraQ : nil)
                }
                // The later stages have taken what they need: free the matrices before the network.
                if settings.hasStagesAfterTheMap { mapped.associations = nil }
            }
            result.map = mapped
        }
        if let network = settings.network, let expression {
            let table = try SoftThresholdStage(settings: network).run(expression, in: context)
            let built = try NetworkStage(settings: network).run(expression, softThreshold: table, features: cohort?.features, in: context)
            report.facts.append(("modules", Self.networkFact(built, genes: expression.rowCount)))
            result.network = built
        }
        if let enrichment = settings.enrichment {
            if let geneSets = result.inputs.geneSets {
                let earlier = earlier ?? EarlierResults(modules: result.network.map { ($0.genes, $0.detection.labels) }, map: queries)
                let enriched = try EnrichmentStage(settings: enrichment).run(earlier, collection: geneSets.sets,
                                                                             omicsGenes: cohort?.omics?.rowLabels, in: context)
                report.enrichment = enriched.highlights
                report.facts.append(("enrichment", "\(enriched.report.setsTested) gene sets; ORA of \(enriched.report.oraQueries) queries, "
                                     + "GSEA of \(enriched.report.gseaLists) ranked lists"))
                result.enrichment = enriched
            } else {
                context.log.note("enrichment: skipped (no \(setting: .geneSets))")
            }
        }
        if let heatmap = settings.heatmap {
            try HeatmapStage(settings: heatmap).run(associations: associations, network: result.network, report: &report, in: context)
        }
        guard let output = context.output else { return }
        var manifest = try makeManifest(result, context: context)
        if settings.report {
            report.facts.insert(contentsOf: ReportStage.facts(manifest), at: 0)
            try ReportStage().run(report, in: context)
        }
        manifest.steps = context.steps
        manifest.stages = context.stages.isEmpty ? nil : context.stages
        try output.write("manifest.json", data: manifest.encoded())
        result.manifest = manifest
    }
}
