#if canImport(Glibc)
import Glibc
#endif

/// WGCNA's `scaleFreeFitIndex`: how well the connectivities follow a power law.
///
/// The connectivities are cut into `bins` intervals of equal width (R's `cut`, right-closed,
/// the outer limits moved out by 0.1% of the range); for each interval, log10 of the mean
/// connectivity in it (the interval's midpoint when it is empty or the mean is 0) against
/// log10 of the fraction of genes in it plus 1e-9. Then R^2 and slope of the straight-line
/// fit, and the adjusted R^2 of the fit with an added term in 10^x (truncated exponential).
public struct ScaleFreeFit: Sendable, Equatable {
    /// R^2 of log10 p(k) ~ log10 k (unsigned; WGCNA's `SFT.R.sq`).
    public var rSquared: Double
    public var slope: Double
    /// Adjusted R^2 of log10 p(k) ~ log10 k + k.
    public var truncatedRSquared: Double
    /// -sign(slope) R^2, the value WGCNA's tutorial plots.
    public var signedRSquared: Double { slope > 0 ? -rSquared : rSquared }

    /// `bins`: scaleFreeFitIndex's nBreaks = 10.
    public init(connectivity k: [Double], bins: Int = 10) {
        let low = k.min() ?? 0, high = k.max() ?? 0
        let range = high - low
        // R's cut(k, bins): equal widths, outer limits moved out by range / 1000 (cut.default's
        // dx / 1000; |low| / 1000 when all k are equal).
        var cuts = Self.sequence(from: low, to: high, count: bins + 1)
        if range == 0 {
            cuts = Self.sequence(from: low - abs(low) / 1000, to: high + abs(low) / 1000, count: bins + 1)
        } else {
            cuts[0] = low - range / 1000
            cuts[bins] = high + range / 1000
        }
        var sums = [Double](repeating: 0, count: bins), counts = [Int](repeating: 0, count: bins)
        for v in k {
            // Right-closed intervals (cuts[b], cuts[b + 1]].
            var b = 0
            while b < bins - 1 && v > cuts[b + 1] { b += 1 }
            sums[b] += v
            counts[b] += 1
        }
        let histogramCuts = Self.sequence(from: low, to: high, count: bins + 1)
        var x: [Double] = [], y: [Double] = []
        for b in 0..<bins {
            let middle = (histogramCuts[b] + histogramCuts[b + 1]) / 2
            var meanK = counts[b] > 0 ? sums[b] / Double(counts[b]) : middle
            if meanK == 0 { meanK = middle }
            x.append(log10(meanK))
            y.append(log10(Double(counts[b]) / Double(k.count) + 1e-9))  // scaleFreeFitIndex: log10(p.dk + 1e-09)
        }
        let line = LeastSquares.fit(y, predictors: [x])
        rSquared = line.rSquared
        slope = line.coefficients[1]
        truncatedRSquared = LeastSquares.fit(y, predictors: [x, x.map { pow(10, $0) }]).adjustedRSquared
    }

    /// R's seq(from, to, length.out = count).
    static func sequence(from: Double, to: Double, count: Int) -> [Double] {
        guard count > 1 else { return [from] }
        let by = (to - from) / Double(count - 1)
        var values = (0..<count).map { from + Double($0) * by }
        values[count - 1] = to
        return values
    }
}
