import CLAPACKE

/// Removes from variables what an intercept and covariates explain, over a subset of
/// samples: the residuals of least squares, as R's `lm(y ~ covariates)` leaves them.
///
/// The design [1, covariates] restricted to the subset is factored once with
/// column-pivoted Householder QR (LAPACK `dgeqp3`); columns whose pivot is below 1e-7
/// of the largest (R's `lm` tolerance) are collinear and left out. Residuals are then
/// two matrix products per batch of variables: Y - (Y Q) Q^T.
struct Residualizer {
    /// Orthonormal basis of the design's column space: `rank` rows of `sampleCount`
    /// values, zero outside the subset.
    private let basis: [Double]
    let rank: Int
    let sampleCount: Int

    /// Design columns (intercept included) that are linear combinations of others.
    let aliasedColumns: Int

    /// R's `lm` passes `tol = 1e-07` to its QR (`lm.fit`): a column whose pivot falls below
    /// that share of the largest is aliased.
    static let tolerance = 1e-7

    /// - Parameters:
    ///   - covariates: design columns x samples (no intercept), all values present.
    ///   - subset: samples to use (nil: all).
    /// - Throws: ``NumericalError`` when LAPACK cannot factor the design.
    init(covariates: LabeledMatrix, subset: [Bool]?) throws {
        let n = covariates.columnCount
        sampleCount = n
        let samples = subset.map { mask in (0..<n).filter { mask[$0] } } ?? Array(0..<n)
        let m = samples.count
        let columns = covariates.rowCount + 1
        // Column-major design for LAPACK: m rows (samples) x columns.
        var design = [Double](repeating: 1, count: m * columns)
        for c in 1..<columns {
            for (i, s) in samples.enumerated() { design[c * m + i] = covariates[c - 1, s] }
        }
        var pivots = [Int32](repeating: 0, count: columns)
        var tau = [Double](repeating: 0, count: min(m, columns))
        var rank = 0
        if m > 0 {
            let factored = LAPACKE_dgeqp3(LAPACK_COL_MAJOR, Int32(m), Int32(columns), &design, Int32(m), &pivots, &tau)
            try NumericalError.check(factored, "dgeqp3", "the QR factor of the covariate design (\(m) samples x \(columns) columns)")
            let largest = abs(design[0])
            for j in 0..<min(m, columns) where abs(design[j * m + j]) > Self.tolerance * largest { rank += 1 }
            if rank > 0 {
                let formed = LAPACKE_dorgqr(LAPACK_COL_MAJOR, Int32(m), Int32(rank), Int32(rank), &design, Int32(m), &tau)
                try NumericalError.check(formed, "dorgqr", "the basis of the covariate design (\(m) samples x \(rank) columns)")
            }
        }
        var basis = [Double](repeating: 0, count: rank * n)
        for r in 0..<rank {
            for (i, s) in samples.enumerated() { basis[r * n + s] = design[r * m + i] }
        }
        self.basis = basis
        self.rank = rank
        aliasedColumns = columns - rank
    }

    /// Replaces each of the `rows` variables (row-major, `sampleCount` values each, zero
    /// outside the subset) by its residuals.
    func residualize(_ values: UnsafeMutablePointer<Double>, rows: Int) {
        guard rank > 0, rows > 0 else { return }
        let n = sampleCount
        var coefficients = [Double](repeating: 0, count: rows * rank)
        basis.withUnsafeBufferPointer { q in
            coefficients.withUnsafeMutableBufferPointer { b in
                // B = Y Q^T (rows x rank); Y -= B Q.
                BLAS.gemmTransposedB(m: rows, n: rank, k: n, a: values, lda: n, b: q.baseAddress!, ldb: n,
                                     c: b.baseAddress!, ldc: rank)
                BLAS.gemm(m: rows, n: n, k: rank, alpha: -1, a: b.baseAddress!, lda: rank,
                          b: q.baseAddress!, ldb: n, beta: 1, c: values, ldc: n)
            }
        }
    }
}
