extension EnrichmentStage {
    /// GSEA of every feature of the map and every ranked list, streamed to
    /// `enrichment/gsea.tsv`; returns the number of lists and of multilevel estimates.
    func preranked(_ map: AssociationQueries?, rankFiles: [(path: String, ranked: (genes: [String], scores: [Double]))],
                   universe: GeneUniverse, collection: GeneSetCollection, sets: TestedGeneSets, output: OutputDirectory,
                   log: PipelineLog, highlights: inout EnrichmentHighlights) throws -> (lists: Int, multilevel: Int) {
        let featureCount = map?.features.count ?? 0
        let total = featureCount + rankFiles.count
        guard total > 0 else {
            log.note("GSEA: no ranked lists (no map, no ranked list files); gsea.tsv not written")
            return (0, 0)
        }
        let options = settings.gsea
        let step = log.step("GSEA of \(total) ranked lists")
        var multilevel = 0, unbalanced = 0, tiedLists = 0, done = 0
        func record(_ name: String, _ result: PrerankedGSEA.Result, _ sets: TestedGeneSets) {
            multilevel += result.rows.filter(\.multilevel).count
            unbalanced += result.unbalanced
            if result.ties > 0 { tiedLists += 1 }
            // The report shows only what gsea.tsv holds.
            let kept = settings.gseaMaxQ >= 1 ? result.rows : result.rows.filter { $0.q <= settings.gseaMaxQ }
            highlights.addGSEA(list: name, kept, sets: sets)
            done += 1
            step.update(done: done, total: total)
        }
        try GSEATableWriter.write(to: output, maxQ: settings.gseaMaxQ) { table in
            if let map {
                try PrerankedGSEA.runInOrder(featureCount, list: { EnrichmentQueries.rankedList(map, feature: $0, universe: universe) },
                                             sets: sets, options: options) { list, result in
                    try table.append(list: list.name, result, sets: sets, universe: universe)
                    record(list.name, result, sets)
                }
            }
            for (i, (path, ranked)) in rankFiles.enumerated() {
                let own = settings.universe == nil ? GeneUniverse(genes: ranked.genes, source: path)
                    : GeneUniverse(genes: ranked.genes.filter { universe.index(of: $0) != nil }, source: path)
                var scores = [Double](repeating: .nan, count: own.count)
                for (gene, score) in zip(ranked.genes, ranked.scores) { if let u = own.index(of: gene) { scores[Int(u)] = score } }
                let ownSets = TestedGeneSets(collection, universe: own, sizeRange: settings.sizeRange)
                let name = GeneListReader.fileStem(path)
                let result = PrerankedGSEA.run(RankedList(name: name, scores: scores), sets: ownSets, options: options,
                                               stream: UInt64(featureCount + i))
                try table.append(list: name, result, sets: ownSets, universe: own)
                record(name, result, ownSets)
            }
            let kept = settings.gseaMaxQ < 1 ? " with q <= \(settings.gseaMaxQ)" : ""
            step.finish("GSEA: \(total) ranked lists, \(table.rowCount) list x set rows\(kept), \(multilevel) p-values by the multilevel method, "
                        + "in \(output.url("enrichment/gsea.tsv").path)")
        }
        if tiedLists > 0 { log.note("GSEA: \(tiedLists) ranked lists have tied scores; tied genes keep the universe order") }
        if unbalanced > 0 {
            log.warning("GSEA: \(unbalanced) list x set results have no NES or p: fewer than 10 random scores had their sign "
                        + "(raise \(setting: .permutations))")
        }
        return (total, multilevel)
    }
}
