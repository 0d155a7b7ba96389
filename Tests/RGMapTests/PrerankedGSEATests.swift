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
}
