import ArgumentParser
import Foundation
import RGMap

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Load the inputs and summarize them: formats, dimensions, matched samples, missing values, dropped columns.",
        discussion: "With --out, also writes manifest.json (inputs with SHA-256, sample matching, preprocessing).")

    @OptionGroup(title: "Inputs") var inputs: InputOptions
    @OptionGroup(title: "Preprocessing") var preprocess: PreprocessFlags
    @OptionGroup(title: "Run") var common: CommonOptions

    func run() throws {
        try common.configureThreads()
        let output = try common.out.map { try OutputDirectory(path: $0, force: common.force) }
        let pipeline = InputPipeline(inputs: inputs, preprocess: preprocess, console: common.console)
        let result = try pipeline.run()
        let summary = InputSummary(tables: result.tables, cohort: result.cohort,
                                   preprocessing: result.preprocessing, geneSets: result.geneSets)
        print(summary.render(), terminator: "")
        if let output {
            let manifest = try pipeline.manifest(result, command: "inspect", extra: common.parameters)
            try output.write("manifest.json", data: manifest.encoded())
            common.console.note("wrote \(output.url("manifest.json").path)")
        }
    }
}
