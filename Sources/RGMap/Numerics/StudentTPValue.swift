#if canImport(Glibc)
import Glibc
#endif

/// Two-sided p-values of correlation coefficients under Student's t with `df` degrees
/// of freedom: p = P(|T| >= |t|), t = sqrt(df) r / sqrt(1 - r^2), as R's `cor.test`
/// and WGCNA's `corPvalueStudent`.
///
/// Two evaluation paths, both exact to better than 1e-10 relative:
/// - For integer df <= 2000 and p not small, the closed form of Abramowitz & Stegun
///   26.7.3-4 with sin(theta) = |r|, cos^2(theta) = 1 - r^2:
///   even df: A = |r| sum_{k<df/2} w_k c^(2k), w_0 = 1, w_k = w_{k-1} (2k-1)/(2k);
///   odd df: A = (2/pi) [theta + |r| c sum_{k<(df-1)/2} v_k c^(2k)], v_k = v_{k-1} (2k)/(2k+1);
///   p = 1 - A. Every term is positive, so the rounding error of A is below (2m + 2) u
///   (m terms, u = 2^-53): relative to p this is below 1e-11 whenever
///   p >= (2m + 10) * 1.2e-5, the condition for using this path.
/// - Otherwise R's own `pt` (libRmath), identical to R.
///
/// Small |r| (most pairs of a map) take a shorter road, for df >= 30: with a = (df - 2)/2 and
/// x = r^2, the null density of r integrates term by term to
/// 1 - p = 2K s sum_j (-1)^j C(a, j) x^j / (2j + 1), 2K = the slope of 1 - p at r = 0
/// (the closed form's sum at c = 1). Used while a x <= 2, with 26 terms: the truncation is
/// below 2^26/26! < 1e-18 of the sum, the sum's condition number below e^(2ax) <= e^4 and
/// p >= 0.03 there (0.033 at df 30, 0.045 for large df), so p stays within 1e-11 relative.
public struct StudentTPValue: Sendable {
    /// Largest df handled by the closed form: it has df/2 terms, so beyond 2000 df (more
    /// samples than most cohorts) its cost and its rounding bound grow past R's `pt`'s.
    public static let closedFormLimit = 2000
    /// Smallest df given the small-|r| series: below it the closed form is as short (at
    /// most 14 terms against the series' 26), and at the series' limit a x = 2 p drops
    /// below 0.03 (0.010 at df 10), which the error bound above assumes.
    static let seriesMinimumDF = 30
    /// Terms of the small-|r| series: the fewest whose truncation bound 2^n/n! is below
    /// 1e-18 of the sum (see above).
    static let seriesTerms = 26

    /// Per df: the Horner coefficients (highest power first) of the finite series.
    private let coefficients: [[Double]]
    /// Per df: the small-|r| series' Horner coefficients in x = r^2 (empty below df 30).
    private let smallR: [[Double]]
    /// Per df: the largest r^2 the small-|r| series is used for.
    private let smallRLimit: [Double]

    /// Prepares the series for every df up to `maxDF` (capped at ``closedFormLimit``).
    public init(maxDF: Int) {
        let top = min(max(maxDF, 0), Self.closedFormLimit)
        var tables: [[Double]] = [[]]
        for df in 1...max(top, 1) {
            var series: [Double] = []
            if df % 2 == 0 {
                var w = 1.0
                for k in 0..<(df / 2) {
                    if k > 0 { w *= Double(2 * k - 1) / Double(2 * k) }
                    series.append(w)
                }
            } else {
                var v = 1.0
                for k in 0..<((df - 1) / 2) {
                    if k > 0 { v *= Double(2 * k) / Double(2 * k + 1) }
                    series.append(v)
                }
            }
            tables.append(series.reversed())
        }
        coefficients = tables
        smallR = tables.indices.map { df in df >= Self.seriesMinimumDF ? Self.smallRSeries(df: df, closedForm: tables[df]) : [] }
        smallRLimit = tables.indices.map { df in 2 / (Double(df - 2) / 2) }  // a x <= 2, the bound above
    }

    /// Coefficients g_j = 2K (-1)^j C(a, j) / (2j + 1), highest power first. 2K is the closed
    /// form's slope at r = 0: its sum at c = 1 (even df), (2/pi)(1 + that sum) (odd df).
    private static func smallRSeries(df: Int, closedForm: [Double]) -> [Double] {
        let sum = closedForm.reduce(0, +)  // smallest terms first
        let slope = df % 2 == 0 ? sum : (1 + sum) * (2 / Double.pi)
        let a = Double(df - 2) / 2
        var binomial = 1.0
        var series: [Double] = []
        for j in 0..<seriesTerms {
            if j > 0 { binomial *= (a - Double(j - 1)) / Double(j) }
            series.append(slope * (j % 2 == 0 ? binomial : -binomial) / Double(2 * j + 1))
        }
        return series.reversed()
    }

    /// p by the small-|r| series when df and x = r^2 allow it, else nil.
    @inline(__always)
    private func smallRPValue(s: Double, df: Int) -> Double? {
        guard df < smallR.count, !smallR[df].isEmpty, s * s <= smallRLimit[df] else { return nil }
        var sum = 0.0
        let x = s * s
        smallR[df].withUnsafeBufferPointer { terms in
            for g in terms { sum = sum * x + g }
        }
        return 1 - s * sum
    }

