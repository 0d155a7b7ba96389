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

    @OptionGroup(title: "Inputs") var inputs: InputFlags
    @OptionGroup(title: "Preprocessing") var preprocess: PreprocessFlags
    @OptionGroup(title: "Network") var network: NetworkFlags
    @OptionGroup(title: "Run") var common: CommonFlags

    func run() throws {
        guard common.out != nil else { throw ValidationError("modules needs --out DIR") }
        guard inputs.omics != nil else { throw ValidationError("modules needs --omics") }
        try common.configureThreads()
        var settings = PipelineSettings(inputs: try inputs.settings(preprocess: preprocess), output: common.output)
        settings.network = try network.settings(seed: common.seed)
        settings.record = common.record("modules", [inputs.parameters, preprocess.parameters, network.parameters])
        _ = try Pipeline(settings: settings).run(log: common.console)
    }
}
