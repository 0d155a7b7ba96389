import ArgumentParser
import Foundation
import RGMap

/// Runs rgmap on the bundled example cohort in `data/`.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run rgmap on the bundled example cohort (data/example, made by `rgmap simulate --seed 1`).",
        discussion: """
            Summarizes the example inputs, builds the covariate-adjusted association map into --out \
            (default rgmap-demo), prints the strongest associations, finds the co-expression modules \
            and hub genes into OUT/modules (genes with missing values left out), compares them with the \
            planted modules, and names the stages not built yet.
            """)

    @Option(help: ArgumentHelp("Folder with the example cohort.", valueName: "dir"))
    var data: String?

    @OptionGroup(title: "Run") var common: CommonOptions

    static let stagesNotBuilt = ["heatmap exports and report"]

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
        inspect.common.out = nil  // the summary goes to stdout; the map below writes --out
        inspect.common.quiet = true
        try inspect.run()

        var map = MapCommand()
        map.inputs = inputs
        map.inputs.geneSets = nil
        map.preprocess = try PreprocessFlags.parse([])
        map.map = try MapOptions.parse([])
        map.common = common
        map.common.out = common.out ?? "rgmap-demo"
        try map.run()
        try printTopAssociations(in: map.common.out!)

        var modules = ModulesCommand()
        modules.inputs = inputs
        modules.inputs.geneSets = nil
        modules.inputs.mutations = nil
        modules.inputs.covariates = nil
        modules.preprocess = try PreprocessFlags.parse(["--complete-genes"])
        modules.network = try ModuleFlags.parse([])
        modules.common = common
        modules.common.out = map.common.out! + "/modules"
        try modules.run()
        try printModuleRecovery(in: modules.common.out!, truth: folder + "/truth/module_genes.tsv")
        print("stages not built yet: " + Self.stagesNotBuilt.joined(separator: ", "))
    }

    /// The first rows of the long table the map wrote.
    private func printTopAssociations(in out: String, count: Int = 5) throws {
        let table = try String(contentsOfFile: out + "/map/associations.tsv", encoding: .utf8)
        let rows = table.split(separator: "\n")
        print("association map: \(rows.count - 1) feature x gene pairs with q <= 0.05 (adjusted for age, sex, stage, scanner); strongest:")
        for row in rows.prefix(count + 1) { print("  " + row.replacingOccurrences(of: "\t", with: "  ")) }
        print("  (all pairs: \(out)/map/associations.tsv and associations.h5; mutations: \(out)/map/mutations.tsv)")
    }

    /// The modules found against the planted ones (genes outside every planted module count
    /// as module 0 in both), and the hub genes found.
    private func printModuleRecovery(in out: String, truth: String) throws {
        func rows(_ path: String) throws -> [[Substring]] {
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: "\t") }
        }
        let found = try rows(out + "/network/modules.tsv")
        let planted = Dictionary(uniqueKeysWithValues: try rows(truth).map { (String($0[0]), Int($0[1])!) })
        let labels = found.map { Int($0[1])! }, truth = found.map { planted[String($0[0])] ?? 0 }
        let hubs = try rows(out + "/network/hubs.tsv")
        print("modules: \(Set(labels).subtracting([0]).count) found (\(Set(planted.values).count) planted); adjusted Rand index against the planted modules "
              + String(format: "%.3f", adjustedRandIndex(labels, truth)) + "; \(hubs.count) hub gene entries for \(Set(hubs.map { $0[0] }).count) features")
        print("  (modules, eigengenes, kME, hubs: \(out)/network/)")
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
