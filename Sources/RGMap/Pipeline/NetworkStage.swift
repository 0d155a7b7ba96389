import Foundation

/// What the network stage hands on: the modules, their statistics and, with features,
/// the module-feature links and hub genes.
public struct NetworkResult: Sendable {
    public var softThreshold: SoftThresholdTable
    /// The power the network was built with.
    public var power: Double
    /// The network's genes (rows of the expression it was built on).
    public var genes: [String]
    public var detection: ModuleDetection
    public var statistics: ModuleStatistics
    /// The detection's settings, with the power chosen.
    public var options: ModuleDetectionOptions
    /// What made a gene a hub of a feature.
    public var hubRules: HubRules
    /// With features: the links, the hubs and the features' names.
    public var links: FeatureLinks?

    /// Module-feature correlations, gene significance and the hub genes of each feature.
    public struct FeatureLinks: Sendable {
        public var association: ModuleFeatureAssociation
        public var hubs: [FeatureHub]
        public var features: [String]
    }

    /// Modules other than 0 (the unassigned genes).
    public var moduleCount: Int { Set(detection.labels).subtracting([0]).count }
}

/// The co-expression network as WGCNA 1.72 `blockwiseModules` builds it: adjacency, TOM,
/// tree, tree cut, kME checks, merging; then kME and connectivity, and with features the
/// module-feature links and hub genes. Writes `network/` (but its soft-threshold table,
/// which ``SoftThresholdStage`` writes first).
public struct NetworkStage: Sendable {
    /// Below this many samples a network is unreliable (WGCNA FAQ: "at least 15 samples").
    public static let fewSamples = 15

    public var settings: NetworkSettings

    public init(settings: NetworkSettings) { self.settings = settings }

    /// The genes the network is built over: every gene, or with
    /// ``NetworkSettings/dropIncompleteGenes`` those without a missing value (said in a note).
    public func expression(from omics: LabeledMatrix, log: PipelineLog) -> LabeledMatrix {
        guard settings.dropIncompleteGenes else { return omics }
        let complete = omics.completeRows
        guard complete.count < omics.rowCount else { return omics }
        log.note("network: \(omics.rowCount - complete.count) genes with missing values left out (the map keeps them)")
        return omics.selectingRows(complete)
    }

    /// Checks, before anything is computed or written, that the network can be built:
    /// enough genes, no missing values, enough memory; warns about few samples.
    public func check(_ expression: LabeledMatrix, log: PipelineLog, availableMemory: UInt64? = AvailableMemory.bytes) throws {
        if expression.rowCount < 2 { throw AnalysisError(.tooFewVariables, "modules need at least 2 genes, got \(expression.rowCount)") }
        try ModuleDetection.requireComplete(expression)
        try checkMemory(genes: expression.rowCount, samples: expression.columnCount, available: availableMemory)
        if expression.columnCount < Self.fewSamples {
            log.warning("the network has \(expression.columnCount) samples; WGCNA's authors advise at least \(Self.fewSamples): "
                        + "with fewer, gene correlations are too noisy for stable modules")
        }
    }

    /// Builds the network of `expression` (genes x samples, complete) with the power chosen
    /// from `softThreshold`; with `features` (on the same samples) also the links and hubs.
    /// - Throws: ``AnalysisError`` (no power reaches the fit, too few samples or genes),
    ///   ``NumericalError`` (an eigengene), ``OutputError``; the stage's files are then removed.
    public func run(_ expression: LabeledMatrix, softThreshold: SoftThresholdTable, features: LabeledMatrix?,
                    in run: RunContext) throws -> NetworkResult {
        let output = run.requireOutput()
        return try run.stage("network") {
            let power = try settings.chosenPower(softThreshold)
            var options = settings.detection
            options.power = power
            let genes = expression.rowLabels
            let detection = try detect(expression, options: options, output: output, log: run.log)
            for lap in detection.timings { run.record(step: lap.step, seconds: lap.seconds) }
            let statistics = try run.time("kME and connectivity") {
                let step = run.log.step("kME and connectivity")
                let statistics = ModuleStatistics(detection, expression: expression, options: options)
                step.finish("kME: \(statistics.modules.count) eigengenes x \(genes.count) genes; connectivity of \(detection.networkGenes.count) genes")
                try NetworkWriter.writeModules(genes: genes, detection: detection, statistics: statistics, to: output)
                try NetworkWriter.writeEigengenes(statistics, to: output)
                try NetworkWriter.writeKME(genes: genes, statistics, to: output)
                try NetworkWriter.writeTrees(detection.blocks, to: output)
                try NetworkWriter.writeTopHubs(genes: genes, labels: detection.labels, statistics, to: output)
                return statistics
            }
            var result = NetworkResult(softThreshold: softThreshold, power: power, genes: genes, detection: detection,
                                       statistics: statistics, options: options, hubRules: settings.hubRules)
            if let features {
                result.links = try run.time("module-feature links and hubs") {
                    try links(expression, features: features, detection: detection, statistics: statistics, output: output, log: run.log)
                }
            }
            return result
        }
    }

