import ArgumentParser
import Foundation
import RGMap

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Load the inputs and summarize them: formats, dimensions, matched samples, missing values, dropped columns.",
        discussion: "With --out, also writes manifest.json (inputs with SHA-256, sample matching, preprocessing).")

    @OptionGroup(title: "Inputs") var inputs: InputFlags
    @OptionGroup(title: "Preprocessing") var preprocess: PreprocessFlags
    @OptionGroup(title: "Run") var common: CommonFlags

    func run() throws {
        try common.configureThreads()
        var settings = PipelineSettings(inputs: try inputs.settings(preprocess: preprocess), output: common.output)
        settings.record = common.record("inspect", [inputs.parameters, preprocess.parameters])
        let result = try Pipeline(settings: settings).run(log: common.console)
        let summary = InputSummary(tables: result.inputs.tables, cohort: result.inputs.cohort,
                                   preprocessing: result.inputs.preprocessing, geneSets: result.inputs.geneSets)
        print(summary.render(), terminator: "")
        if let out = common.out { common.console.note("wrote \(URL(fileURLWithPath: out).appendingPathComponent("manifest.json").path)") }
    }
}
