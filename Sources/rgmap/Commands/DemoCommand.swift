import ArgumentParser
import Foundation
import RGMap

/// `rgmap run` on the bundled example cohort, then what it recovered of the planted truth.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole pipeline on the bundled example cohort (data/example, made by `rgmap simulate --seed 1`).",
        discussion: """
            Runs `rgmap run` on the example's features, expression, mutations and covariates with the bundled GO \
            Biological Process sets into --out (default rgmap-demo), GSEA p-values bounded at 1e-10 (--gsea-eps; \
            run's default is fgsea's 1e-50), then prints how much of the planted structure \
            it recovered: modules, feature-module links, hub genes, and the GO terms the modules were planted from.
            """)

    /// The planted modules make many GSEA p-values astronomically small; estimating each
    /// down to fgsea's 1e-50 would take the demo from one minute to five.
    static let gseaEps = 1e-10

    @Option(help: ArgumentHelp("Folder with the example cohort.", valueName: "dir"))
    var data: String?

    @OptionGroup(title: "Run") var common: CommonFlags

    func run() throws {
        let folder = try data ?? Self.locateExampleFolder()
        let out = common.out ?? "rgmap-demo"
        var arguments = ["--features", folder + "/features.csv", "--omics", folder + "/omics.tsv", "--mutations", folder + "/mutations.maf",
                         "--covariates", folder + "/covariates.tsv",
                         "--gene-sets", (folder as NSString).deletingLastPathComponent + "/genesets/go_bp.gmt.gz",
                         "--id-normalize", "tcga-patient", "--gsea-eps", String(Self.gseaEps), "--out", out, "--seed", String(common.seed)]
        if common.force { arguments.append("--force") }
        if common.quiet { arguments.append("--quiet") }
        if let threads = common.threads { arguments += ["--threads", String(threads)] }
        ConfigExpansion.expanded = arguments
        try RunCommand.parse(arguments).run()
        try printRecovery(out: out, truth: folder + "/truth")
    }

    /// The planted-versus-recovered summary.
    private func printRecovery(out: String, truth: String) throws {
        func rows(_ path: String) throws -> [[String]] {
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
                .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        }
        let found = try ModuleTableReader.read(path: out + "/network/modules.tsv")
        let plantedGenes = Dictionary(uniqueKeysWithValues: try rows(truth + "/module_genes.tsv").map { ($0[0], Int($0[1])!) })
        let terms = Dictionary(uniqueKeysWithValues: try rows(truth + "/modules.tsv").map { (Int($0[0])!, (id: $0[1], term: $0[2])) })
        let drivers = Dictionary(uniqueKeysWithValues: try rows(truth + "/features.tsv").filter { $0[1] != "NA" }
            .map { ($0[0], $0[1].split(separator: ",").map { Int($0)! }) })
        var moduleQ: [Int: [String: Double]] = [:]
        for row in try rows(out + "/network/module_feature.tsv") { moduleQ[Int(row[0])!, default: [:]][row[1]] = Double(row[4]) ?? 1 }
        let hubs = try rows(out + "/network/hubs.tsv").map { (feature: $0[0], gene: $0[2]) }
        var topSets: [Int: (set: String, q: Double)] = [:]
        if FileManager.default.fileExists(atPath: out + "/enrichment/ora.tsv") {
            for row in try rows(out + "/enrichment/ora.tsv") where row[0].hasPrefix("M") {
                if let module = Int(row[0].dropFirst()), topSets[module] == nil { topSets[module] = (row[1], Double(row[7]) ?? .nan) }
            }
        }
        let recovery = PlantedRecovery(genes: found.genes, labels: found.modules, planted: plantedGenes, terms: terms,
                                       drivers: drivers, moduleFeatureQ: moduleQ, hubs: hubs, topSets: topSets)
        let recovered = recovery.modules.filter(\.recovered)
        print("planted versus recovered (truth: \(truth)):")
        print("  modules: \(recovered.count) of \(recovery.modules.count) planted modules recovered (Jaccard >= \(PlantedRecovery.recoveredJaccard)); "
              + "adjusted Rand index " + String(format: "%.3f", recovery.adjustedRandIndex))
        print("  feature-module links: \(recovery.recoveredLinks) of \(recovery.plantedLinks) planted links have module-feature q <= 0.05")
        print("  hub genes: \(recovery.hubEntries) entries; of the \(recovery.hubsOfDrivenFeatures) for features with planted drivers, "
              + "\(recovery.hubsInDriverModules) are genes of a driver module")
        print("  GO terms: \(recovery.modules.filter(\.termRecovered).count) of \(recovery.modules.count) matched modules have their planted term as the top ORA set")
        for match in recovery.modules {
            let found = match.found.map { "M\($0) (Jaccard " + String(format: "%.2f", match.jaccard) + ")" } ?? "none"
            let top = match.topSet.map { "\($0)\(match.termRecovered ? " = planted" : "") q " + String(format: "%.1e", match.topSetQ) } ?? "no ORA hit"
            print("    planted \(match.planted) \(match.goID) \(match.goTerm) (\(match.plantedSize) genes) -> \(found); top set \(top)")
        }
        print("  report: \(out)/report.html; tables: \(out)/map, network, enrichment, heatmap; manifest: \(out)/manifest.json")
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
