import Testing
@testable import RGMap

/// The multilevel ruler's population moves keep their invariants.
@Suite struct RulerPopulationTests {
    static func weights(_ n: Int, random: inout RandomSource, zeros: Int = 0) -> [Double] {
        (0..<n).map { i in i >= n - zeros ? 0 : random.uniform(0, 3) }.sorted(by: >)
    }

    /// Decreasing weights of a list of `n` genes and a population of `size` uniform m-gene sets over it.
    static func drawn(_ n: Int, size: Int, setSize m: Int, random: inout RandomSource) -> ([Double], RulerPopulation) {
        let weights = Self.weights(n, random: &random)
        var population = RulerPopulation(size: size, setSize: m, listSize: n)
        population.drawUniform(random: &random)
        return (weights, population)
    }

    @Test(arguments: [1, 9, 40, 130])
    func movesKeepEverySetAscendingAndAboveTheBound(setSize m: Int) {
        var random = RandomSource(seed: 5 + UInt64(m))
        let n = 500, size = 21
        let (weights, drawnPopulation) = Self.drawn(n, size: size, setSize: m, random: &random)
        var population = drawnPopulation
        weights.withUnsafeBufferPointer { w in
            let chunks = ChunkedPopulation(size: size, setSize: m, weights: w.baseAddress!, listSize: n)
            for level in 0..<3 {
                let (scored, order) = population.score(weights: w.baseAddress!)
                let median = scored.scores[(size - 1) / 2]
                population.keepUpperHalf(order)
                population.move(above: median, weights: w.baseAddress!, chunks: chunks, stream: RandomSource(seed: UInt64(level)))
                for s in 0..<size {
                    let set = Array(population.ranks[(s * m)..<((s + 1) * m)])
                    #expect(zip(set, set.dropFirst()).allSatisfy { $0 < $1 } && set.allSatisfy { $0 >= 0 && $0 < Int32(n) })
                    let top = set.withUnsafeBufferPointer { EnrichmentWalk.extremes($0.baseAddress!, count: m, weights: w.baseAddress!, listSize: n).top }
                    // The moves check the bound on sums kept by differences: equal to rounding.
                    #expect(top >= median - 1e-12, "level \(level), set \(s): \(top) < \(median)")
                }
            }
        }
    }

    @Test func uniformDrawsAreSortedDistinctAndCoverEveryRankEqually() {
        var random = RandomSource(seed: 3)
        let (n, m, size) = (50, 7, 2000)
        var population = RulerPopulation(size: size, setSize: m, listSize: n)
        population.drawUniform(random: &random)
        var seen = [Double](repeating: 0, count: n)
        for s in 0..<size {
            let set = population.ranks[(s * m)..<((s + 1) * m)]
            #expect(zip(set, set.dropFirst()).allSatisfy { $0 < $1 } && set.allSatisfy { $0 >= 0 && $0 < Int32(n) })
            for rank in set { seen[Int(rank)] += 1 }
        }
        // Each rank is in a set with probability m / n: chi-square with 49 df, six sd above its mean.
        let expected = Double(size * m) / Double(n)
        let chi2 = seen.reduce(0) { $0 + ($1 - expected) * ($1 - expected) / expected }
        #expect(chi2 < 49 + 6 * 98.0.squareRoot(), "chi2 \(chi2)")
    }

    @Test func scoringSortsTheSetsByTheirPositiveExtreme() {
        var random = RandomSource(seed: 4)
        let n = 60, m = 5, size = 15
        let weights = Self.weights(n, random: &random)
        var population = RulerPopulation(size: size, setSize: m, listSize: n)
        population.drawUniform(random: &random)
        let (level, order) = weights.withUnsafeBufferPointer { population.score(weights: $0.baseAddress!) }
        #expect(Set(order) == Set(0..<size) && zip(level.scores, level.scores.dropFirst()).allSatisfy { $0 <= $1 })
        for (position, s) in order.enumerated() {
            // The textbook walk of set s: its maximum, and whether it dominates the minimum.
            let walk = EnrichmentWalkTests.directWalk(Set(population.ranks[(s * m)..<((s + 1) * m)].map(Int.init)), weights: weights)
            // 1e-12: the two walks add their steps in different orders.
            #expect(abs(level.scores[position] - walk.max) < 1e-12 && level.dominant[position] == (walk.max > -walk.min))
        }
    }

    @Test func theUpperHalfSurvivesTheMedianOnceTheOthersTwice() {
        // Five one-gene sets, ranks 40, 10, 30, 0, 20: scored in the order given, the median is position 2.
        var population = RulerPopulation(size: 5, setSize: 1, listSize: 50)
        population.ranks = [40, 10, 30, 0, 20]
        population.keepUpperHalf([0, 3, 2, 4, 1])
        // Positions 4 and 3 (sets 1 and 4) twice, the median (set 2) once.
        #expect(population.ranks == [10, 10, 20, 20, 30])
    }
}
