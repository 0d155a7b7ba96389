import Foundation
import RGMap

extension EnrichCommand {
    /// GSEA of every feature of the earlier map and every --ranks list, streamed to
    /// enrichment/gsea.tsv; returns the number of lists and of multilevel estimates.
    func preranked(earlier: EarlierResults, rankFiles paths: [String], universe: GeneUniverse, collection: GeneSetCollection, sets: TestedGeneSets,
                   output: OutputDirectory, console: Console) throws -> (lists: Int, multilevel: Int) {
        // Read every rank file first, so a bad one stops the run before gsea.tsv is begun.
        let rankFiles = try paths.map { (path: $0, ranked: try GeneListReader.readRanks(path: $0)) }
        let featureCount = earlier.map?.features.count ?? 0
        let total = featureCount + rankFiles.count
        guard total > 0 else {
            console.note("GSEA: no ranked lists (no map in --from, no --ranks); gsea.tsv not written")
            return (0, 0)
        }
        let options = enrich.gseaOptions(seed: common.seed)
        let step = console.step("GSEA of \(total) ranked lists")
        var multilevel = 0, unbalanced = 0, tiedLists = 0, done = 0
        func record(_ result: PrerankedGSEA.Result) {
            multilevel += result.rows.filter(\.multilevel).count
            unbalanced += result.unbalanced
            if result.ties > 0 { tiedLists += 1 }
            done += 1
            step.update(done: done, total: total)
        }
        try GSEATableWriter.write(to: output) { table in
            if let map = earlier.map {
                try PrerankedGSEA.runInOrder(featureCount, list: { EnrichmentQueries.rankedList(map, feature: $0, universe: universe, by: enrich.rankBy) },
                                             sets: sets, options: options) { list, result in
                    try table.append(list: list.name, result, sets: sets, universe: universe)
                    record(result)
                }
            }
            for (i, (path, ranked)) in rankFiles.enumerated() {
                let own = enrich.universe == nil ? GeneUniverse(genes: ranked.genes, source: path)
                    : GeneUniverse(genes: ranked.genes.filter { universe.index(of: $0) != nil }, source: path)
                var scores = [Double](repeating: .nan, count: own.count)
                for (gene, score) in zip(ranked.genes, ranked.scores) { if let u = own.index(of: gene) { scores[Int(u)] = score } }
                let ownSets = TestedGeneSets(collection, universe: own, sizeRange: enrich.minSize...enrich.maxSize)
                let name = GeneListReader.fileStem(path)
                let result = PrerankedGSEA.run(RankedList(name: name, scores: scores), sets: ownSets, options: options,
                                               stream: UInt64(featureCount + i))
                try table.append(list: name, result, sets: ownSets, universe: own)
                record(result)
            }
            step.finish("GSEA: \(total) ranked lists, \(table.rowCount) list x set rows, \(multilevel) p-values by the multilevel method, in \(output.url("enrichment/gsea.tsv").path)")
        }
        if tiedLists > 0 { console.note("GSEA: \(tiedLists) ranked lists have tied scores; tied genes keep the universe order") }
        if unbalanced > 0 {
            console.warning("GSEA: \(unbalanced) list x set results have no NES or p: fewer than 10 random scores had their sign (raise --permutations)")
        }
        return (total, multilevel)
    }

    /// The --ranks file, or every .rnk file in the --ranks folder (sorted by name).
    func rankFilePaths() throws -> [String] {
        guard let ranks = enrich.ranks else { return [] }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: ranks, isDirectory: &isFolder) else { throw UsageError("--ranks \(ranks): no such file or folder") }
        guard isFolder.boolValue else { return [ranks] }
        let names = try FileManager.default.contentsOfDirectory(atPath: ranks).filter { $0.hasSuffix(".rnk") }.sorted()
        guard !names.isEmpty else { throw UsageError("--ranks \(ranks): the folder holds no .rnk file") }
        return names.map { ranks + "/" + $0 }
    }
}
