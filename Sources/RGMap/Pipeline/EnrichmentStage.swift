/// What the enrichment stage hands on: the manifest's summary and, for the report, the
/// best results of each query.
public struct EnrichmentResult: Sendable {
    public var report: EnrichmentReport
    public var highlights: EnrichmentHighlights
    /// The files read besides the inputs (earlier results, gene lists, ranked lists, the
    /// universe), with their roles, for the manifest.
    public var files: [(role: String, path: String)]
}

/// Over-representation of modules, feature gene lists and gene lists, and preranked GSEA
/// of features and ranked lists, against gene sets. Writes `enrichment/ora.tsv`,
/// `enrichment/gsea.tsv` and `enrichment/universe.txt`.
public struct EnrichmentStage: Sendable {
    public var settings: EnrichmentSettings

    public init(settings: EnrichmentSettings) { self.settings = settings }

    /// - Parameters:
    ///   - earlier: the modules and the map to test (this run's, or an earlier run's).
    ///   - collection: the gene sets.
    ///   - omicsGenes: the genes of the omics table after preprocessing (the default universe).
    /// - Throws: ``InputError`` (a gene list, ranked list or universe file), ``SettingError``
    ///   (ranked lists not found), ``OutputError``; the stage's files are then removed.
    public func run(_ earlier: EarlierResults, collection: GeneSetCollection, omicsGenes: [String]?,
                    in run: RunContext) throws -> EnrichmentResult {
        let output = run.requireOutput()
        // Read the query lists and rank files the tests use first, so a bad one stops before any test runs.
        let queryLists = settings.runORA ? try settings.geneLists.flatMap { try GeneListReader.readQueries(path: $0) } : []
        let rankFiles = settings.runGSEA ? try settings.rankFiles().map { (path: $0, ranked: try GeneListReader.readRanks(path: $0)) } : []
        return try run.stage("enrichment") {
            let universe = try chooseUniverse(omics: omicsGenes, earlier: earlier, sets: collection)
            let sets = TestedGeneSets(collection, universe: universe, sizeRange: settings.sizeRange)
            run.log.note("universe: \(universe.count) genes (\(universe.source)); \(sets.count) of \(collection.count) gene sets "
                         + "have \(settings.minSize)-\(settings.maxSize) genes in it")
            var report = EnrichmentReport(universeSource: universe.source, universeSize: universe.count, setsRead: collection.count,
                                          setsTested: sets.count, setsOutsideSizeRange: sets.droppedForSize)
            var highlights = EnrichmentHighlights()
            if settings.runORA {
                report.oraQueries = try run.time("over-representation") {
                    try overRepresentation(earlier, lists: queryLists, universe: universe, sets: sets, output: output,
                                           log: run.log, highlights: &highlights)
                }
            }
            if settings.runGSEA {
                (report.gseaLists, report.multilevelEstimates) = try run.time("preranked GSEA") {
                    try preranked(earlier.map, rankFiles: rankFiles, universe: universe, collection: collection, sets: sets,
                                  output: output, log: run.log, highlights: &highlights)
                }
            }
            try EnrichmentWriter.writeUniverse(universe, to: output)
            let lists = settings.runORA ? settings.geneLists : []
            let files = earlier.files + lists.map { ("gene-list", $0) } + rankFiles.map { ("ranks", $0.path) }
                + (settings.universe.map { [("universe", $0)] } ?? [])
            return EnrichmentResult(report: report, highlights: highlights, files: files)
        }
    }

    /// The universe file, else the omics table after preprocessing, else the earlier map's or
    /// network's genes, else the GMT's.
    private func chooseUniverse(omics: [String]?, earlier: EarlierResults, sets: GeneSetCollection) throws -> GeneUniverse {
        if let path = settings.universe {
            return GeneUniverse(genes: try GeneListReader.readGenes(path: path), source: "the universe file \(path)")
        }
        if let omics { return GeneUniverse(genes: omics, source: "genes of the omics table after preprocessing") }
        let place = earlier.folder ?? "the output folder"
        if let map = earlier.map { return GeneUniverse(genes: map.genes, source: "genes of the association map in \(place)") }
        if let modules = earlier.modules { return GeneUniverse(genes: modules.genes, source: "genes of the network in \(place)") }
        return GeneUniverse(genes: sets.genes, source: "genes of the gene-set file")
    }

    /// Every query (modules, feature lists, gene lists) against the sets; returns the query count.
    private func overRepresentation(_ earlier: EarlierResults, lists: [NamedGeneList], universe: GeneUniverse, sets: TestedGeneSets,
                                    output: OutputDirectory, log: PipelineLog, highlights: inout EnrichmentHighlights) throws -> Int {
        var queries: [GeneQuery] = []
        if let modules = earlier.modules {
            queries += EnrichmentQueries.modules(genes: modules.genes, modules: modules.labels, universe: universe)
        }
        if let map = earlier.map {
            queries += EnrichmentQueries.featureLists(map, universe: universe, maxGenes: settings.oraMaxGenes)
        }
        for list in lists {
            let query = GeneQuery(name: list.name, names: list.genes, universe: universe)
            if query.outsideUniverse > 0 {
                log.note("gene list \(list.name): \(query.outsideUniverse) of \(list.genes.count) genes are outside the universe and not counted")
            }
            queries.append(query)
        }
        queries.removeAll { $0.genes.isEmpty }
        guard !queries.isEmpty else {
            log.note("ORA: no query lists (no modules, no feature with genes at q <= \(settings.oraQ), no gene list); ora.tsv not written")
            return 0
        }
        let step = log.step("ORA of \(queries.count) queries")
        let results = OverRepresentation.test(queries, sets: sets, universeSize: universe.count, keepingEmpty: settings.allSets,
                                              progress: step.callback)
        let rows = try EnrichmentWriter.writeORA(results, queries: queries, sets: sets, universe: universe, allSets: settings.allSets, to: output)
        for (query, rows) in zip(queries, results) { highlights.addORA(query: query.name, rows, sets: sets) }
        let significant = results.joined().filter { $0.q <= 0.05 }.count
        step.finish("ORA: \(queries.count) queries x \(sets.count) sets, \(significant) with q <= 0.05; \(rows) rows in \(output.url("enrichment/ora.tsv").path)")
        return queries.count
    }
}
