import ArgumentParser
import Foundation
import RGMap

struct EnrichCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrich",
        abstract: "Over-representation and preranked GSEA of modules, feature-linked genes and gene lists against --gene-sets.",
        discussion: """
            ORA queries: each module of --from's network/modules.tsv (M1, M2, ...), each feature's positively and \
            negatively associated genes in --from's map (FEATURE:positive, FEATURE:negative), and every --gene-list. \
            GSEA: each feature of --from's map ranked by --rank-by, and every --ranks list. Writes \
            enrichment/ora.tsv, enrichment/gsea.tsv, enrichment/universe.txt and manifest.json.
            """)

    @OptionGroup(title: "Inputs") var inputs: InputOptions
    @OptionGroup(title: "Preprocessing") var preprocess: PreprocessFlags
    @OptionGroup(title: "What to test") var sources: EnrichSources
    @OptionGroup(title: "Enrichment") var enrich: EnrichFlags
    @OptionGroup(title: "Run") var common: CommonOptions

    func run() throws {
        guard let out = common.out else { throw ValidationError("enrich needs --out DIR") }
        guard inputs.geneSets != nil else { throw ValidationError("enrich needs --gene-sets FILE (GMT)") }
        try common.configureThreads()
        let console = common.console
        let earlier = try EarlierResults(folder: sources.from, console: console)
        let rankFiles = try rankFilePaths()
        let output = try OutputDirectory(path: out, force: common.force)
        let pipeline = InputPipeline(inputs: inputs, preprocess: preprocess, console: console)
        var result = try pipeline.run()
        let stage = EnrichStage(settings: enrich, from: sources.from, geneLists: sources.geneLists, rankFiles: rankFiles,
                                universeFile: sources.universe, seed: common.seed, console: console)
        let (report, _) = try stage.run(earlier: earlier, collection: result.geneSets!.sets, omicsGenes: result.cohort?.omics?.rowLabels,
                                        output: output, steps: &result.steps)
        var parameters = common.parameters.merging(enrich.parameters) { a, _ in a }
        parameters.merge(sources.parameters) { a, _ in a }
        var manifest = try pipeline.manifest(result, command: "enrich", extra: parameters)
        let inputs = sources.geneLists.map { ("gene-list", $0) } + rankFiles.map { ("ranks", $0) } + (sources.universe.map { [("universe", $0)] } ?? [])
        for (role, path) in earlier.files + inputs {
            manifest.addInput(role: role, path: path, format: role, sha256: try SHA256.hexDigest(ofFileAt: path))
        }
        manifest.enrichment = report
        try output.write("manifest.json", data: manifest.encoded())
    }

    /// The --ranks file, or every .rnk file in the --ranks folder (sorted by name).
    func rankFilePaths() throws -> [String] {
        guard let ranks = sources.ranks else { return [] }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: ranks, isDirectory: &isFolder) else { throw UsageError("--ranks \(ranks): no such file or folder") }
        guard isFolder.boolValue else { return [ranks] }
        let names = try FileManager.default.contentsOfDirectory(atPath: ranks).filter { $0.hasSuffix(".rnk") }.sorted()
        guard !names.isEmpty else { throw UsageError("--ranks \(ranks): the folder holds no .rnk file") }
        return names.map { ranks + "/" + $0 }
    }
}
