import Testing
@testable import RGMap

/// Query lists, universes and preranked `.rnk` files for enrichment.
@Suite struct GeneListReaderTests {
    @Test func readsOneGenePerLineOnceEachSkippingCommentsAndBlankLines() throws {
        let path = Fixtures.file(named: "universe.txt", "# background\nTP53\n\nEGFR\textra column\nTP53\nKRAS\n")
        #expect(try GeneListReader.readGenes(path: path) == ["TP53", "EGFR", "KRAS"])
        let empty = Fixtures.file(named: "empty.txt", "# nothing\n\n")
        #expect(inputError { _ = try GeneListReader.readGenes(path: empty) }?.message == "no genes: expected one gene name per line")
    }

    @Test func queriesAreAGMTOrOneListNamedAfterItsFile() throws {
        let sets = try GeneListReader.readQueries(path: Fixtures.path("formats/genesets.gmt"))
        #expect(sets.map(\.name) == ["GO:0000001", "GO:0000002", "GO:0000003", "GO:0000004"])
        #expect(sets[0].genes == ["TP53", "CDK4", "MYC"])  // the repeated TP53 once
        let list = try GeneListReader.readQueries(path: Fixtures.file(named: "hits.up.txt", "MYC\nPTEN\n"))
        #expect(list == [NamedGeneList(name: "hits.up", genes: ["MYC", "PTEN"])])
        // A two-column list is still a list: a GMT line has three fields or more.
        let twoColumns = try GeneListReader.readQueries(path: Fixtures.file(named: "scored.tsv", "MYC\t2.5\nPTEN\t1\n"))
        #expect(twoColumns.map(\.genes) == [["MYC", "PTEN"]])
    }

    @Test func fileStemDropsFolderGzipAndOneExtension() {
        #expect(GeneListReader.fileStem("/data/lists/up.regulated.txt.gz") == "up.regulated")
        #expect(GeneListReader.fileStem("genes.tsv") == "genes")
        #expect(GeneListReader.fileStem("README") == "README")
        #expect(GeneListReader.fileStem("dir/.hidden") == ".hidden")
    }

    @Test func readsRanksSkippingAHeaderLine() throws {
        let path = Fixtures.file(named: "r.rnk", "# GSEA\ngene\tscore\nTP53\t2.5\nEGFR\t-1e-3\nKRAS\t0\n")
        let ranks = try GeneListReader.readRanks(path: path)
        #expect(ranks.genes == ["TP53", "EGFR", "KRAS"] && ranks.scores == [2.5, -0.001, 0])
        let fixture = try GeneListReader.readRanks(path: Fixtures.path("enrichment/gsea_ranks.rnk"))
        #expect(fixture.genes.prefix(2) == ["A3GALT2", "A4GALT"] && fixture.scores[1] == 1.3597475403099617)
    }

    struct BadRanks: Sendable, CustomTestStringConvertible {
        var text: String
        var line: Int?
        var column: Int?
        var message: String
        var testDescription: String { message }
    }

    static let badRanks = [
        BadRanks(text: "TP53\t1\nEGFR\t2\nTP53\t3\n", line: 3, column: 1, message: "gene 'TP53' already ranked at line 1: each gene must appear once"),
        BadRanks(text: "TP53\t1\nEGFR\tInf\n", line: 2, column: 2, message: "infinite score: expected a finite number"),
        BadRanks(text: "TP53\t1\nEGFR\tNA\n", line: 2, column: 2, message: "expected a number, found 'NA'"),
        BadRanks(text: "TP53\t1\nEGFR\thigh\n", line: 2, column: 2, message: "expected a number, found 'high'"),
        BadRanks(text: "TP53\t1\nEGFR\n", line: 2, column: 1, message: "expected gene<TAB>score, found 1 field"),
        BadRanks(text: "gene\tscore\nTP53\t1\n", line: nil, column: nil, message: "expected at least two ranked genes, found 1"),
    ]

    @Test(arguments: badRanks)
    func refusesBadRankFiles(_ bad: BadRanks) {
        let error = inputError { _ = try GeneListReader.readRanks(path: Fixtures.file(named: "bad.rnk", bad.text)) }
        #expect(error?.line == bad.line && error?.column == bad.column && error?.message.description == bad.message)
    }
}
