import Testing
@testable import RGMap

/// The multilevel ruler's population moves keep their invariants.
@Suite struct RulerPopulationTests {
    static func weights(_ n: Int, random: inout RandomSource, zeros: Int = 0) -> [Double] {
        (0..<n).map { i in i >= n - zeros ? 0 : random.uniform(0, 3) }.sorted(by: >)
    }

    @Test(arguments: [1, 9, 40, 130])
    func movesKeepEverySetAscendingAndAboveTheBound(setSize m: Int) {
        var random = RandomSource(seed: 5 + UInt64(m))
        let n = 500, size = 21
        let weights = Self.weights(n, random: &random)
        var population = RulerPopulation(size: size, setSize: m, listSize: n)
        population.drawUniform(random: &random)
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
}
