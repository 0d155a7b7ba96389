import ArgumentParser
import Foundation
import RGMap

/// Runs rgmap on the bundled example cohort in `data/`.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run rgmap on the bundled example cohort (data/example, made by `rgmap simulate --seed 1`).",
        discussion: "Until every stage is built, the demo inspects the example inputs and names the stages still missing.")

    @Option(help: ArgumentHelp("Folder with the example cohort.", valueName: "dir"))
    var data: String?

    @OptionGroup(title: "Run") var common: CommonOptions

    static let stagesNotBuilt = ["association map", "co-expression modules and hubs", "enrichment", "heatmap exports and report"]

    func run() throws {
        let folder = try data ?? Self.locateExampleFolder()
        var inputs = try InputOptions.parse([])
        inputs.features = folder + "/features.csv"
        inputs.omics = folder + "/omics.tsv"
        inputs.mutations = folder + "/mutations.maf"
        inputs.covariates = folder + "/covariates.tsv"
        inputs.geneSets = (folder as NSString).deletingLastPathComponent + "/genesets/go_bp.gmt.gz"
        inputs.idNormalize = .tcgaPatient
        var inspect = InspectCommand()
        inspect.inputs = inputs
        inspect.preprocess = try PreprocessFlags.parse([])
        inspect.common = common
        try inspect.run()
        print("stages not built yet: " + Self.stagesNotBuilt.joined(separator: ", "))
    }

    /// `data/example` under the current folder, else next to the source tree of this binary
    /// (`.build/<config>/rgmap` -> `../../data/example`).
    static func locateExampleFolder() throws -> String {
        let candidates = [
            "data/example",
            URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
                .deletingLastPathComponent().appendingPathComponent("../../data/example").standardized.path,
        ]
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/features.csv") }) else {
            throw UsageError("cannot find the example cohort (looked in \(candidates.joined(separator: ", "))): give --data DIR")
        }
        return found
    }
}
