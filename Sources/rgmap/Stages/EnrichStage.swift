import Foundation
import RGMap

/// The enrichment of `rgmap enrich` and `rgmap run`: ORA of modules, feature gene lists and
/// gene lists, preranked GSEA of features and ranked lists; writes `enrichment/`.
struct EnrichStage {
    let settings: EnrichFlags
    /// The earlier results' folder as the user named it (for messages), the query lists,
    /// the ranked lists and the universe file.
    var from: String?
    var geneLists: [String] = []
    var rankFiles: [String] = []
    var universeFile: String?
    let seed: UInt64
    let console: Console

    /// Runs every analysis asked for; returns the manifest's summary and the best results per query.
    func run(earlier: EarlierResults, collection: GeneSetCollection, omicsGenes: [String]?, output: OutputDirectory,
             steps: inout StepLog) throws -> (EnrichmentReport, EnrichmentHighlights) {
        let universe = try chooseUniverse(omics: omicsGenes, earlier: earlier, sets: collection)
        let sets = TestedGeneSets(collection, universe: universe, sizeRange: settings.minSize...settings.maxSize)
        console.note("universe: \(universe.count) genes (\(universe.source)); \(sets.count) of \(collection.count) gene sets have \(settings.minSize)-\(settings.maxSize) genes in it")
        var report = EnrichmentReport(universeSource: universe.source, universeSize: universe.count, setsRead: collection.count,
                                      setsTested: sets.count, setsOutsideSizeRange: sets.droppedForSize)
        var highlights = EnrichmentHighlights()
        if settings.ora {
            report.oraQueries = try steps.time("over-representation") {
                try overRepresentation(earlier: earlier, universe: universe, sets: sets, output: output, highlights: &highlights)
            }
        }
        if settings.gsea {
            (report.gseaLists, report.multilevelEstimates) = try steps.time("preranked GSEA") {
                try preranked(earlier: earlier, universe: universe, collection: collection, sets: sets, output: output,
                              highlights: &highlights)
            }
        }
        try EnrichmentWriter.writeUniverse(universe, to: output)
        return (report, highlights)
    }

    /// --universe, else the omics table after preprocessing, else the earlier map's or network's genes, else the GMT's.
    private func chooseUniverse(omics: [String]?, earlier: EarlierResults, sets: GeneSetCollection) throws -> GeneUniverse {
        if let path = universeFile { return GeneUniverse(genes: try GeneListReader.readGenes(path: path), source: "--universe \(path)") }
        if let omics { return GeneUniverse(genes: omics, source: "genes of the omics table after preprocessing") }
        if let map = earlier.map { return GeneUniverse(genes: map.genes, source: "genes of the association map in \(from ?? "the output folder")") }
        if let modules = earlier.modules { return GeneUniverse(genes: modules.genes, source: "genes of the network in \(from ?? "the output folder")") }
        return GeneUniverse(genes: sets.genes, source: "genes of the gene-set file")
    }

    /// Every query (modules, feature lists, --gene-list) against the sets; returns the query count.
    private func overRepresentation(earlier: EarlierResults, universe: GeneUniverse, sets: TestedGeneSets, output: OutputDirectory,
                                    highlights: inout EnrichmentHighlights) throws -> Int {
        var queries: [GeneQuery] = []
        if let modules = earlier.modules {
            queries += EnrichmentQueries.modules(genes: modules.genes, modules: modules.modules, universe: universe)
        }
        if let map = earlier.map {
            queries += EnrichmentQueries.featureLists(map, universe: universe, maxQ: settings.oraQ, maxGenes: settings.oraMaxGenes)
        }
        for path in geneLists {
            for list in try GeneListReader.readQueries(path: path) {
                let query = GeneQuery(name: list.name, names: list.genes, universe: universe)
                if query.outsideUniverse > 0 { console.note("gene list \(list.name): \(query.outsideUniverse) of \(list.genes.count) genes are outside the universe and not counted") }
                queries.append(query)
            }
        }
        queries.removeAll { $0.genes.isEmpty }
        guard !queries.isEmpty else {
            console.note("ORA: no query lists (no modules, no feature with genes at q <= \(settings.oraQ), no --gene-list); ora.tsv not written")
            return 0
        }
        let step = console.step("ORA of \(queries.count) queries")
        let results = OverRepresentation.test(queries, sets: sets, universeSize: universe.count, keepingEmpty: settings.allSets)
        let rows = try EnrichmentWriter.writeORA(results, queries: queries, sets: sets, universe: universe, allSets: settings.allSets, to: output)
        for (query, rows) in zip(queries, results) { highlights.addORA(query: query.name, rows, sets: sets) }
        let significant = results.joined().filter { $0.q <= 0.05 }.count
        step.finish("ORA: \(queries.count) queries x \(sets.count) sets, \(significant) with q <= 0.05; \(rows) rows in \(output.url("enrichment/ora.tsv").path)")
        return queries.count
    }
}
