import Testing
@testable import RGMap

/// The network's products in either precision: the product's definition, and the same bits for
/// any thread count.
@Suite(.serialized) struct NetworkScalarTests {
    static func product<T: NetworkScalar>(_ a: [T], _ b: [T], m: Int, n: Int, k: Int) -> [T] {
        var c = [T](repeating: .nan, count: m * n)
        T.gemmTransposedB(m: m, n: n, k: k, a: a, lda: k, b: b, ldb: k, c: &c, ldc: n)
        return c
    }

    @Test func floatProductsAreExactOnSmallIntegers() {
        // Integers below 2^24 multiply and add exactly in float32.
        let a: [Float] = [1, 2, 3, 4, 5, 6], bt: [Float] = [7, 9, 11, 8, 10, 12]
        #expect(Self.product(a, bt, m: 2, n: 2, k: 3) == [58, 64, 139, 154])
        #expect(Self.product([Double(1), 2, 3, 4, 5, 6], [7, 9, 11, 8, 10, 12], m: 2, n: 2, k: 3) == [58, 64, 139, 154])
    }

    @Test(arguments: [(300, 90, 17), (40, 700, 9)])
    func floatStripsCoverTheProductWithTheSameBitsForAnyThreadCount(_ shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        var rng = RandomSource(seed: 3)
        let a = (0..<(m * k)).map { _ in Float(rng.uniform() - 0.5) }, b = (0..<(n * k)).map { _ in Float(rng.uniform() - 0.5) }
        var results: [[Float]] = []
        for threads in [1, 3] {
            Parallel.threads = threads
            results.append(Self.product(a, b, m: m, n: n, k: k))
        }
        Parallel.threads = ProcessInfoCores.count
        #expect(results[0].map(\.bitPattern) == results[1].map(\.bitPattern))
        for (i, j) in [(0, 0), (m - 1, n - 1), (m / 2, n / 3), (m - 1, 0)] {
            let exact = (0..<k).reduce(0.0) { $0 + Double(a[i * k + $1]) * Double(b[j * k + $1]) }
            // float32 products summed over k <= 17 terms of size <= 0.25: within 1e-5 of the double sum.
            #expect(abs(Double(results[0][i * n + j]) - exact) < 1e-5)
        }
    }
}
