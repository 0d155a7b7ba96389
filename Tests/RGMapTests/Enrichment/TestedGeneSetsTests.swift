import Testing
@testable import RGMap

/// Gene sets as a test sees them: intersected with the universe, sized within it.
@Suite struct TestedGeneSetsTests {
    @Test func sizeLimitsCountGenesInTheUniverse() {
        let universe = GeneUniverse(genes: (0..<50).map { "G\($0)" }, source: "test")
        let collection = GeneSetCollection(names: ["big-outside", "fits"], descriptions: ["", ""],
                                           members: [Array(0..<12), Array(0..<10)], genes: (40..<60).map { "G\($0)" }, duplicatesRemoved: 0)
        // "big-outside" names 12 genes but only 10 (G40..G49) are in the universe; "fits" names 10, all inside.
        let sets = TestedGeneSets(collection, universe: universe, sizeRange: 10...11)
        #expect(sets.names == ["big-outside", "fits"])
        #expect(sets.members[0].count == 10)
        #expect(TestedGeneSets(collection, universe: universe, sizeRange: 11...20).count == 0)
    }

    @Test func aUniverseKeepsEachGeneOnceAtItsFirstPosition() {
        let universe = GeneUniverse(genes: ["B", "A", "B", "C", "A"], source: "omics table")
        #expect(universe.genes == ["B", "A", "C"] && universe.count == 3 && universe.source == "omics table")
        #expect(universe.index(of: "A") == 1 && universe.index(of: "C") == 2 && universe.index(of: "Z") == nil)
        #expect(universe == GeneUniverse(genes: ["B", "A", "C"], source: "omics table"))
    }

    @Test func setsAreTranslatedToAscendingUniverseIndicesAndDroppedBySize() {
        let universe = GeneUniverse(genes: ["A", "M", "Z", "K"], source: "test")
        // GMT genes Z, A, M, Q: "zam" is {Z, A, M}, "q" only Q (outside: size 0), "mk" is {M} (K is not in the GMT).
        let collection = GeneSetCollection(names: ["zam", "q", "m"], descriptions: ["Z A M", "Q only", "M"], members: [[0, 1, 2], [3], [2]],
                                           genes: ["Z", "A", "M", "Q"], duplicatesRemoved: 0)
        let sets = TestedGeneSets(collection, universe: universe, sizeRange: 1...3)
        #expect(sets.names == ["zam", "m"] && sets.descriptions == ["Z A M", "M"])
        #expect(sets.members == [[0, 1, 2], [1]])
        #expect(sets.droppedForSize == 1 && sets.count == 2 && sets.sizeRange == 1...3)
        let larger = TestedGeneSets(collection, universe: universe, sizeRange: 2...500)
        #expect(larger.names == ["zam"] && larger.droppedForSize == 2)
    }
}
