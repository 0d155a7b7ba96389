import Testing
@testable import RGMap

/// The few best enrichment results per query that the report keeps.
@Suite struct EnrichmentHighlightsTests {
    /// Four one-gene sets named out of alphabetical order, with descriptions.
    static let sets = TestedGeneSets(
        GeneSetCollection(names: ["GO:4", "GO:2", "GO:3", "GO:1"], descriptions: ["four", "two", "three", "one"],
                          members: [[0], [1], [2], [3]], genes: ["A", "B", "C", "D"], duplicatesRemoved: 0),
        universe: GeneUniverse(genes: ["A", "B", "C", "D"], source: "test"), sizeRange: 1...10)

    static func ora(_ set: Int, overlap: Int, p: Double) -> OverRepresentationRow {
        OverRepresentationRow(query: 0, set: set, overlap: overlap, querySize: 12, setSize: 1, p: p, q: min(1, 4 * p), genes: [])
    }

    static func gsea(_ set: Int, nes: Double, p: Double) -> GSEARow {
        GSEARow(set: set, size: 1, es: nes / 2, nes: nes, p: p, q: 2 * p, log2err: .nan, leadingEdge: [], multilevel: false)
    }

    @Test func oraKeepsTheSmallestPThenTheSetNameAndSkipsEmptyOverlaps() {
        var highlights = EnrichmentHighlights(perQuery: 2)
        // GO:4 has the smallest p but no overlap; GO:2 and GO:1 tie on p: the name decides.
        highlights.addORA(query: "M1", [Self.ora(0, overlap: 0, p: 0.0001), Self.ora(1, overlap: 3, p: 0.01), Self.ora(2, overlap: 5, p: 0.2),
                                        Self.ora(3, overlap: 2, p: 0.01)], sets: Self.sets)
        highlights.addORA(query: "f1:positive", [Self.ora(2, overlap: 1, p: 0.5)], sets: Self.sets)
        #expect(highlights.ora == [
            .init(query: "M1", set: "GO:1", description: "one", effect: "2/12 genes", p: 0.01, q: 0.04),
            .init(query: "M1", set: "GO:2", description: "two", effect: "3/12 genes", p: 0.01, q: 0.04),
            .init(query: "f1:positive", set: "GO:3", description: "three", effect: "1/12 genes", p: 0.5, q: 1),
        ])
        #expect(highlights.gsea.isEmpty)
    }

    @Test func gseaKeepsTheSmallestPThenTheLargestNESAndSkipsMissingP() {
        var highlights = EnrichmentHighlights()
        #expect(highlights.perQuery == 3)
        highlights.addGSEA(list: "f1", [Self.gsea(0, nes: 3.1, p: .nan), Self.gsea(1, nes: 1.5, p: 0.001), Self.gsea(2, nes: -2.346, p: 0.001),
                                        Self.gsea(3, nes: 1.2, p: 0.3)], sets: Self.sets)
        #expect(highlights.gsea.map(\.set) == ["GO:3", "GO:2", "GO:1"])
        // NES with two decimals, its sign kept.
        #expect(highlights.gsea.map(\.effect) == ["NES -2.35", "NES 1.50", "NES 1.20"])
        #expect(highlights.gsea.map(\.description) == ["three", "two", "one"] && highlights.gsea.allSatisfy { $0.query == "f1" })
        #expect(highlights.gsea.map(\.q) == [0.002, 0.002, 0.6])
    }
}
