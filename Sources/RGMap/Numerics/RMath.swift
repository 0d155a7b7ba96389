import CRmath
import Foundation

/// R's own distribution functions (Debian's standalone libRmath), so p-values are
/// computed exactly as R computes them.
public enum RMath {
    /// P(T <= t) for Student's t with `df` degrees of freedom (R's `pt`).
    @inline(__always)
    public static func studentCDF(_ t: Double, df: Double, lowerTail: Bool = true) -> Double {
        pt(t, df, lowerTail ? 1 : 0, 0)
    }

    /// P(Z <= z) for the standard normal (R's `pnorm`).
    @inline(__always)
    public static func normalCDF(_ z: Double, lowerTail: Bool = true) -> Double {
        pnorm5(z, 0, 1, lowerTail ? 1 : 0, 0)  // Rmath.h names pnorm as a macro for pnorm5
    }

    /// P(W <= w) for the Wilcoxon rank-sum statistic with sample sizes m and n (R's `pwilcox`).
    /// libRmath caches the distribution in static memory, so calls are serialized.
    public static func wilcoxonCDF(_ w: Double, m: Double, n: Double, lowerTail: Bool = true) -> Double {
        wilcoxonLock.lock()
        defer { wilcoxonLock.unlock() }
        return pwilcox(w, m, n, lowerTail ? 1 : 0, 0)
    }

    /// P(X >= k) for X hypergeometric: k white balls among n drawn from an urn of K white and
    /// N - K black ones (R's `phyper(k - 1, K, N - K, n, lower.tail = FALSE)`).
    @inline(__always)
    public static func hypergeometricUpperTail(atLeast k: Int, white K: Int, total N: Int, drawn n: Int) -> Double {
        phyper(Double(k - 1), Double(K), Double(N - K), Double(n), 0, 0)
    }

    /// The p-quantile of the beta distribution (R's `qbeta`).
    public static func betaQuantile(_ p: Double, _ a: Double, _ b: Double) -> Double {
        qbeta(p, a, b, 1, 0)
    }

    /// The digamma function psi(x) (R's `digamma`).
    public static func digamma(_ x: Double) -> Double { CRmath.digamma(x) }

    /// The trigamma function psi'(x) (R's `trigamma`).
    public static func trigamma(_ x: Double) -> Double { CRmath.trigamma(x) }

    private static let wilcoxonLock = NSLock()
}
