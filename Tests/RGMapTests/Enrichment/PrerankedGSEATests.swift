import Foundation
import Testing
@testable import RGMap

/// Preranked GSEA against gseapy 1.3.1 prerank and a numpy brute force on real GO BP sets
/// (Fixtures/enrichment, scripts/make_gsea_fixtures.py; conventions in its SPEC.md).
@Suite struct PrerankedGSEATests {
    struct Input {
        let universe: GeneUniverse
        let list: RankedList
        let sets: TestedGeneSets
    }

    /// The fixture's ranked list with gseapy's size limits (15-500).
    static let input: Input = {
        let ranked = try! GeneListReader.readRanks(path: Fixtures.path("enrichment/gsea_ranks.rnk"))
        let universe = GeneUniverse(genes: ranked.genes, source: "rnk")
        return Input(universe: universe, list: RankedList(name: "fixture", scores: ranked.scores),
                     sets: TestedGeneSets(Fixtures.goBiologicalProcess, universe: universe, sizeRange: 15...500))
    }()

    static let result: PrerankedGSEA.Result = {
        var options = GSEAOptions()
        options.seed = 20
        return PrerankedGSEA.run(input.list, sets: input.sets, options: options, stream: 0)
    }()

    static func byName(_ result: PrerankedGSEA.Result) -> [String: GSEARow] {
        Dictionary(uniqueKeysWithValues: result.rows.map { (input.sets.names[$0.set], $0) })
    }

    @Test func enrichmentScoresAndLeadingEdgesMatchGseapy() throws {
        let mine = Self.byName(Self.result)
        let expected = try Fixtures.table("enrichment/gsea_gseapy.tsv")
        #expect(expected.count == mine.count, "gseapy tested the same sets")
        var worst = 0.0
        for row in expected {
            let name = row["set"]!
            let actual = try #require(mine[name])
            let es = Double(row["es"]!)!
            worst = max(worst, abs(actual.es - es))
            // Same sums in a different order: only rounding separates them.
            #expect(abs(actual.es - es) <= 1e-10, "\(name): ES \(actual.es) vs gseapy \(es)")
            #expect(actual.size == Int(row["size"]!)!)
            let edge = actual.leadingEdge.map { Self.input.universe.genes[Int($0)] }
            #expect(edge == row["lead_genes"]!.split(separator: ";").map(String.init), "\(name) leading edge")
        }
        for row in try Fixtures.table("enrichment/gsea_es_numpy.tsv") {
            #expect(abs(mine[row["set"]!]!.es - Double(row["es"]!)!) <= 1e-10)
        }
        print("GSEA ES vs gseapy: \(expected.count) sets, worst |difference| \(worst)")
    }

    /// Both tools estimate NES and p from 1000 random sets of each size, with different random
    /// draws, so they agree within Monte-Carlo error. NES: each denominator is a mean of about
    /// 500 same-signed random scores (relative SE about 1.5%, the difference about 2.1%), so
    /// over 2995 sets |ratio - 1| <= 0.1 (about 4.7 SE) and the median ratio within 1%.
    /// p: a two-sample z with binomial variance p(1 - p) / b for each (b = same-signed draws,
    /// p floored at 1 / b) stays below 4.5, and above 3 for at most 1% of the sets.
    @Test func nesAndPermutationPValuesWithinMonteCarloErrorOfGseapy() throws {
        let mine = Self.byName(Self.result)
        var ratios: [Double] = [], scores: [Double] = []
        for row in try Fixtures.table("enrichment/gsea_gseapy.tsv") {
            let actual = mine[row["set"]!]!
            let (nes, p) = (Double(row["nes"]!)!, Double(row["p"]!)!)
            guard !actual.nes.isNaN else { continue }
            ratios.append(actual.nes / nes)
            let draws = 500.0
            let pooled = max((actual.p + p) / 2, 1 / draws)
            scores.append(abs(actual.p - p) / (2 * pooled * (1 - pooled) / draws).squareRoot())
        }
        ratios.sort()
        #expect(ratios.count == 2995)
        #expect(ratios.allSatisfy { abs($0 - 1) <= 0.1 }, "NES ratios \(ratios.first!)...\(ratios.last!)")
        #expect(abs(ratios[ratios.count / 2] - 1) <= 0.01)
        #expect(scores.max()! <= 4.5)
        #expect(scores.filter { $0 > 3 }.count <= scores.count / 100)
    }