    private func detect(_ expression: LabeledMatrix, options: ModuleDetectionOptions, output: OutputDirectory,
                        log: PipelineLog) throws -> ModuleDetection {
        let building = log.step("network")
        let genes = expression.rowLabels
        let detection = try ModuleDetection(expression, options: options, progress: { _, done, total in
            building.update(done: done, total: total)
        }, tomReady: settings.saveTOM ? { tom in
            try TOMFile.write(tom, genes: ModuleDetection.usableGenes(expression).map { genes[$0] }, to: output)
        } : nil)
        for note in detection.notes { log.note(Message(note)) }
        if detection.blocks.count > 1, let maxBlockSize = options.maxBlockSize {
            log.note("blocks: \(detection.blocks.count) networks of \(detection.blocks.map { String($0.genes.count) }.joined(separator: ", ")) genes "
                     + "(\(setting: .maxBlockSize, String(maxBlockSize)), seed \(options.seed))")
        }
        let assigned = detection.labels.filter { $0 != 0 }.count
        building.finish(Message("modules: \(Set(detection.labels).subtracting([0]).count) with \(assigned) of \(expression.rowCount) genes "
                                + "(power \(NumberText.text(options.power)), \(options.networkType.rawValue) network, "
                                + "\(options.tomType?.rawValue ?? "no") TOM, \(options.precision.rawValue) precision)"))
        return detection
    }

    private func links(_ expression: LabeledMatrix, features: LabeledMatrix, detection: ModuleDetection, statistics: ModuleStatistics,
                       output: OutputDirectory, log: PipelineLog) throws -> NetworkResult.FeatureLinks {
        let association = ModuleFeatureAssociation(eigengenes: statistics.eigengenes, expression: expression, features: features)
        let hubs = association.hubs(labels: detection.labels, modules: statistics.modules, kme: statistics.kme,
                                    features: features.rowCount, rules: settings.hubRules)
        try NetworkWriter.writeFeatureLinks(association, hubs: hubs, modules: statistics.modules, features: features.rowLabels,
                                            genes: expression.rowLabels, to: output)
        log.note("hubs: \(hubs.count) hub gene entries over \(Set(hubs.map(\.feature)).count) of \(features.rowCount) features")
        return NetworkResult.FeatureLinks(association: association, hubs: hubs, features: features.rowLabels)
    }

    /// Stops before the first step when the network would need more memory than is
    /// available, saying how much and which settings reduce it.
    func checkMemory(genes: Int, samples: Int, available: UInt64?) throws {
        guard let available else { return }
        let precision = settings.detection.precision, maxBlockSize = settings.detection.maxBlockSize
        let need = NetworkMemory.peakBytes(genes: genes, samples: samples, precision: precision, maxBlockSize: maxBlockSize)
        guard need > available else { return }
        var remedies: [Message] = []
        if precision == .double {
            let single = NetworkMemory.peakBytes(genes: genes, samples: samples, precision: .single, maxBlockSize: maxBlockSize)
            remedies.append("\(setting: .precision, "single") (about \(AvailableMemory.text(single)))")
        }
        let block = NetworkMemory.largestBlock(fitting: available, genes: genes, samples: samples, precision: precision)
        if block >= 2 {
            remedies.append("\(setting: .maxBlockSize, String(block)) or less (networks of related genes, one at a time)")
            remedies.append("\(setting: .topVariable, String(block)) or less (only the most variable genes)")
        }
        let size = maxBlockSize.map { "blocks of up to \(min($0, genes)) of \(genes) genes" } ?? "\(genes) genes"
        var message: Message = "the network of \(size) needs about \(AvailableMemory.text(need)) of memory (\(precision.rawValue) precision: "
            + "adjacency and TOM, 1.5 x genes² values), but \(AvailableMemory.text(available)) are available"
        if let first = remedies.first {
            message = message + "; reduce it with " + remedies.dropFirst().reduce(first) { $0 + ", " + $1 }
        }
        throw AnalysisError(.insufficientMemory, message)
    }
}
