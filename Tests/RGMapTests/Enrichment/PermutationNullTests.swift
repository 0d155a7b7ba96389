import Foundation
import Testing
@testable import RGMap

/// The random-set null of preranked GSEA: for each size, the scores of uniformly drawn sets.
@Suite struct PermutationNullTests {
    @Test func insertSortedKeepsOrder() {
        var buffer = [Int32](repeating: 0, count: 6)
        buffer.withUnsafeMutableBufferPointer { b in
            for (count, value) in [Int32(5), 1, 9, 3, 7, 0].enumerated() { PermutationNull.insertSorted(value, into: b, count: count) }
        }
        #expect(buffer == [0, 1, 3, 5, 7, 9])
    }

    /// Every m-subset of ranks 0..<n, in lexicographic order.
    static func subsets(_ n: Int, _ m: Int, _ body: ([Int]) -> Void) {
        var set = Array(0..<m)
        while true {
            body(set)
            var i = m - 1
            while i >= 0 && set[i] == n - m + i { i -= 1 }
            if i < 0 { return }
            set[i] += 1
            for j in (i + 1)..<m { set[j] = set[j - 1] + 1 }
        }
    }

    /// The exact score of every m-subset by the textbook walk (EnrichmentWalkTests.directWalk):
    /// the extreme farther from 0, 0 when both are as far; with ES+ and whether the positive extreme
    /// dominates. Extremes within 1e-12 count as equally far: the walk's own rounding (its steps
    /// added one by one) must not break the exact ties that equal weights and steps make.
    static func exactScores(_ weights: [Double], _ m: Int) -> [(score: Double, top: Double, positive: Bool)] {
        var out: [(Double, Double, Bool)] = []
        subsets(weights.count, m) { set in
            let walk = EnrichmentWalkTests.directWalk(Set(set), weights: weights)
            let tie = abs(walk.max + walk.min) < 1e-12
            out.append((tie ? 0 : (walk.max > -walk.min ? walk.max : walk.min), walk.max, !tie && walk.max > -walk.min))
        }
        return out
    }

    static func order(_ weights: [Double]) -> RankedOrder { RankedOrder(RankedList(name: "w", scores: weights)) }

    /// Scores drawn for each size follow the exact distribution of uniformly drawn sets: a chi-square
    /// test over the distinct scores (bins with fewer than 5 expected merged). A set whose extremes
    /// are equally far from 0 scores 0, but rounding may tip it to either extreme: such sets, and
    /// every score they could get, share one bin.
    @Test(arguments: [2, 3, 5])
    func eachSizesScoresAreThoseOfUniformlyDrawnSets(size m: Int) throws {
        let weights: [Double] = [3.5, 3, 2.25, 2, 1.5, 1.25, 0.75, 0.5, 0.25, 0.125]
        let permutations = 20_000
        let null = PermutationNull(order: Self.order(weights), sizes: [2, 3, 5], permutations: permutations, random: RandomSource(seed: 17))
        let exact = Self.exactScores(weights, m)
        // 1e-9 tells scores apart: two walks of one set differ by rounding (about 1e-16), distinct scores by far more.
        let tieTops = exact.filter { $0.score == 0 }.map(\.top)
        func inTieBin(_ score: Double) -> Bool { abs(score) < 1e-9 || tieTops.contains { abs(abs(score) - $0) < 1e-9 } }
        // Distinct exact values outside the tie bin and their counts; the tie bin last.
        var values: [Double] = [], counts: [Double] = []
        for score in exact.map(\.score).filter({ !inTieBin($0) }).sorted() {
            if let last = values.last, abs(score - last) < 1e-9 { counts[counts.count - 1] += 1 } else { values.append(score); counts.append(1) }
        }
        counts.append(Double(exact.filter { inTieBin($0.score) }.count))
        var observed = [Double](repeating: 0, count: counts.count)
        for score in null.sorted[null.index(ofSize: m)] {
            if inTieBin(score) { observed[values.count] += 1; continue }
            // The null's walk rounds differently from the reference's: matched to the nearest exact value.
            let bin = try #require(values.indices.min { abs(values[$0] - score) < abs(values[$1] - score) })
            #expect(abs(values[bin] - score) < 1e-9, "a null score \(score) no set of size \(m) has")
            observed[bin] += 1
        }
        var chi2 = 0.0, bins = 0, expectedRun = 0.0, observedRun = 0.0
        for (count, seen) in zip(counts, observed) {
            expectedRun += count / Double(exact.count) * Double(permutations)
            observedRun += seen
            if expectedRun >= 5 {
                chi2 += (observedRun - expectedRun) * (observedRun - expectedRun) / expectedRun
                bins += 1
                (expectedRun, observedRun) = (0, 0)
            }
        }
        // Mean df = bins - 1, sd sqrt(2 df): six sd above the mean fails only a sampler that is off.
        let df = Double(bins - 1)
        #expect(chi2 < df + 6 * (2 * df).squareRoot(), "chi2 \(chi2) over \(bins) bins")
    }

    @Test func countsAndSumsDescribeTheSortedScores() {
        var random = RandomSource(seed: 8)
        let weights = (0..<200).map { _ in random.uniform(-2, 2) }.sorted(by: >)
        let null = PermutationNull(order: Self.order(weights), sizes: [15, 40, 3], permutations: 137, random: RandomSource(seed: 2))
        #expect(null.sizes == [3, 15, 40] && null.permutations == 137 && null.index(ofSize: 40) == 2)
        for s in null.sizes.indices {
            let scores = null.sorted[s]
            #expect(scores.count == 137 && zip(scores, scores.dropFirst()).allSatisfy { $0 <= $1 })
            #expect(null.atLeastZero[s] == scores.filter { $0 >= 0 }.count && null.atMostZero[s] == scores.filter { $0 <= 0 }.count)
            // Sums in another order: equal to rounding.
            #expect(abs(null.positiveSum[s] - scores.filter { $0 > 0 }.reduce(0, +)) < 1e-12)
            #expect(abs(null.negativeSum[s] - scores.filter { $0 < 0 }.reduce(0, +)) < 1e-12)
            for probe in [-2, scores[0], scores[40], scores[40].nextUp, 0, scores[136], 2] {
                let counts = null.extremeCounts(s, score: probe)
                #expect(counts.atLeast == scores.filter { $0 >= probe }.count && counts.atMost == scores.filter { $0 <= probe }.count, "\(probe)")
            }
        }
        // The same stream gives the same scores; another, others.
        let again = PermutationNull(order: Self.order(weights), sizes: [15, 40, 3], permutations: 137, random: RandomSource(seed: 2))
        let other = PermutationNull(order: Self.order(weights), sizes: [15, 40, 3], permutations: 137, random: RandomSource(seed: 3))
        #expect(again.sorted == null.sorted && other.sorted != null.sorted)
    }

    @Test func noPermutationsGiveAnEmptyNull() {
        let null = PermutationNull(order: Self.order([3, 2, 1]), sizes: [1, 2], permutations: 0, random: RandomSource(seed: 1))
        #expect(null.sorted == [[], []] && null.atLeastZero == [0, 0] && null.extremeCounts(1, score: 0.5) == (0, 0))
    }
}
