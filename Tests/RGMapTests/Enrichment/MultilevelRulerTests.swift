import Foundation
import Testing
@testable import RGMap

/// The multilevel ruler's P(ES >= x) against the exact probability: every 4-gene set of a
/// 40-gene list enumerated (91390 sets) and scored by the textbook walk.
@Suite struct MultilevelRulerTests {
    static let weights: [Double] = {
        var random = RandomSource(seed: 12)
        return (0..<40).map { _ in random.uniform(0.05, 3) }.sorted(by: >)
    }()

    /// Every set's score, ascending.
    static let exact = PermutationNullTests.exactScores(weights, 4).map(\.score).sorted()

    /// P(ES >= x) over all sets.
    static func probability(atLeast x: Double) -> Double {
        var (low, high) = (0, exact.count)  // the first score >= x, by bisection
        while low < high { let mid = (low + high) / 2; if exact[mid] >= x { high = mid } else { low = mid + 1 } }
        return Double(exact.count - low) / Double(exact.count)
    }

    /// Thresholds half-way between neighbouring scores (no set sits on one), at the upper
    /// quantiles from about 5% to 0.2%.
    static func thresholds() -> [Double] {
        [0.05, 0.02, 0.01, 0.005, 0.002].map { tail in
            // The first score of the top `tail` of the sets, and the largest below it.
            let k = exact.count - Int(tail * Double(exact.count))
            let above = exact[k...].first { $0 > exact[k - 1] }!
            return (exact[k - 1] + above) / 2
        }
    }

    @Test func estimatesEachTailWithinItsExpectedError() throws {
        let xs = Self.thresholds()
        let sampleSize = 1001
        let ruler = MultilevelRuler(weights: Self.weights, setSize: 4, target: xs.last!, sampleSize: sampleSize, maxLevels: Int.max,
                                    random: RandomSource(seed: 5))
        for x in xs {
            let p = Self.probability(atLeast: x)
            let (logP, reliable) = ruler.logProbability(atLeast: x)
            // fgsea's expected standard deviation of log2 p for this population size; 3.5 of them.
            let sd = PrerankedGSEA.multilevelError(p, sampleSize: sampleSize)
            let error = abs(logP / log(2) - log2(p))
            #expect(reliable, "x \(x) is within the ruler's reach")
            #expect(error <= 3.5 * sd, "P(ES >= \(x)): ruler \(exp(logP)) vs exact \(p) (log2 error \(error), sd \(sd))")
        }
    }

    @Test func beyondItsReachTheRulerSaysItIsUnreliable() throws {
        let xs = Self.thresholds()
        let ruler = MultilevelRuler(weights: Self.weights, setSize: 4, target: xs[0], sampleSize: 101, maxLevels: Int.max, random: RandomSource(seed: 6))
        #expect(ruler.logProbability(atLeast: xs[0]).reliable)
        #expect(!ruler.logProbability(atLeast: Self.exact.last! + 0.01).reliable)
        // A ruler stopped after one level cannot reach far either.
        let short = MultilevelRuler(weights: Self.weights, setSize: 4, target: xs.last!, sampleSize: 101, maxLevels: 1, random: RandomSource(seed: 6))
        #expect(!short.logProbability(atLeast: xs.last!).reliable)
    }

    @Test func theExpectedErrorIsFgseasFormula() {
        // R: sqrt(floor(-log2(1e-10) + 1) * (trigamma(51) - trigamma(102))) / log(2); 1e-14 relative for libRmath's trigamma.
        #expect(agrees(PrerankedGSEA.multilevelError(1e-10, sampleSize: 101), 0.83908893562127385, relative: 1e-14))
    }
}

