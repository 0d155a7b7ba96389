import Testing
@testable import RGMap

@Suite struct RandomSourceTests {
    @Test func isReproducibleAndSeedDependent() {
        var a = RandomSource(seed: 42), b = RandomSource(seed: 42), c = RandomSource(seed: 43)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
    }

    @Test func drawsUniformAndNormalValuesWithTheRightMoments() {
        var rng = RandomSource(seed: 7)
        let n = 200_000
        let uniforms = (0..<n).map { _ in rng.uniform() }
        #expect(uniforms.allSatisfy { $0 >= 0 && $0 < 1 })
        // Mean of n uniforms has SD 0.29 / sqrt(n) = 0.00065: 5 SD bound.
        #expect(abs(uniforms.reduce(0, +) / Double(n) - 0.5) < 0.0033)
        let normals = (0..<n).map { _ in rng.normal() }
        let mean = normals.reduce(0, +) / Double(n)
        let variance = normals.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n - 1)
        // SD of the mean 0.0022, of the variance 0.0032: 5 SD bounds.
        #expect(abs(mean) < 0.011)
        #expect(abs(variance - 1) < 0.016)
    }

    @Test func permutesEveryIndexOnce() {
        var rng = RandomSource(seed: 3)
        let order = rng.permutation(1000)
        #expect(order.sorted() == Array(0..<1000))
        #expect(order != Array(0..<1000))
    }
}
