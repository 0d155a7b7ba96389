/// Picks the GO Biological Process sets that become the planted co-expression
/// modules, and the background genes, from a GMT collection.
enum ModuleSelection {
    struct Choice {
        /// Per module: index of its gene set and its member genes.
        var modules: [(set: Int, genes: [String])]
        /// All genes of the simulated expression table, sorted.
        var genes: [String]
    }

    /// For each target size, the first set (in random order) whose size is within 15%
    /// of the target and that shares at most 10% of its genes with earlier modules;
    /// members are the set's genes not already used. Background genes come from
    /// the other genes of the collection that are in none of the chosen sets.
    static func choose(from sets: GeneSetCollection, sizes: [Int], totalGenes: Int,
                       rng: inout RandomSource) throws -> Choice {
        let order = rng.permutation(sets.count)
        var used = Set<Int32>()
        var chosen: [(set: Int, genes: [String])] = []
        var chosenSets = Set<Int>()
        for target in sizes {
            // A GO set within 15% of the target size that shares at most a tenth of its genes with
            // the sets already chosen (rgmap's design: modules of about the planned sizes, distinct).
            let range = Int(Double(target) * 0.85)...Int(Double(target) * 1.15)
            guard let pick = order.first(where: { s in
                !chosenSets.contains(s) && range.contains(sets.members[s].count)
                    && sets.members[s].filter(used.contains).count * 10 <= sets.members[s].count
            }) else {
                throw AnalysisError(.tooFewVariables, "the gene sets hold no set of about \(target) genes that overlaps little with the others: use a larger GMT (GO BP)")
            }
            let members = sets.members[pick].filter { !used.contains($0) }
            used.formUnion(members)
            chosenSets.insert(pick)
            chosen.append((pick, members.map { sets.genes[Int($0)] }))
        }
        let excluded = Set(chosenSets.flatMap { sets.members[$0] })
        let background = rng.permutation(sets.genes.count).map(Int32.init).filter { !excluded.contains($0) }
        let moduleGenes = chosen.flatMap(\.genes)
        let needed = totalGenes - moduleGenes.count
        guard needed > 0, background.count >= needed else {
            throw AnalysisError(.tooFewVariables, "the gene sets name too few genes for \(totalGenes) simulated genes")
        }
        let genes = (moduleGenes + background.prefix(needed).map { sets.genes[Int($0)] }).sorted()
        return Choice(modules: chosen, genes: genes)
    }
}
