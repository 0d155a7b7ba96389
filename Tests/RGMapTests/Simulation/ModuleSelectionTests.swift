import Testing
@testable import RGMap

@Suite struct ModuleSelectionTests {
    /// Sets over genes G0...G299: S0 (20 genes), S1 (21, half of them S0's), S2 (19), S3 (50, 1 of S2's), S4 (3).
    static let sets: GeneSetCollection = {
        let ranges = [0..<20, 10..<31, 40..<59, 58..<108, 200..<203]
        return GeneSetCollection(names: (0..<5).map { "S\($0)" }, descriptions: (0..<5).map { "set \($0)" },
                                 members: ranges.map { $0.map(Int32.init) }, genes: (0..<300).map { "G\($0)" }, duplicatesRemoved: 0)
    }()

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func choosesSetsOfAboutTheTargetSizeThatOverlapLittle(seed: UInt64) throws {
        var rng = RandomSource(seed: seed)
        let choice = try ModuleSelection.choose(from: Self.sets, sizes: [20, 20, 50], totalGenes: 150, rng: &rng)
        let chosen = choice.modules.map(\.set)
        #expect(Set(chosen).count == 3 && chosen[2] == 3)             // only S3 has about 50 genes
        #expect(!Set(chosen).isSuperset(of: [0, 1]))                  // S1 shares half its genes with S0
        #expect(Set(chosen.prefix(2)).isSubset(of: [0, 1, 2]))
        // Module genes: each set's genes not already taken, so the modules are disjoint.
        let all = choice.modules.flatMap(\.genes)
        #expect(Set(all).count == all.count)
        #expect(choice.modules.allSatisfy { module in
            Set(module.genes).isSubset(of: Set(Self.sets.members[module.set].map { Self.sets.genes[Int($0)] }))
        })
        // The table: all module genes plus background genes from no chosen set, sorted, totalGenes in all.
        #expect(choice.genes.count == 150 && choice.genes == choice.genes.sorted() && Set(choice.genes).count == 150)
        let inChosen = Set(chosen.flatMap { Self.sets.members[$0].map { Self.sets.genes[Int($0)] } })
        #expect(Set(choice.genes).subtracting(all).isDisjoint(with: inChosen))
        #expect(Set(all).isSubset(of: Set(choice.genes)))
    }

    @Test func explainsWhatTheSetsCannotGive() throws {
        var rng = RandomSource(seed: 1)
        #expect(throws: AnalysisError.self) { try ModuleSelection.choose(from: Self.sets, sizes: [1000], totalGenes: 1500, rng: &rng) }
        let tooMany = try #require(throws: AnalysisError.self) { try ModuleSelection.choose(from: Self.sets, sizes: [20], totalGenes: 400, rng: &rng) }
        #expect(tooMany.kind == .tooFewVariables && tooMany.message == "the gene sets name too few genes for 400 simulated genes")
    }
}
