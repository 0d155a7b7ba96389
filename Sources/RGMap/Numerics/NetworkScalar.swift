import CBLAS

/// The floating-point types a co-expression network can be stored in (``ModuleDetectionOptions/precision``):
/// Double, or Float for half the memory and about twice the product speed.
protocol NetworkScalar: BinaryFloatingPoint, Sendable {
    /// C (m x n) = A (m x k) * B^T (B is n x k), row-major.
    static func gemmTransposedB(m: Int, n: Int, k: Int, a: UnsafePointer<Self>, lda: Int,
                                b: UnsafePointer<Self>, ldb: Int, c: UnsafeMutablePointer<Self>, ldc: Int)
}

extension Double: NetworkScalar {
    static func gemmTransposedB(m: Int, n: Int, k: Int, a: UnsafePointer<Double>, lda: Int,
                                b: UnsafePointer<Double>, ldb: Int, c: UnsafeMutablePointer<Double>, ldc: Int) {
        BLAS.gemmTransposedB(m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc)
    }
}

extension Float: NetworkScalar {
    static func gemmTransposedB(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int,
                                b: UnsafePointer<Float>, ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int) {
        guard m > 0, n > 0, k > 0 else { return }
        TiledProducts.forEachStrip(m: m, n: n) { rows, columns in
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows.count), Int32(columns.count), Int32(k),
                        1, a + rows.lowerBound * lda, Int32(lda), b + columns.lowerBound * ldb, Int32(ldb), 0,
                        c + rows.lowerBound * ldc + columns.lowerBound, Int32(ldc))
        }
    }
}
