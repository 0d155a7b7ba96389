/// Ordinary least squares with an intercept for small problems (R's `lm` summaries):
/// Householder QR of [1, predictors...], so nearly collinear predictors lose little.
struct LeastSquares {
    /// Intercept first, then one per predictor.
    var coefficients: [Double]
    var rSquared: Double
    var adjustedRSquared: Double

    static func fit(_ y: [Double], predictors: [[Double]]) -> LeastSquares {
        let n = y.count, p = predictors.count + 1
        // Column-major design matrix.
        var a = [Double](repeating: 1, count: n * p)
        for (j, column) in predictors.enumerated() { for i in 0..<n { a[(j + 1) * n + i] = column[i] } }
        var b = y
        var diagonal = [Double](repeating: 0, count: p)
        for j in 0..<p {
            var norm = 0.0
            for i in j..<n { norm += a[j * n + i] * a[j * n + i] }
            norm = norm.squareRoot()
            let alpha = a[j * n + j] > 0 ? -norm : norm
            diagonal[j] = alpha
            a[j * n + j] -= alpha  // v = x - alpha e1, stored in place
            var vv = 0.0
            for i in j..<n { vv += a[j * n + i] * a[j * n + i] }
            guard vv > 0 else { continue }
            for k in (j + 1)..<p {
                var dot = 0.0
                for i in j..<n { dot += a[j * n + i] * a[k * n + i] }
                let f = 2 * dot / vv
                for i in j..<n { a[k * n + i] -= f * a[j * n + i] }
            }
            var dot = 0.0
            for i in j..<n { dot += a[j * n + i] * b[i] }
            let f = 2 * dot / vv
            for i in j..<n { b[i] -= f * a[j * n + i] }
        }
        // Back substitution: R beta = Q^T y (R's diagonal in `diagonal`, above it in a).
        var beta = [Double](repeating: 0, count: p)
        for j in stride(from: p - 1, through: 0, by: -1) {
            var s = b[j]
            for k in (j + 1)..<p { s -= a[k * n + j] * beta[k] }
            beta[j] = s / diagonal[j]
        }
        let residualSS = (p..<n).reduce(0) { $0 + b[$1] * b[$1] }
        let mean = y.reduce(0, +) / Double(n)
        let totalSS = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let r2 = 1 - residualSS / totalSS
        return LeastSquares(coefficients: beta, rSquared: r2,
                            adjustedRSquared: 1 - (1 - r2) * Double(n - 1) / Double(n - p))
    }
}
