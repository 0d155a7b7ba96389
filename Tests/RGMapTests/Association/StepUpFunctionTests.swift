import Foundation
import Testing
@testable import RGMap

/// The step function Q(p) of a BH/BY step-up against R's definition written out here,
/// `pmin(1, cummin(factor * n / i * p[o]))` over the decreasing order o: for every p it was
/// built from, and for any value between them (the q of the next p above).
@Suite struct StepUpFunctionTests {
    /// The buckets of ``BucketStepUp``: the leading 20 bits of a p.
    static let shift: UInt64 = 44

    /// R's q of each p of `sorted` (ascending, no NaN).
    static func reference(_ sorted: [Double], factor: Double) -> [Double] {
        let n = Double(sorted.count)
        var q = [Double](repeating: 0, count: sorted.count)
        var running = Double.infinity
        for i in stride(from: sorted.count - 1, through: 0, by: -1) {
            let rank = Double(i + 1)
            running = min(running, factor == 1 ? n / rank * sorted[i] : factor * n / rank * sorted[i])
            q[i] = min(1, running)
        }
        return q
    }

    static func lookups(_ sorted: [Double], factor: Double, keys: [Double]) -> [Double] {
        let steps = sorted.withUnsafeBufferPointer { StepUpFunction(sorted: $0, factor: factor, bucketShift: shift) }
        return steps.withLookup { lookup in keys.map { lookup.q(forKey: $0.bitPattern) } }
    }

    /// Every p, its neighbouring doubles and the midpoints between consecutive p, looked up and
    /// compared with R's q of the first p at or above the key.
    static func checkEveryKey(_ sorted: [Double], factor: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = reference(sorted, factor: factor)
        var keys: [Double] = [0]
        for (i, p) in sorted.enumerated() {
            keys += [p, p.nextDown, i > 0 ? (sorted[i - 1] + p) / 2 : p / 2]
        }
        keys = keys.filter { $0 >= 0 && $0 <= sorted.last! }
        let found = lookups(sorted, factor: factor, keys: keys)
        var mismatches = 0
        for (key, q) in zip(keys, found) {
            var first = 0, end = sorted.count  // the first p >= key, by bisection
            while first < end {
                let middle = (first + end) / 2
                if sorted[middle] < key { first = middle + 1 } else { end = middle }
            }
            if q != expected[first] {
                mismatches += 1
                if mismatches <= 5 { Issue.record("key \(key): q \(q), R \(expected[first])", sourceLocation: sourceLocation) }
            }
        }
        #expect(mismatches == 0, "\(mismatches) of \(keys.count) keys", sourceLocation: sourceLocation)
    }

    @Test func handComputedRunsAndTheValuesBetweenThem() {
        // From the largest p down: 5/5 * 0.5; 5/4 * 0.03; 5/3 * 0.02 (5/2 * 0.02 is larger, 5/1 * 0.01 too).
        let sorted = [0.01, 0.02, 0.02, 0.03, 0.5]
        let low = 5.0 / 3 * 0.02, middle = 5.0 / 4 * 0.03
        let q = Self.lookups(sorted, factor: 1, keys: [0, 0.01, 0.015, 0.02, 0.025, 0.03, 0.2, 0.5])
        #expect(q == [low, low, low, low, middle, middle, 0.5, 0.5])
    }

    @Test func capsAtOneWithTheBYFactor() {
        let sorted = [0.001, 0.4, 0.45, 0.9]
        let factor = FalseDiscoveryRate.harmonicNumber(4)  // 25/12
        // 25/12 times 4/4 * 0.9, 4/3 * 0.45 and 4/2 * 0.4 is above 1 (q = 1); 25/12 * 4/1 * 0.001 = 0.00833...
        let q = Self.lookups(sorted, factor: factor, keys: sorted)
        #expect(q == [factor * 4 / 1 * 0.001, 1, 1, 1])
        Self.checkEveryKey(sorted, factor: factor)
    }

    @Test func manyRunsInOneBucketGoThroughTheFinerTable() {
        // 20000 small p, then 30 p inside the bucket [0.5, 0.5 + 1/512) rising faster than their
        // rank: each of the 30 is a run of its own, more than the four a bucket keeps without a table.
        let small = (1...20_000).map { Double($0) * 1e-9 }
        let crowded = (0..<30).map { 0.5 * (1 + 1e-4 * Double($0)) }
        let sorted = small + crowded
        #expect(Set(crowded.map { $0.bitPattern >> Self.shift }).count == 1)
        #expect(Set(Self.reference(sorted, factor: 1).suffix(30)).count == 30)
        Self.checkEveryKey(sorted, factor: 1)
    }

    @Test func randomPValuesWithTiesAndZeros() {
        var rng = RandomSource(seed: 21)
        let values = (0..<50_000).map { k -> Double in
            switch k % 5 {
            case 0: return 0
            case 1: return Double(rng.index(100)) / 100   // ties
            case 2: return pow(10, -rng.uniform(1, 300))
            default: return rng.uniform()
            }
        }
        Self.checkEveryKey(values.sorted(), factor: 1)
        Self.checkEveryKey(values.sorted(), factor: FalseDiscoveryRate.harmonicNumber(values.count))
    }
}
