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

    @Test func insertSortedKeepsOrder() {
        var buffer = [Int32](repeating: 0, count: 6)
        buffer.withUnsafeMutableBufferPointer { b in
            for (count, value) in [Int32(5), 1, 9, 3, 7, 0].enumerated() { PermutationNull.insertSorted(value, into: b, count: count) }
        }
        #expect(buffer == [0, 1, 3, 5, 7, 9])
    }
}
