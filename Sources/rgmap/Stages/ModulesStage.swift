import Foundation
import RGMap

/// The co-expression network of `rgmap modules` and `rgmap run`: soft threshold, modules,
/// kME and, with features, module-feature links and hubs; writes `network/`.
struct ModulesStage {
    /// What the network stage found, for the heatmaps and the report.
    struct Outcome {
        var softThreshold: [SoftThreshold.Row]
        var powerEstimate: Int?
        var rSquaredCut: Double
        var power: Double
        var genes: [String]
        var detection: ModuleDetection
        var statistics: ModuleStatistics
        var options: ModuleDetectionOptions
        /// With features: the links, the hubs and the features' names.
        var links: (association: ModuleFeatureAssociation, hubs: [FeatureHub], features: [String])?
    }

    /// Below this many samples a network is unreliable (WGCNA FAQ: "at least 15 samples").
    static let fewSamples = 15

    let flags: ModuleFlags
    let seed: UInt64
    let console: Console

    /// `expression` must be complete (genes x samples); `features` on the same samples.
    func run(expression: LabeledMatrix, features: LabeledMatrix?, output: OutputDirectory, steps: inout StepLog) throws -> Outcome {
        if expression.rowCount < 2 { throw UsageError("modules need at least 2 genes, got \(expression.rowCount)") }
        try ModuleDetection.requireComplete(expression)
        try checkMemory(genes: expression.rowCount, samples: expression.columnCount, available: AvailableMemory.bytes)
        if expression.columnCount < Self.fewSamples {
            console.warning("the network has \(expression.columnCount) samples; WGCNA's authors advise at least \(Self.fewSamples): "
                            + "with fewer, gene correlations are too noisy for stable modules")
        }
        let (table, estimate) = try steps.time("soft threshold") {
            let thresholding = console.step("soft-threshold table")
            let table = SoftThreshold.table(expression, networkType: flags.network, powers: try flags.candidatePowers(),
                                            progress: thresholding.callback)
            let estimate = SoftThreshold.powerEstimate(table, rSquaredCut: flags.rSquaredCut)
            try NetworkWriter.writeSoftThreshold(table, to: output)
            thresholding.finish("soft threshold: power estimate \(estimate.map(String.init) ?? "none") (scale-free R^2 > \(flags.rSquaredCut))")
            return (table, estimate)
        }
        let power = try chosenPower(estimate: estimate, table: table)

        var options = flags.options(power: power)
        options.seed = seed
        let building = console.step("network")
        let genes = expression.rowLabels
        let detection = try ModuleDetection(expression, options: options, progress: { _, done, total in
            building.update(done: done, total: total)
        }, tomReady: flags.saveTOM ? { tom in
            try TOMFile.write(tom, genes: ModuleDetection.usableGenes(expression).map { genes[$0] }, to: output)
        } : nil)
        for note in detection.notes { console.note(note) }
        if detection.blocks.count > 1 {
            console.note("blocks: \(detection.blocks.count) networks of \(detection.blocks.map { String($0.genes.count) }.joined(separator: ", ")) genes (--max-block-size \(options.maxBlockSize!), seed \(options.seed))")
        }
        let moduleCount = Set(detection.labels).subtracting([0]).count
        building.finish("modules: \(moduleCount) with \(detection.labels.filter { $0 != 0 }.count) of \(expression.rowCount) genes (power \(NumberText.text(power)), \(options.networkType.rawValue) network, \(options.tomType?.rawValue ?? "no") TOM, \(options.precision.rawValue) precision)")
        for lap in detection.timings { steps.record(lap.step, seconds: lap.seconds) }

        let statistics = try steps.time("kME and connectivity") {
            let statistics = ModuleStatistics(detection, expression: expression, options: options)
            try NetworkWriter.writeModules(genes: genes, detection: detection, statistics: statistics, to: output)
            try NetworkWriter.writeEigengenes(statistics, to: output)
            try NetworkWriter.writeKME(genes: genes, statistics, to: output)
            try NetworkWriter.writeTrees(detection.blocks, to: output)
            try NetworkWriter.writeTopHubs(genes: genes, labels: detection.labels, statistics, to: output)
            return statistics
        }
        var outcome = Outcome(softThreshold: table, powerEstimate: estimate, rSquaredCut: flags.rSquaredCut, power: power, genes: genes, detection: detection,
                              statistics: statistics, options: options)
        if let features {
            outcome.links = try steps.time("module-feature links and hubs") {
                let association = ModuleFeatureAssociation(eigengenes: statistics.eigengenes, expression: expression, features: features)
                let hubs = association.hubs(labels: detection.labels, modules: statistics.modules, kme: statistics.kme,
                                            features: features.rowCount, rules: flags.hubRules)
                try NetworkWriter.writeFeatureLinks(association, hubs: hubs, modules: statistics.modules, features: features.rowLabels,
                                                    genes: genes, to: output)
                console.note("hubs: \(hubs.count) hub gene entries over \(Set(hubs.map(\.feature)).count) of \(features.rowCount) features")
                return (association, hubs, features.rowLabels)
            }
        }
        return outcome
    }

    /// Stops before the first step when the network would need more memory than is
    /// available, saying how much and which options reduce it.
    func checkMemory(genes: Int, samples: Int, available: UInt64?) throws {
        guard let available else { return }
        let precision = flags.precision
        let need = NetworkMemory.peakBytes(genes: genes, samples: samples, precision: precision, maxBlockSize: flags.maxBlockSize)
        guard need > available else { return }
        var remedies: [String] = []
        if precision == .double {
            let single = NetworkMemory.peakBytes(genes: genes, samples: samples, precision: .single, maxBlockSize: flags.maxBlockSize)
            remedies.append("--precision single (about \(AvailableMemory.text(single)))")
        }
        let block = NetworkMemory.largestBlock(fitting: available, genes: genes, samples: samples, precision: precision)
        if block >= 2 {
            remedies.append("--max-block-size \(block) or less (networks of related genes, one at a time)")
            remedies.append("--top-variable \(block) or less (only the most variable genes)")
        }
        let size = flags.maxBlockSize.map { "blocks of up to \(min($0, genes)) of \(genes) genes" } ?? "\(genes) genes"
        throw UsageError("the network of \(size) needs about \(AvailableMemory.text(need)) of memory (\(precision.rawValue) precision: "
                         + "adjacency and TOM, 1.5 x genes² values), but \(AvailableMemory.text(available)) are available"
                         + (remedies.isEmpty ? "" : "; reduce it with " + remedies.joined(separator: ", ")))
    }

    /// The power to build with: the number given, or the table's estimate for `auto`.
    private func chosenPower(estimate: Int?, table: [SoftThreshold.Row]) throws -> Double {
        guard flags.power == "auto" else { return Double(flags.power)! }
        guard let estimate else {
            let best = table.max { $0.fit.rSquared < $1.fit.rSquared }
            throw UsageError("--power auto: no candidate power reaches scale-free R^2 > \(flags.rSquaredCut) (best: \(best.map { "\(NumberText.text($0.fit.rSquared)) at power \($0.power)" } ?? "none")); see network/soft_threshold.tsv and give --power N")
        }
        return Double(estimate)
    }
}
