import Testing
@testable import RGMap

/// Products cut into strips: the strips cover the result once, the product is right, and
/// its bits do not depend on the thread count.
@Suite(.serialized) struct TiledProductsTests {
    @Test(arguments: [1, 63, 64, 65, 500, 1118, 8191, 15000])
    func stripsCoverEveryRowOnceInEqualWidths(_ length: Int) {
        let (count, width) = TiledProducts.strips(length)
        #expect(count >= 1 && (count - 1) * width < length && count * width >= length)
        #expect(width <= max(64, TiledProducts.widestStrip) || count == 1)
        if length >= 64 * TiledProducts.fewestStrips { #expect(count >= TiledProducts.fewestStrips) }
    }

    @Test(arguments: [(70, 1300, 37), (1300, 70, 37), (5, 3, 2)])
    func stripedProductMatchesTheDefinitionForAnyThreadCount(_ shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        var rng = RandomSource(seed: 11)
        let a = (0..<(m * k)).map { _ in rng.uniform() - 0.5 }
        let b = (0..<(n * k)).map { _ in rng.uniform() - 0.5 }
        var results: [[Double]] = []
        for threads in [1, 2] {
            Parallel.threads = threads
            var c = [Double](repeating: 0, count: m * n)
            BLAS.gemmTransposedB(m: m, n: n, k: k, a: a, lda: k, b: b, ldb: k, c: &c, ldc: n)
            results.append(c)
        }
        Parallel.threads = ProcessInfoCores.count
        #expect(results[0].map(\.bitPattern) == results[1].map(\.bitPattern))
        for (i, j) in [(0, 0), (m - 1, n - 1), (m / 2, n / 3)] {
            let exact = (0..<k).reduce(0.0) { $0 + a[i * k + $1] * b[j * k + $1] }
            #expect(abs(results[0][i * n + j] - exact) <= 1e-12)
        }
    }
}
