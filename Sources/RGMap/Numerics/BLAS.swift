import CBLAS

/// The BLAS products rgmap needs, on row-major buffers, computed in fixed strips so that
/// results do not depend on the thread count (see ``TiledProducts``).
enum BLAS {
    /// C (m x n) = alpha * A (m x k) * B^T (where B is n x k) + beta * C, all row-major:
    /// the product of two variables-x-samples matrices over their common samples.
    static func gemmTransposedB(m: Int, n: Int, k: Int, alpha: Double = 1,
                                a: UnsafePointer<Double>, lda: Int,
                                b: UnsafePointer<Double>, ldb: Int,
                                beta: Double = 0, c: UnsafeMutablePointer<Double>, ldc: Int) {
        guard m > 0, n > 0 else { return }
        if k == 0 {
            for i in 0..<m { for j in 0..<n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] } }
            return
        }
        TiledProducts.forEachStrip(m: m, n: n) { rows, columns in
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows.count), Int32(columns.count), Int32(k),
                        alpha, a + rows.lowerBound * lda, Int32(lda), b + columns.lowerBound * ldb, Int32(ldb), beta,
                        c + rows.lowerBound * ldc + columns.lowerBound, Int32(ldc))
        }
    }

    /// C (m x n) = alpha * A (m x k) * B (k x n) + beta * C, row-major.
    static func gemm(m: Int, n: Int, k: Int, alpha: Double = 1, a: UnsafePointer<Double>, lda: Int,
                     b: UnsafePointer<Double>, ldb: Int, beta: Double = 0,
                     c: UnsafeMutablePointer<Double>, ldc: Int) {
        guard m > 0, n > 0, k > 0 else { return }
        TiledProducts.forEachStrip(m: m, n: n) { rows, columns in
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows.count), Int32(columns.count), Int32(k),
                        alpha, a + rows.lowerBound * lda, Int32(lda), b + columns.lowerBound, Int32(ldb), beta,
                        c + rows.lowerBound * ldc + columns.lowerBound, Int32(ldc))
        }
    }
}
