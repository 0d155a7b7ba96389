import Testing
@testable import RGMap

/// ``BlockPacking`` against the rule it implements, written out the plain way (every pair
/// checked at every merge, as rgmap packed blocks before): the same blocks in the same
/// order, with bit-identical centres, on random inputs full of ties.
@Suite struct BlockPackingTests {
    typealias Cluster = BlockPartition.Cluster

    /// The rule, O(k^3): merge the best-correlated pair that fits (first in (i, j) order
    /// on a tie) until none fits.
    static func referencePack(_ clusters: [Cluster], samples: Int, maxBlockSize: Int) -> [Cluster] {
        var clusters: [Cluster?] = clusters
        let k = clusters.count
        func correlation(_ a: Cluster, _ b: Cluster) -> Double { (0..<samples).reduce(0) { $0 + a.centre[$1] * b.centre[$1] } }
        var similarity = [Double](repeating: 0, count: k * k)
        for i in 0..<k { for j in (i + 1)..<max(k, i + 1) { similarity[i * k + j] = correlation(clusters[i]!, clusters[j]!) } }
        while true {
            var best: (Int, Int)?, bestValue = -Double.infinity
            for i in 0..<k {
                guard let a = clusters[i] else { continue }
                for j in (i + 1)..<max(k, i + 1) {
                    guard let b = clusters[j], a.members.count + b.members.count <= maxBlockSize else { continue }
                    if similarity[i * k + j] > bestValue { bestValue = similarity[i * k + j]; best = (i, j) }
                }
            }
            guard let (i, j) = best, let a = clusters[i], let b = clusters[j] else { return clusters.compactMap { $0 } }
            let merged = a.merged(with: b)
            clusters[i] = merged
            clusters[j] = nil
            for other in 0..<k where other != i {
                guard let c = clusters[other] else { continue }
                similarity[min(i, other) * k + max(i, other)] = correlation(merged, c)
            }
        }
    }

    /// Random clusters: sizes up to the block size, centres of continuous values, or of
    /// -1/0/1 (many equal correlations), some zero and, in `kind` 3, some NaN.
    static func randomClusters(_ rng: inout RandomSource, count: Int, samples: Int, maxBlockSize: Int, kind: Int) -> [Cluster] {
        var next = 0
        return (0..<count).map { _ in
            let size = 1 + rng.index(rng.bernoulli(0.2) ? maxBlockSize : max(1, maxBlockSize / 4))
            let members = Array(next..<(next + size))
            next += size
            var centre = (0..<samples).map { _ in kind == 0 ? rng.normal() : Double(rng.index(3) - 1) }
            if rng.bernoulli(0.05) { centre = [Double](repeating: 0, count: samples) }
            if kind == 3 && rng.bernoulli(0.05) { centre[0] = .nan }
            let norm = centre.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 0 { centre = centre.map { $0 / norm } }
            return Cluster(members: members, centre: centre)
        }
    }

    @Test func packsExactlyAsTheRuleOnRandomInputs() {
        var rng = RandomSource(seed: 20240611)
        var merges = 0
        for round in 0..<400 {
            let count = rng.index(61), samples = 1 + rng.index(6), maxBlockSize = 2 + rng.index(80)
            let clusters = Self.randomClusters(&rng, count: count, samples: samples, maxBlockSize: maxBlockSize, kind: round % 4)
            let expected = Self.referencePack(clusters, samples: samples, maxBlockSize: maxBlockSize)
            let packed = BlockPacking.pack(clusters, samples: samples, maxBlockSize: maxBlockSize)
            merges += count - expected.count
            #expect(packed.map(\.members) == expected.map(\.members), "round \(round)")
            // Bit patterns, so that NaN centres compare too.
            #expect(packed.map { $0.centre.map(\.bitPattern) } == expected.map { $0.centre.map(\.bitPattern) }, "round \(round)")
        }
        #expect(merges > 4000)  // the inputs do exercise merging, not only clusters that never fit
    }

    @Test func leavesTooFewOrTooLargeClustersAlone() {
        #expect(BlockPacking.pack([], samples: 3, maxBlockSize: 10).isEmpty)
        let one = [Cluster(members: [0, 1], centre: [1, 0])]
        #expect(BlockPacking.pack(one, samples: 2, maxBlockSize: 10).map(\.members) == [[0, 1]])
        let large = [Cluster(members: [0, 1, 2], centre: [1, 0]), Cluster(members: [3, 4], centre: [1, 0])]
        #expect(BlockPacking.pack(large, samples: 2, maxBlockSize: 4).map(\.members) == [[0, 1, 2], [3, 4]])
    }
}
