import ArgumentParser
import Foundation
import RGMap

struct ModulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "modules",
        abstract: "WGCNA-style co-expression modules, eigengenes, kME and, with --features, hub genes per feature.",
        discussion: """
            One network over all genes, as WGCNA 1.72 blockwiseModules builds a single block (or one per block of related genes with --max-block-size). Writes \
            network/soft_threshold.tsv, modules.tsv, eigengenes.tsv, kme.tsv, tree.tsv, top_hubs.tsv, with \
            --features also module_feature.tsv and hubs.tsv, with --save-tom network/tom.h5, and \
            manifest.json. The expression must have no missing values (--complete-genes drops genes with any).
            """)

    @OptionGroup(title: "Inputs") var inputs: InputOptions
    @OptionGroup(title: "Preprocessing") var preprocess: PreprocessFlags
    @OptionGroup(title: "Network") var network: ModuleFlags
    @OptionGroup(title: "Run") var common: CommonOptions

    func run() throws {
        guard let out = common.out else { throw ValidationError("modules needs --out DIR") }
        guard inputs.omics != nil else { throw ValidationError("modules needs --omics") }
        try common.configureThreads()
        let output = try OutputDirectory(path: out, force: common.force)
        let console = common.console
        let pipeline = InputPipeline(inputs: inputs, preprocess: preprocess, console: console)
        var result = try pipeline.run()
        guard let cohort = result.cohort, let expression = cohort.omics else { throw ValidationError("modules needs --omics") }
        if expression.rowCount < 2 { throw ValidationError("modules needs at least 2 genes, got \(expression.rowCount)") }
        try ModuleDetection.requireComplete(expression)

        var started = Date()
        let thresholding = console.step("soft-threshold table")
        let table = SoftThreshold.table(expression, networkType: network.network, powers: try network.candidatePowers(),
                                        progress: thresholding.callback)
        let estimate = SoftThreshold.powerEstimate(table, rSquaredCut: network.rSquaredCut)
        try NetworkWriter.writeSoftThreshold(table, to: output)
        thresholding.finish("soft threshold: power estimate \(estimate.map(String.init) ?? "none") (scale-free R^2 > \(network.rSquaredCut))")
        result.steps.append(("soft threshold", Date().timeIntervalSince(started)))
        let power = try chosenPower(estimate: estimate, table: table)

        started = Date()
        var options = network.options(power: power)
        options.seed = common.seed
        let building = console.step("network")
        let networkGenes = expression.rowLabels
        let detection = try ModuleDetection(expression, options: options, progress: { _, done, total in
            building.update(done: done, total: total)
        }, tomReady: network.saveTOM ? { tom in
            try TOMFile.write(tom, genes: ModuleDetection.usableGenes(expression).map { networkGenes[$0] }, to: output)
        } : nil)
        for note in detection.notes { console.note(note) }
        if detection.blocks.count > 1 {
            console.note("blocks: \(detection.blocks.count) networks of \(detection.blocks.map { String($0.genes.count) }.joined(separator: ", ")) genes (--max-block-size \(options.maxBlockSize!), seed \(options.seed))")
        }
        let moduleCount = Set(detection.labels).subtracting([0]).count
        building.finish("modules: \(moduleCount) with \(detection.labels.filter { $0 != 0 }.count) of \(expression.rowCount) genes (power \(NumberText.text(power)), \(options.networkType.rawValue) network, \(options.tomType?.rawValue ?? "no") TOM, \(options.precision.rawValue) precision)")
        for lap in detection.timings { result.steps.append((lap.step, lap.seconds)) }

        started = Date()
        let statistics = ModuleStatistics(detection, expression: expression, options: options)
        let genes = expression.rowLabels
        try NetworkWriter.writeModules(genes: genes, detection: detection, statistics: statistics, to: output)
        try NetworkWriter.writeEigengenes(statistics, to: output)
        try NetworkWriter.writeKME(genes: genes, statistics, to: output)
        try NetworkWriter.writeTrees(detection.blocks, to: output)
        try NetworkWriter.writeTopHubs(genes: genes, labels: detection.labels, statistics, to: output)
        result.steps.append(("kME and connectivity", Date().timeIntervalSince(started)))

        if let features = cohort.features {
            started = Date()
            let association = ModuleFeatureAssociation(eigengenes: statistics.eigengenes, expression: expression, features: features)
            let hubs = association.hubs(labels: detection.labels, modules: statistics.modules, kme: statistics.kme,
                                        features: features.rowCount, rules: network.hubRules)
            try NetworkWriter.writeFeatureLinks(association, hubs: hubs, modules: statistics.modules, features: features.rowLabels,
                                                genes: genes, to: output)
            console.note("hubs: \(hubs.count) hub gene entries over \(Set(hubs.map(\.feature)).count) of \(features.rowCount) features")
            result.steps.append(("module-feature links and hubs", Date().timeIntervalSince(started)))
        }
        var parameters = common.parameters.merging(network.parameters) { a, _ in a }
        parameters["power-used"] = NumberText.text(power)
        let manifest = try pipeline.manifest(result, command: "modules", extra: parameters)
        try output.write("manifest.json", data: manifest.encoded())
    }

    /// The power to build with: the number given, or the table's estimate for `auto`.
    private func chosenPower(estimate: Int?, table: [SoftThreshold.Row]) throws -> Double {
        guard network.power == "auto" else { return Double(network.power)! }
        guard let estimate else {
            let best = table.max { $0.fit.rSquared < $1.fit.rSquared }
            throw UsageError("--power auto: no candidate power reaches scale-free R^2 > \(network.rSquaredCut) (best: \(best.map { "\(NumberText.text($0.fit.rSquared)) at power \($0.power)" } ?? "none")); see network/soft_threshold.tsv and give --power N")
        }
        return Double(estimate)
    }
}
