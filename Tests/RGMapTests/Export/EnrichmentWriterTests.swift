import Foundation
import Testing
@testable import RGMap

/// `enrichment/ora.tsv`, `gsea.tsv` and `universe.txt` (docs/formats.md): rows, order, columns.
@Suite struct EnrichmentWriterTests {
    static let universe = GeneUniverse(genes: ["TP53", "ABL1", "MYC", "EGFR", "KRAS"], source: "omics table")
    /// Sets named out of alphabetical order; members as universe indices.
    static let sets = TestedGeneSets(
        GeneSetCollection(names: ["GO:3", "GO:1", "GO:2"], descriptions: ["apoptosis", "cell cycle, G1", "signalling"],
                          members: [[0, 1, 2], [2, 3], [1, 4]], genes: universe.genes, duplicatesRemoved: 0),
        universe: universe, sizeRange: 1...10)

    static func ora(_ query: Int, _ set: Int, overlap: Int, p: Double, genes: [Int32]) -> OverRepresentationRow {
        OverRepresentationRow(query: query, set: set, overlap: overlap, querySize: 3, setSize: sets.members[set].count, p: p, q: min(1, 3 * p), genes: genes)
    }

    static let oraResults = [
        // Query M2 comes first as given; GO:1 and GO:3 tie on p: the name decides.
        [ora(0, 0, overlap: 2, p: 0.01, genes: [2, 0]), ora(0, 1, overlap: 0, p: 1, genes: []), ora(0, 2, overlap: 1, p: 0.01, genes: [4])],
        [ora(1, 0, overlap: 1, p: 0.2, genes: [1]), ora(1, 1, overlap: 2, p: 0.001, genes: [3, 2]), ora(1, 2, overlap: 0, p: 1, genes: [])],
    ]

