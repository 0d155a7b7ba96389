import ArgumentParser
import Foundation
import RGMap

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Feature x gene association map: r, p and FDR for every pair, adjusted for covariates when given.",
        discussion: """
            Writes map/associations.tsv (pairs with q <= --max-q), map/associations.h5 (r, p, q, n for \
            every pair; --matrices none skips it), map/mutations.tsv with --mutations, and manifest.json.
            """)

    @OptionGroup(title: "Inputs") var inputs: InputFlags
    @OptionGroup(title: "Preprocessing") var preprocess: PreprocessFlags
    @OptionGroup(title: "Association") var map: MapFlags
    @OptionGroup(title: "Run") var common: CommonFlags

    func run() throws {
        guard common.out != nil else { throw ValidationError("map needs --out DIR") }
        guard inputs.features != nil, inputs.omics != nil || inputs.mutations != nil else {
            throw ValidationError("map needs --features and --omics (and/or --mutations)")
        }
        try common.configureThreads()
        var settings = PipelineSettings(inputs: try inputs.settings(preprocess: preprocess), output: common.output)
        settings.map = map.settings
        settings.record = common.record("map", [inputs.parameters, preprocess.parameters, map.parameters])
        _ = try Pipeline(settings: settings).run(log: common.console)
    }
}
