import Testing
@testable import RGMap

/// The running sum's extremes against a direct walk over every gene.
@Suite struct EnrichmentWalkTests {
    /// Every position's running sum, as the textbook defines it.
    static func directWalk(_ hits: Set<Int>, weights: [Double]) -> (max: Double, min: Double) {
        let total = hits.reduce(0.0) { $0 + weights[$1] }
        var sum = 0.0, high = -Double.infinity, low = Double.infinity
        for i in weights.indices {
            sum += hits.contains(i) ? weights[i] / total : -1 / Double(weights.count - hits.count)
            high = max(high, sum); low = min(low, sum)
        }
        return (high, min(low, 0))
    }

    @Test func extremesEqualTheDirectWalk() {
        var random = RandomSource(seed: 4)
        for _ in 0..<200 {
            let n = 30 + random.index(200), m = 1 + random.index(20)
            let weights = (0..<n).map { _ in random.uniform(0, 3) }.sorted(by: >)
            let hits = Array(random.permutation(n).prefix(m)).sorted().map { Int32($0) }
            let walk = hits.withUnsafeBufferPointer { h in weights.withUnsafeBufferPointer {
                EnrichmentWalk.extremes(h.baseAddress!, count: m, weights: $0.baseAddress!, listSize: n) } }
            let direct = Self.directWalk(Set(hits.map(Int.init)), weights: weights)
            #expect(abs(walk.top - direct.max) < 1e-12 && abs(walk.bottom - direct.min) < 1e-12)
            let total = hits.reduce(0) { $0 + weights[Int($1)] }
            let peak = hits.withUnsafeBufferPointer { h in weights.withUnsafeBufferPointer {
                ChunkedPopulationTests.plainFirstReaching(h.baseAddress!, count: m, weights: $0.baseAddress!, listSize: n, total: total, bound: walk.top) } }
            #expect(peak?.rank == hits[walk.topHit])
            let above = hits.withUnsafeBufferPointer { h in weights.withUnsafeBufferPointer {
                ChunkedPopulationTests.plainFirstReaching(h.baseAddress!, count: m, weights: $0.baseAddress!, listSize: n, total: total, bound: walk.top + 1e-9) } }
            #expect(above == nil)
        }
    }

    @Test func zeroWeightsCountEquallyAndBalancedExtremesScoreZero() {
        // Hits at ranks 0 and 3 of 4, all weights 0: the sum goes 1/2, 0, -1/2... (top 0.5, bottom -0.5).
        let walk = [Int32(0), 3].withUnsafeBufferPointer { h in [0.0, 0, 0, 0].withUnsafeBufferPointer {
            EnrichmentWalk.extremes(h.baseAddress!, count: 2, weights: $0.baseAddress!, listSize: 4) } }
        #expect(walk.top == 0.5 && walk.bottom == -0.5 && walk.score == 0)
    }

    /// The null's two-hits-a-step score against the walk's extremes (odd and even sizes, zero weights).
    @Test func pairedScoreEqualsTheExtremesScore() {
        var random = RandomSource(seed: 31)
        for trial in 0..<300 {
            let n = 20 + random.index(150), m = 1 + random.index(min(n - 1, 40))
            let weights = (0..<n).map { i in trial % 5 == 0 ? 0 : random.uniform(-2, 3) }.map(abs).sorted(by: >)
            let hits = Array(random.permutation(n).prefix(m)).sorted().map { Int32($0) }
            let (extremes, score) = hits.withUnsafeBufferPointer { h in
                weights.withUnsafeBufferPointer { w in
                    let total = hits.reduce(0.0) { $0 + w[Int($1)] }
                    return (EnrichmentWalk.extremes(h.baseAddress!, count: m, weights: w.baseAddress!, listSize: n),
                            EnrichmentWalk.score(h.baseAddress!, count: m, weights: w.baseAddress!, listSize: n, total: total))
                }
            }
            // The pair's sum is rounded once: the last bits may differ (scores are at most 1).
            #expect(abs(score - extremes.score) < 1e-14, "n \(n), m \(m): \(score) vs \(extremes.score)")
        }
    }

    @Test func aPeakMovesByTheSwappedWeights() {
        let weights: [Double] = [5, 4, 3, 2, 1]
        // Hits at ranks 0, 2 and 3 (weights 5, 3, 2): at rank 3, 10 of weight after 1 miss.
        let peak = WalkPeak(rank: 3, misses: 1, weight: 10)
        weights.withUnsafeBufferPointer { w in
            // Rank 0 leaves, rank 4 (below the peak) enters: one more miss before it, 5 less weight.
            let down = peak.afterSwap(removed: 0, incoming: 4, weights: w.baseAddress!)
            #expect(down?.rank == 3 && down?.misses == 2 && down?.weight == 5)
            // Rank 2 leaves, rank 1 enters: as many misses, 4 - 3 more weight.
            let up = peak.afterSwap(removed: 2, incoming: 1, weights: w.baseAddress!)
            #expect(up?.misses == 1 && up?.weight == 11)
            #expect(peak.afterSwap(removed: 3, incoming: 1, weights: w.baseAddress!) == nil, "the peak itself left")
        }
    }
}
