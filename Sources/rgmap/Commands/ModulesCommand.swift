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
        if inputs.covariates != nil {
            console.warning("--covariates: module-feature statistics are not adjusted for covariates (as in WGCNA's module-trait "
                            + "analysis); the covariates only restrict the samples to those with every covariate. Use rgmap map for adjusted associations")
        }
        let pipeline = InputPipeline(inputs: inputs, preprocess: preprocess, console: console)
        var result = try pipeline.run()
        guard let cohort = result.cohort, let expression = cohort.omics else { throw ValidationError("modules needs --omics") }
        let stage = ModulesStage(flags: network, seed: common.seed, console: console)
        let outcome = try stage.run(expression: expression, features: cohort.features, output: output, steps: &result.steps)
        var parameters = common.parameters.merging(network.parameters) { a, _ in a }
        parameters["power-used"] = NumberText.text(outcome.power)
        let manifest = try pipeline.manifest(result, command: "modules", extra: parameters)
        try output.write("manifest.json", data: manifest.encoded())
    }
}