    /// The two-sided p-value of `r` with `df` degrees of freedom; NaN when r is NaN or df < 1.
    @inline(__always)
    public func pValue(r: Double, df: Int) -> Double {
        guard !r.isNaN, df >= 1 else { return .nan }
        let s = abs(r)
        if s >= 1 { return 0 }
        if let p = smallRPValue(s: s, df: df) { return p }
        if df < coefficients.count {
            let p = closedForm(s: s, df: df)
            if p >= threshold(df) { return p }
        }
        return Self.viaR(r: r, df: df)
    }

    /// Smallest p the closed form is used for: its rounding bound, (2m + 2) units for m
    /// terms, stays below 1e-11 of p from there up ((2m + 2) u / 1e-11 = (2m + 2) 1.11e-5;
    /// 1.2e-5 and 2m + 10 leave a margin).
    @inline(__always)
    private func threshold(_ df: Int) -> Double { Double(2 * coefficients[df].count + 10) * 1.2e-5 }

    /// R's computation: t as `cor.test` forms it, then 2 * pt(-|t|, df).
    public static func viaR(r: Double, df: Int) -> Double {
        let nu = Double(df)
        let t = nu.squareRoot() * r / (1 - r * r).squareRoot()
        return 2 * RMath.studentCDF(-abs(t), df: nu)
    }

    /// p-values of `count` coefficients sharing one df, eight at a time (SIMD lanes hide the
    /// latency of the Horner chains): first the small-|r| series for every coefficient, then
    /// the closed form for those outside its range, small p-values recomputed through R's `pt`.
    public func pValues(r: UnsafePointer<Double>, df: Int, count: Int, into p: UnsafeMutablePointer<Double>) {
        guard df >= 1, df < coefficients.count else {
            for i in 0..<count { p[i] = pValue(r: r[i], df: df) }
            return
        }
        var pending = [Int](repeating: 0, count: count)
        var pendingCount = 0
        if smallR[df].isEmpty {
            for i in 0..<count { pending[i] = i }
            pendingCount = count
        } else {
            let limit = smallRLimit[df]
            var i = 0
            smallR[df].withUnsafeBufferPointer { terms in
                while i + 8 <= count {
                    var s = SIMD8<Double>()
                    for lane in 0..<8 { s[lane] = abs(r[i + lane]) }
                    let x = s * s
                    var sum = SIMD8<Double>(repeating: 0)
                    for g in terms { sum = sum * x + SIMD8(repeating: g) }
                    let value = 1 - s * sum
                    for lane in 0..<8 {
                        // NaN fails the comparison and goes on to the closed form's handling.
                        if x[lane] <= limit { p[i + lane] = value[lane] } else { pending[pendingCount] = i + lane; pendingCount += 1 }
                    }
                    i += 8
                }
            }
            while i < count {
                if let value = smallRPValue(s: abs(r[i]), df: df) { p[i] = value } else { pending[pendingCount] = i; pendingCount += 1 }
                i += 1
            }
        }
        closedForm(r: r, df: df, indices: pending[0..<pendingCount], into: p)
    }

    /// The closed form for the coefficients at `indices`, eight at a time.
    private func closedForm(r: UnsafePointer<Double>, df: Int, indices: ArraySlice<Int>, into p: UnsafeMutablePointer<Double>) {
        let series = coefficients[df]
        let threshold = threshold(df)
        var k = indices.startIndex
        while k + 8 <= indices.endIndex {
            var s = SIMD8<Double>()
            for lane in 0..<8 { s[lane] = Swift.min(abs(r[indices[k + lane]]), 1) }
            let c2 = (1 - s) * (1 + s)
            var sum = SIMD8<Double>(repeating: 0)
            series.withUnsafeBufferPointer { terms in
                for w in terms { sum = sum * c2 + SIMD8(repeating: w) }
            }
            for lane in 0..<8 {
                let value = Self.finish(s: s[lane], c2: c2[lane], sum: sum[lane], df: df)
                let x = r[indices[k + lane]]
                // Below the threshold (or NaN, or |r| = 1) the closed form is not used: go straight to R's pt.
                p[indices[k + lane]] = value >= threshold && abs(x) < 1 ? value : (x.isNaN ? .nan : abs(x) >= 1 ? 0 : Self.viaR(r: x, df: df))
            }
            k += 8
        }
        while k < indices.endIndex {
            p[indices[k]] = pValue(r: r[indices[k]], df: df)
            k += 1
        }
    }

    @inline(__always)
    private func closedForm(s: Double, df: Int) -> Double {
        let c2 = (1 - s) * (1 + s)
        var sum = 0.0
        coefficients[df].withUnsafeBufferPointer { terms in
            for w in terms { sum = sum * c2 + w }
        }
        return Self.finish(s: s, c2: c2, sum: sum, df: df)
    }

    /// p = 1 - A from the series sum: A = s sum (even df), A = (2/pi)(theta + s c sum) (odd df).
    @inline(__always)
    private static func finish(s: Double, c2: Double, sum: Double, df: Int) -> Double {
        if df % 2 == 0 { return 1 - s * sum }
        let theta = asin(s)
        if df == 1 { return 1 - theta * (2 / Double.pi) }
        return 1 - (theta + s * c2.squareRoot() * sum) * (2 / Double.pi)
    }
}