    /// The multilevel p of the four brute-force sets (population 1001 so that its own error is
    /// small) within 3 standard deviations of log2 p: the estimate's log2err, the permutation
    /// estimate of P(ES >= 0) it divides by, and the brute force's own (about 1%).
    @Test func multilevelPValuesMatchBruteForce() throws {
        let expected = try Fixtures.table("enrichment/gsea_bruteforce.tsv")
        let names = Set(expected.map { $0["set"]! })
        let go = Fixtures.goBiologicalProcess
        let chosen = (0..<go.count).filter { names.contains(go.names[$0]) }
        let subset = GeneSetCollection(names: chosen.map { go.names[$0] }, descriptions: chosen.map { go.descriptions[$0] },
                                       members: chosen.map { go.members[$0] }, genes: go.genes, duplicatesRemoved: 0)
        var options = GSEAOptions()
        options.seed = 3
        options.sampleSize = 1001
        let sets = TestedGeneSets(subset, universe: Self.input.universe, sizeRange: 15...500)
        let result = PrerankedGSEA.run(Self.input.list, sets: sets, options: options, stream: 0)
        for row in expected {
            let actual = try #require(result.rows.first { sets.names[$0.set] == row["set"]! })
            let brute = Double(row["p_bruteforce"]!)!
            let sameSign = Double(row["same_sign"]!)! / Double(row["draws"]!)!
            let denominatorError = ((1 - sameSign) / (sameSign * Double(options.permutations))).squareRoot() / log(2)
            let bruteError = 1 / Double(row["more_extreme"]!)!.squareRoot() / log(2)
            let sd = (actual.log2err * actual.log2err + denominatorError * denominatorError + bruteError * bruteError).squareRoot()
            #expect(actual.multilevel)
            #expect(abs(log2(actual.p / brute)) <= 3 * sd, "\(row["set"]!): multilevel \(actual.p) vs brute force \(brute) (sd of log2 \(sd))")
        }
    }

    @Test func sameSeedSameResultsAndSeedsMatter() {
        var options = GSEAOptions()
        options.seed = 20
        let again = PrerankedGSEA.run(Self.input.list, sets: Self.input.sets, options: options, stream: 0)
        #expect(again.rows == Self.result.rows)
        options.seed = 21
        let other = PrerankedGSEA.run(Self.input.list, sets: Self.input.sets, options: options, stream: 0)
        #expect(other.rows.map(\.es) == Self.result.rows.map(\.es))
        #expect(other.rows.map(\.nes) != Self.result.rows.map(\.nes))
    }

    /// Ten ranked genes g0...g9 scored 5, 4, 3, 2, 1, -1, ..., -5, and g10 unranked; sets by hand.
    static let small: (universe: GeneUniverse, list: RankedList, sets: TestedGeneSets) = {
        let genes = (0...10).map { "g\($0)" }
        let universe = GeneUniverse(genes: genes, source: "test")
        let collection = GeneSetCollection(
            names: ["up", "down", "with-unranked", "one-ranked", "everything"], descriptions: ["", "", "", "", ""],
            members: [[0, 2], [6, 9], [10, 3, 4], [10, 5], Array(0...10)], genes: genes, duplicatesRemoved: 0)
        return (universe, RankedList(name: "small", scores: [5, 4, 3, 2, 1, -1, -2, -3, -4, -5, .nan]),
                TestedGeneSets(collection, universe: universe, sizeRange: 2...11))
    }()

    static func smallRun(_ configure: (inout GSEAOptions) -> Void = { _ in }) -> PrerankedGSEA.Result {
        var options = GSEAOptions()
        options.permutations = 2000
        configure(&options)
        return PrerankedGSEA.run(Self.small.list, sets: Self.small.sets, options: options, stream: 0)
    }

