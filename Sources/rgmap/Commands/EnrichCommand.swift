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
    @OptionGroup(title: "Enrichment") var enrich: EnrichFlags
    @OptionGroup(title: "Run") var common: CommonOptions

    func run() throws {
        guard let out = common.out else { throw ValidationError("enrich needs --out DIR") }
        guard inputs.geneSets != nil else { throw ValidationError("enrich needs --gene-sets FILE (GMT)") }
        try common.configureThreads()
        let console = common.console
        let earlier = try EarlierResults(folder: enrich.from, console: console)
        let rankFiles = try rankFilePaths()
        let output = try OutputDirectory(path: out, force: common.force)
        let pipeline = InputPipeline(inputs: inputs, preprocess: preprocess, console: console)
        var result = try pipeline.run()
        let collection = result.geneSets!.sets
        let universe = try chooseUniverse(omics: result.cohort?.omics?.rowLabels, earlier: earlier, sets: collection)
        let sets = TestedGeneSets(collection, universe: universe, sizeRange: enrich.minSize...enrich.maxSize)
        console.note("universe: \(universe.count) genes (\(universe.source)); \(sets.count) of \(collection.count) gene sets have \(enrich.minSize)-\(enrich.maxSize) genes in it")
        var report = EnrichmentReport(universeSource: universe.source, universeSize: universe.count, setsRead: collection.count,
                                      setsTested: sets.count, setsOutsideSizeRange: sets.droppedForSize)
        if enrich.ora {
            let started = Date()
            report.oraQueries = try overRepresentation(earlier: earlier, universe: universe, sets: sets, output: output, console: console)
            result.steps.append(("over-representation", Date().timeIntervalSince(started)))
        }
        if enrich.gsea {
            let started = Date()
            (report.gseaLists, report.multilevelEstimates) = try preranked(earlier: earlier, rankFiles: rankFiles, universe: universe,
                                                                          collection: collection, sets: sets, output: output, console: console)
            result.steps.append(("preranked GSEA", Date().timeIntervalSince(started)))
        }
        try EnrichmentWriter.writeUniverse(universe, to: output)
        var manifest = try pipeline.manifest(result, command: "enrich", extra: common.parameters.merging(enrich.parameters) { a, _ in a })
        let inputs = enrich.geneLists.map { ("gene-list", $0) } + rankFiles.map { ("ranks", $0) } + (enrich.universe.map { [("universe", $0)] } ?? [])
        for (role, path) in earlier.files + inputs {
            manifest.addInput(role: role, path: path, format: role, sha256: try SHA256.hexDigest(ofFileAt: path))
        }
        manifest.enrichment = report
        try output.write("manifest.json", data: manifest.encoded())
    }

    /// --universe, else the omics table after preprocessing, else the earlier map's or network's genes, else the GMT's.
    private func chooseUniverse(omics: [String]?, earlier: EarlierResults, sets: GeneSetCollection) throws -> GeneUniverse {
        if let path = enrich.universe { return GeneUniverse(genes: try GeneListReader.readGenes(path: path), source: "--universe \(path)") }
        if let omics { return GeneUniverse(genes: omics, source: "genes of the omics table after preprocessing") }
        if let map = earlier.map { return GeneUniverse(genes: map.genes, source: "genes of the association map in \(enrich.from!)") }
        if let modules = earlier.modules { return GeneUniverse(genes: modules.genes, source: "genes of the network in \(enrich.from!)") }
        return GeneUniverse(genes: sets.genes, source: "genes of the gene-set file")
    }

    /// Every query (modules, feature lists, --gene-list) against the sets; returns the query count.
    private func overRepresentation(earlier: EarlierResults, universe: GeneUniverse, sets: TestedGeneSets, output: OutputDirectory,
                                    console: Console) throws -> Int {
        var queries: [GeneQuery] = []
        if let modules = earlier.modules {
            queries += EnrichmentQueries.modules(genes: modules.genes, modules: modules.modules, universe: universe)
        }
        if let map = earlier.map {
            queries += EnrichmentQueries.featureLists(map, universe: universe, maxQ: enrich.oraQ, maxGenes: enrich.oraMaxGenes)
        }
        for path in enrich.geneLists {
            for list in try GeneListReader.readQueries(path: path) {
                let query = GeneQuery(name: list.name, names: list.genes, universe: universe)
                if query.outsideUniverse > 0 { console.note("gene list \(list.name): \(query.outsideUniverse) of \(list.genes.count) genes are outside the universe and not counted") }
                queries.append(query)
            }
        }
        queries.removeAll { $0.genes.isEmpty }
        guard !queries.isEmpty else {
            console.note("ORA: no query lists (no modules, no feature with genes at q <= \(enrich.oraQ), no --gene-list); ora.tsv not written")
            return 0
        }
        let step = console.step("ORA of \(queries.count) queries")
        let results = OverRepresentation.test(queries, sets: sets, universeSize: universe.count, keepingEmpty: enrich.allSets)
        let rows = try EnrichmentWriter.writeORA(results, queries: queries, sets: sets, universe: universe, allSets: enrich.allSets, to: output)
        let significant = results.joined().filter { $0.q <= 0.05 }.count
        step.finish("ORA: \(queries.count) queries x \(sets.count) sets, \(significant) with q <= 0.05; \(rows) rows in \(output.url("enrichment/ora.tsv").path)")
        return queries.count
    }
}
