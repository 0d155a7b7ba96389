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

    /// Universe G0...G99; sets A = G0...G9, B = G10...G29, C = G70...G84.
    static let small: (universe: GeneUniverse, sets: TestedGeneSets) = {
        let genes = (0..<100).map { "G\($0)" }
        let universe = GeneUniverse(genes: genes, source: "test")
        let collection = GeneSetCollection(names: ["A", "B", "C"], descriptions: ["", "", ""],
                                           members: [Array(0..<10), Array(10..<30), Array(70..<85)], genes: genes, duplicatesRemoved: 0)
        return (universe, TestedGeneSets(collection, universe: universe, sizeRange: 1...500))
    }()

    @Test func smallQueriesMatchRsPhyperAndPAdjust() {
        let queries = [GeneQuery(name: "q1", genes: [0, 1, 50, 60]), GeneQuery(name: "q2", genes: [10, 11, 12] + (40...46).map(Int32.init))]
        var calls: [Int] = []
        let results = OverRepresentation.test(queries, sets: Self.small.sets, universeSize: 100, progress: { done, total in
            #expect(total == 2)
            calls.append(done)
        })
        #expect(calls == [1, 2])
        // R: phyper(1, 10, 90, 4, lower.tail = FALSE), phyper(2, 20, 80, 10, lower.tail = FALSE) and p.adjust(..., "BH")
        // over each query's three sets. 1e-13 relative: libRmath is R's own phyper; BH multiplies by 3.
        let a = results[0][0], b = results[1][1]
        #expect(a.overlap == 2 && a.querySize == 4 && a.setSize == 10 && a.genes == [0, 1])
        #expect(agrees(a.p, 0.048769198401009885, relative: 1e-13) && agrees(a.q, 0.14630759520302966, relative: 1e-13))
        #expect(b.overlap == 3 && b.querySize == 10 && b.setSize == 20 && b.genes == [10, 11, 12])
        #expect(agrees(b.p, 0.31877993618231082, relative: 1e-13) && agrees(b.q, 0.95633980854693246, relative: 1e-13))
        #expect(results.joined().filter { $0.overlap == 0 }.allSatisfy { $0.p == 1 && $0.q == 1 && $0.genes.isEmpty })
        #expect(results.map { $0.map(\.set) } == [[0, 1, 2], [0, 1, 2]] && results.joined().allSatisfy { results[$0.query].contains($0) })
    }

    @Test func withoutEmptyRowsTheQStillCountsEverySet() {
        let query = GeneQuery(name: "q1", genes: [0, 1, 50, 60])
        let all = OverRepresentation.test([query], sets: Self.small.sets, universeSize: 100)[0]
        let kept = OverRepresentation.test([query], sets: Self.small.sets, universeSize: 100, keepingEmpty: false)[0]
        #expect(kept == [all[0]] && kept[0].q == all[0].q)
    }

    @Test func aQueryDropsRepeatsAndCountsNamesOutsideTheUniverse() {
        let query = GeneQuery(name: "mine", names: ["G3", "NOPE", "G1", "G3", "ALSO-NOT"], universe: Self.small.universe)
        #expect(query.genes == [3, 1] && query.outsideUniverse == 2)
        #expect(GeneQuery(name: "x", genes: [5, 5, 2, 5]).genes == [5, 2])
    }
}
