import Testing
@testable import RGMap

/// The chunked, bitmap-backed walk of the multilevel population against a plain walk.
@Suite struct ChunkedPopulationTests {
    /// The reference walk: every hit in turn until the running sum reaches `bound` (as the
    /// chunked walk must find it); `total` 0 weighs the hits equally.
    static func plainFirstReaching(_ ranks: UnsafePointer<Int32>, count m: Int, weights: UnsafePointer<Double>, listSize n: Int,
                                   total: Double, bound: Double) -> WalkPeak? {
        let missStep = 1 / Double(n - m)
        let equalWeights = total == 0, scale = 1 / (equalWeights ? Double(m) : total)
        var cumulative = 0.0
        for j in 0..<m {
            cumulative += equalWeights ? 1 : weights[Int(ranks[j])]
            let misses = Int(ranks[j]) - j
            if cumulative * scale - Double(misses) * missStep >= bound {
                return WalkPeak(rank: ranks[j], misses: misses, weight: cumulative)
            }
        }
        return nil
    }

    @Test(arguments: [1, 4, 17, 60, 150])
    func chunkedWalkFindsThePlainWalksHit(setSize m: Int) {
        var random = RandomSource(seed: 21 + UInt64(m))
        let n = 700, size = 15
        // The last genes weigh 0, so that some small sets weigh nothing (equal weights).
        let weights = RulerPopulationTests.weights(n, random: &random, zeros: 40)
        var population = RulerPopulation(size: size, setSize: m, listSize: n)
        population.drawUniform(random: &random)
        weights.withUnsafeBufferPointer { w in
            let chunks = ChunkedPopulation(size: size, setSize: m, weights: w.baseAddress!, listSize: n)
            population.ranks.withUnsafeMutableBufferPointer { ranks in
                chunks.load(ranks)
                for s in 0..<size {
                    let set = ranks.baseAddress! + s * m
                    let total = (0..<m).reduce(0.0) { $0 + w[Int(set[$1])] }
                    let top = EnrichmentWalk.extremes(set, count: m, weights: w.baseAddress!, listSize: n).top
                    for _ in 0..<20 {
                        let bound = top * random.uniform(-0.5, 1.2)
                        let plain = Self.plainFirstReaching(set, count: m, weights: w.baseAddress!, listSize: n, total: total, bound: bound)
                        let chunked = chunks.firstReaching(bound, set: s, total: total)
                        #expect(plain?.rank == chunked?.rank && plain?.misses == chunked?.misses, "set \(s), bound \(bound)")
                        // The chunked weight sums are added in another order: equal to rounding.
                        #expect(abs((plain?.weight ?? 0) - (chunked?.weight ?? 0)) < 1e-12 * Double(m))
                    }
                }
            }
        }
    }

    /// Loading and storing give the population back, and after moves that accept everything each
    /// set is still m distinct ranks, ascending: through the sorting path (small sets) and the bitmap path.
    @Test(arguments: [1, 2, 30])
    func storeGivesEachSetBackAscending(setSize m: Int) {
        var random = RandomSource(seed: 40 + UInt64(m))
        let n = 700, size = 9
        let (weights, drawnPopulation) = RulerPopulationTests.drawn(n, size: size, setSize: m, random: &random)
        var population = drawnPopulation
        let drawn = population.ranks
        weights.withUnsafeBufferPointer { w in
            let chunks = ChunkedPopulation(size: size, setSize: m, weights: w.baseAddress!, listSize: n)
            population.ranks.withUnsafeMutableBufferPointer { ranks in
                chunks.load(ranks)
                chunks.store(into: ranks)
            }
            #expect(population.ranks == drawn)
            population.ranks.withUnsafeMutableBufferPointer { ranks in
                chunks.load(ranks)  // the bitmaps were cleared by store
                for s in 0..<size { _ = chunks.propose(50, set: s, bound: -.infinity, random: &random) }
                chunks.store(into: ranks)
            }
        }
        #expect(population.ranks != drawn)
        for s in 0..<size {
            let set = population.ranks[(s * m)..<((s + 1) * m)]
            #expect(zip(set, set.dropFirst()).allSatisfy { $0 < $1 } && set.allSatisfy { $0 >= 0 && $0 < Int32(n) }, "set \(s)")
        }
    }
}
