import Foundation
import Testing
@testable import RGMap

/// ORA against R's phyper and p.adjust on real GO BP sets and gene symbols
/// (Fixtures/enrichment, scripts/make_enrichment_fixtures.R).
@Suite struct OverRepresentationTests {
    @Test func matchesRPhyperAndBH() throws {
        let universe = GeneUniverse(genes: try GeneListReader.readGenes(path: Fixtures.path("enrichment/ora_universe.txt")), source: "fixture")
        let sets = TestedGeneSets(Fixtures.goBiologicalProcess, universe: universe, sizeRange: 10...500)
        let lists = try GeneListReader.readQueries(path: Fixtures.path("enrichment/ora_queries.gmt"))
        let queries = lists.map { GeneQuery(name: $0.name, names: $0.genes, universe: universe) }
        #expect(queries.map(\.outsideUniverse) == [0, 0, 1, 0])
        let results = OverRepresentation.test(queries, sets: sets, universeSize: universe.count)
        var mine: [String: OverRepresentationRow] = [:]
        for row in results.joined() { mine[queries[row.query].name + " " + sets.names[row.set]] = row }
        let expected = try Fixtures.table("enrichment/ora_expected.tsv.gz")
        #expect(expected.count == mine.count, "R tested the same query x set pairs")
        var worst = 0.0
        for row in expected {
            let key = row["query"]! + " " + row["set"]!
            let actual = try #require(mine[key], "\(key) tested")
            #expect(actual.overlap == Int(row["overlap"]!)! && actual.setSize == Int(row["set_size"]!)!
                    && actual.querySize == Int(row["query_size"]!)!, "\(key)")
            let (p, q) = (Double(row["p"]!)!, Double(row["q"]!)!)
            // libRmath is R's own phyper; 1e-12 relative allows only for the text round trip. R underflows to
            // subnormals or 0 below 1e-300, where relative agreement is meaningless.
            if p > 1e-300 {
                worst = max(worst, abs(actual.p - p) / p)
                #expect(agrees(actual.p, p, relative: 1e-12), "\(key): p \(actual.p) vs R \(p)")
                #expect(agrees(actual.q, q, relative: 1e-12), "\(key): q \(actual.q) vs R \(q)")
            } else {
                #expect(actual.p < 1e-290, "\(key)")
            }
            #expect(actual.overlap == 0 ? actual.genes.isEmpty : actual.genes.count == actual.overlap)
        }
        print("ORA vs R phyper: \(expected.count) pairs, worst relative p difference \(worst)")
    }

    @Test func zeroOverlapIsOneAndIsCounted() {
        let universe = GeneUniverse(genes: (0..<100).map { "G\($0)" }, source: "test")
        let collection = GeneSetCollection(names: ["A", "B"], descriptions: ["", ""], members: [Array(0..<10), Array(10..<30)],
                                           genes: (0..<100).map { "G\($0)" }, duplicatesRemoved: 0)
        let sets = TestedGeneSets(collection, universe: universe, sizeRange: 10...500)
        let rows = OverRepresentation.test([GeneQuery(name: "q", genes: [0, 1, 2, 3])], sets: sets, universeSize: 100)[0]
        #expect(rows[1].overlap == 0 && rows[1].p == 1)
        // phyper(3, 10, 90, 4, lower.tail = FALSE) = choose(10,4)/choose(100,4)
        #expect(agrees(rows[0].p, 210.0 / 3_921_225, relative: 1e-13))
        #expect(rows[0].q == min(1, rows[0].p * 2))
    }

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
}
