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

    @OptionGroup(title: "Inputs") var inputs: InputOptions
    @OptionGroup(title: "Preprocessing") var preprocess: PreprocessFlags
    @OptionGroup(title: "Association") var map: MapOptions
    @OptionGroup(title: "Run") var common: CommonOptions

    func run() throws {
        guard let out = common.out else { throw ValidationError("map needs --out DIR") }
        guard inputs.features != nil, inputs.omics != nil || inputs.mutations != nil else {
            throw ValidationError("map needs --features and --omics (and/or --mutations)")
        }
        try common.configureThreads()
        let output = try OutputDirectory(path: out, force: common.force)
        let console = common.console
        let pipeline = InputPipeline(inputs: inputs, preprocess: preprocess, console: console)
        var result = try pipeline.run()
        _ = try MapStage.run(result.cohort!, settings: map, output: output, console: console, steps: &result.steps)
        let manifest = try pipeline.manifest(result, command: "map", extra: common.parameters.merging(map.parameters) { a, _ in a })
        try output.write("manifest.json", data: manifest.encoded())
    }
}