    @Test func handComputedScoresLeadingEdgesAndSkippedSets() throws {
        let result = Self.smallRun()
        // "one-ranked" has 1 gene in the list (below the range), "everything" all of it: both skipped.
        #expect(result.skipped == 2 && result.ties == 0 && result.unbalanced == 0)
        let rows = Dictionary(uniqueKeysWithValues: result.rows.map { (Self.small.sets.names[$0.set], $0) })
        #expect(rows.keys.sorted() == ["down", "up", "with-unranked"])
        // Hand-computed walks (8 misses of 1/8): up hits ranks 0, 2 (weights 5, 3 of 8): 5/8, then 1 - 1/8.
        let up = try #require(rows["up"]), down = try #require(rows["down"]), partial = try #require(rows["with-unranked"])
        #expect(up.es == 0.875 && up.size == 2 && up.leadingEdge == [0, 2])
        // down: ranks 6, 9 (weights 2, 5 of 7): the sum is -6/8 just before the first hit, the minimum; its edge bottom-up.
        // 1e-15 here and below: the weights are scaled by 1/7 (1/3), which rounds.
        #expect(abs(down.es - -0.75) < 1e-15 && down.leadingEdge == [9, 6])
        // with-unranked: g10 is not in the list, so ranks 3, 4 (weights 2, 1 of 3): 1 - 3/8 at the second hit.
        #expect(partial.size == 2 && abs(partial.es - 0.625) < 1e-15 && partial.leadingEdge == [3, 4])
        // NES has the sign of ES; q is BH over the three p.
        #expect(result.rows.allSatisfy { ($0.nes > 0) == ($0.es > 0) && $0.p > 0 && $0.p <= 1 })
        #expect(result.rows.map(\.q) == FalseDiscoveryRate.adjusted(result.rows.map(\.p), method: .bh))
    }

    @Test func pBelowEpsIsReportedAsEpsWithoutAnError() {
        let plain = Self.smallRun(), floored = Self.smallRun { $0.eps = 0.3 }
        for (a, b) in zip(plain.rows, floored.rows) {
            if a.p < 0.3 {
                #expect(b.p == 0.3 && b.log2err.isNaN)
            } else {
                #expect(b.p == a.p && sameValues([b.log2err], [a.log2err]))
            }
        }
        #expect(plain.rows.contains { $0.p < 0.3 } && plain.rows.contains { $0.p >= 0.3 })
    }

    @Test func tooFewRandomScoresOfTheSetsSignLeaveNESAndPUndefined() {
        let result = Self.smallRun { $0.permutations = 9 }
        #expect(result.unbalanced == 3)
        #expect(result.rows.allSatisfy { $0.nes.isNaN && $0.p.isNaN && $0.q.isNaN && !$0.es.isNaN })
    }

    @Test func listsRunSideBySideAreDeliveredInOrderAsAloneOnTheirStream() throws {
        var options = GSEAOptions()
        options.permutations = 300
        let lists = (0..<4).map { i in RankedList(name: "list\(i)", scores: Self.small.list.scores.map { $0 * Double(i + 1) + Double(i) }) }
        var delivered: [String] = []
        try PrerankedGSEA.runInOrder(lists.count, list: { lists[$0] }, sets: Self.small.sets, options: options) { list, result in
            let i = delivered.count
            delivered.append(list.name)
            #expect(result.rows == PrerankedGSEA.run(lists[i], sets: Self.small.sets, options: options, stream: UInt64(i)).rows)
        }
        #expect(delivered == ["list0", "list1", "list2", "list3"])
        struct Stop: Error {}
        var calls = 0
        #expect(throws: Stop.self) {
            try PrerankedGSEA.runInOrder(lists.count, list: { lists[$0] }, sets: Self.small.sets, options: options) { _, _ in
                calls += 1
                if calls == 2 { throw Stop() }
            }
        }
        #expect(calls == 2, "nothing is delivered after an error")
    }
}
