import Testing
@testable import RGMap

/// The BLAS wrappers on row-major buffers, on small integer matrices whose products are exact
/// in double, so every comparison is exact.
@Suite struct BLASTests {
    // A (2 x 3), B (3 x 2) and Bt (2 x 3) = B transposed.
    let a: [Double] = [1, 2, 3, 4, 5, 6]
    let b: [Double] = [7, 8, 9, 10, 11, 12]
    let bt: [Double] = [7, 9, 11, 8, 10, 12]

    @Test func gemmMultipliesRowMajorMatricesWithAlphaAndBeta() {
        // A B = [[58, 64], [139, 154]].
        var c: [Double] = [1, 1, 1, 1]
        BLAS.gemm(m: 2, n: 2, k: 3, a: a, lda: 3, b: b, ldb: 2, c: &c, ldc: 2)
        #expect(c == [58, 64, 139, 154])
        BLAS.gemm(m: 2, n: 2, k: 3, alpha: -1, a: a, lda: 3, b: b, ldb: 2, beta: 2, c: &c, ldc: 2)
        #expect(c == [58, 64, 139, 154])  // 2 C - A B
    }

    @Test func gemmTransposedBMultipliesByTheTransposeAndHonoursLeadingDimensions() {
        var c = [Double](repeating: -1, count: 2 * 3)  // ldc 3: the third column stays untouched
        BLAS.gemmTransposedB(m: 2, n: 2, k: 3, a: a, lda: 3, b: bt, ldb: 3, c: &c, ldc: 3)
        #expect(c == [58, 64, -1, 139, 154, -1])
        // Only the first two columns of A (lda 3, k 2) against Bt's first two: 1*7 + 2*9 = 25, 1*8 + 2*10 = 28,
        // 4*7 + 5*9 = 73, 4*8 + 5*10 = 82.
        var d = [Double](repeating: 0, count: 4)
        BLAS.gemmTransposedB(m: 2, n: 2, k: 2, a: a, lda: 3, b: bt, ldb: 3, c: &d, ldc: 2)
        #expect(d == [25, 28, 73, 82])
    }

    @Test func anEmptyInnerDimensionScalesOrClearsC() {
        var c: [Double] = [3, 4, 5, 6]
        BLAS.gemmTransposedB(m: 2, n: 2, k: 0, a: a, lda: 1, b: b, ldb: 1, beta: 0.5, c: &c, ldc: 2)
        #expect(c == [1.5, 2, 2.5, 3])
        BLAS.gemmTransposedB(m: 2, n: 2, k: 0, a: a, lda: 1, b: b, ldb: 1, c: &c, ldc: 2)
        #expect(c == [0, 0, 0, 0])
        var untouched: [Double] = [9]
        BLAS.gemmTransposedB(m: 0, n: 1, k: 3, a: a, lda: 3, b: b, ldb: 3, c: &untouched, ldc: 1)
        #expect(untouched == [9])
    }
}