    @Test func oraRowsGoQueryByQueryThenByPThenSetName() throws {
        let folder = Fixtures.scratchFolder()
        let output = try OutputDirectory(path: folder, force: false)
        let queries = [GeneQuery(name: "M2", genes: [0, 2, 4]), GeneQuery(name: "f1:positive", genes: [1, 2, 3])]
        #expect(try EnrichmentWriter.writeORA(Self.oraResults, queries: queries, sets: Self.sets, universe: Self.universe, allSets: false, to: output) == 4)
        let rows = try Fixtures.rows(atPath: folder + "/enrichment/ora.tsv")
        #expect(rows[0] == ["query", "set", "overlap", "query_size", "set_size", "universe_size", "p", "q", "genes", "description"])
        // Genes alphabetical; the description is the set's second GMT field, commas and all.
        #expect(Array(rows.dropFirst()) == [
            ["M2", "GO:2", "1", "3", "2", "5", "0.01", "0.03", "KRAS", "signalling"],
            ["M2", "GO:3", "2", "3", "3", "5", "0.01", "0.03", "MYC,TP53", "apoptosis"],
            ["f1:positive", "GO:1", "2", "3", "2", "5", "0.001", "0.003", "EGFR,MYC", "cell cycle, G1"],
            ["f1:positive", "GO:3", "1", "3", "3", "5", "0.2", "0.6000000000000001", "ABL1", "apoptosis"],
        ])
        // With every set, the rows without overlap too (p 1, no genes), last within their query.
        #expect(try EnrichmentWriter.writeORA(Self.oraResults, queries: queries, sets: Self.sets, universe: Self.universe, allSets: true, to: output) == 6)
        let all = try Fixtures.rows(atPath: folder + "/enrichment/ora.tsv").dropFirst()
        #expect(all.map { $0[0] + " " + $0[1] } == ["M2 GO:2", "M2 GO:3", "M2 GO:1", "f1:positive GO:1", "f1:positive GO:3", "f1:positive GO:2"])
        #expect(all.filter { $0[2] == "0" }.allSatisfy { $0[6] == "1.0" && $0[8] == "" })
    }

    @Test func universeIsOneGenePerLineInItsOrder() throws {
        let folder = Fixtures.scratchFolder()
        try EnrichmentWriter.writeUniverse(Self.universe, to: OutputDirectory(path: folder, force: false))
        #expect(try String(contentsOfFile: folder + "/enrichment/universe.txt", encoding: .utf8) == "TP53\nABL1\nMYC\nEGFR\nKRAS\n")
    }

    static func gsea(_ set: Int, nes: Double, p: Double, q: Double, edge: [Int32] = []) -> GSEARow {
        GSEARow(set: set, size: sets.members[set].count, es: nes / 3, nes: nes, p: p, q: q, log2err: p.isNaN ? .nan : 0.25,
                leadingEdge: edge, multilevel: false)
    }

    /// One list's rows: p ties broken by |NES| and set name; two without p, not in name order.
    static let result = PrerankedGSEA.Result(rows: [
        gsea(0, nes: .nan, p: .nan, q: .nan), gsea(0, nes: -2, p: 0.01, q: 0.04, edge: [2, 0, 1]), gsea(1, nes: 1.5, p: 0.01, q: 0.04),
        gsea(1, nes: 2, p: 0.3, q: 0.4), gsea(2, nes: .nan, p: .nan, q: .nan), gsea(2, nes: -1.5, p: 0.01, q: 0.04),
    ], skipped: 0, ties: 0, unbalanced: 2)

    static func written(maxQ: Double) throws -> [[String]] {
        let folder = Fixtures.scratchFolder()
        var count = 0
        try GSEATableWriter.write(to: OutputDirectory(path: folder, force: false), maxQ: maxQ) { table in
            try table.append(list: "f1", Self.result, sets: Self.sets, universe: Self.universe)
            try table.append(list: "ranks", PrerankedGSEA.Result(rows: [Self.gsea(1, nes: 1, p: 0.5, q: 0.5)], skipped: 0, ties: 0, unbalanced: 0),
                             sets: Self.sets, universe: Self.universe)
            count = table.rowCount
        }
        let rows = try Fixtures.rows(atPath: folder + "/enrichment/gsea.tsv")
        #expect(count == rows.count - 1)
        return rows
    }

    @Test func gseaRowsGoListByListByPThenLargerNESThenSetNameWithNALast() throws {
        let rows = try Self.written(maxQ: 1)
        #expect(rows[0] == ["feature", "set", "es", "nes", "p", "q", "size", "leading_edge", "log2err", "description"])
        #expect(rows.dropFirst().map { $0[0] + " " + $0[1] + " " + $0[3] } == [
            "f1 GO:3 -2.0", "f1 GO:1 1.5", "f1 GO:2 -1.5", "f1 GO:1 2.0", "f1 GO:2 NA", "f1 GO:3 NA", "ranks GO:1 1.0",
        ])
        // The leading edge in the order of the walk, by name; log2err NA where p is.
        #expect(rows[1] == ["f1", "GO:3", NumberText.text(-2.0 / 3), "-2.0", "0.01", "0.04", "3", "MYC,TP53,ABL1", "0.25", "apoptosis"])
        #expect(rows[5] == ["f1", "GO:2", "NA", "NA", "NA", "NA", "2", "", "NA", "signalling"])
    }

    @Test func aQCutBelowOneKeepsOnlyRowsAtOrBelowIt() throws {
        // At 0.04 the three rows with q 0.04; the rows without q and those above go; every row at 1.
        let rows = try Self.written(maxQ: 0.04)
        #expect(rows.dropFirst().map { $0[0] + " " + $0[1] } == ["f1 GO:3", "f1 GO:1", "f1 GO:2"])
        #expect(try Self.written(maxQ: 0.5).count - 1 == 5)
        #expect(try Self.written(maxQ: 1).count - 1 == 7)
        #expect(try Self.written(maxQ: 2).count - 1 == 7)
    }
}
