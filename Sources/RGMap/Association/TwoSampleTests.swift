/// Two-sample tests with R's exact semantics, for mutated versus wild-type samples.
enum TwoSampleTests {
    /// Welch's t-test p-value (R's `t.test(x, y, var.equal = FALSE)$p.value`); NaN when a
    /// group has fewer than 2 values or the data are essentially constant (where R stops).
    static func welch(_ x: [Double], _ y: [Double]) -> Double {
        guard x.count >= 2, y.count >= 2 else { return .nan }
        let (mx, vx) = meanAndVariance(x), (my, vy) = meanAndVariance(y)
        let nx = Double(x.count), ny = Double(y.count)
        let stderrx = (vx / nx).squareRoot(), stderry = (vy / ny).squareRoot()
        let stderr = (stderrx * stderrx + stderry * stderry).squareRoot()
        let df = pow4(stderr) / (pow4(stderrx) / (nx - 1) + pow4(stderry) / (ny - 1))
        guard stderr >= 10 * Double.ulpOfOne * max(abs(mx), abs(my)) else { return .nan }
        let t = (mx - my) / stderr
        return 2 * RMath.studentCDF(-abs(t), df: df)
    }

    /// Wilcoxon rank-sum p-value (R's `wilcox.test(x, y)$p.value` with its defaults): exact
    /// when both groups have fewer than 50 values and there are no ties, otherwise the
    /// normal approximation with tie and continuity correction.
    static func wilcoxon(_ x: [Double], _ y: [Double]) -> Double {
        guard !x.isEmpty, !y.isEmpty else { return .nan }
        let combined = x + y
        let ranks = averageRanks(combined)
        let nx = Double(x.count), ny = Double(y.count)
        var rankSum = 0.0
        for i in 0..<x.count { rankSum += ranks[i] }
        let statistic = rankSum - nx * (nx + 1) / 2
        let tieSizes = Self.tieSizes(combined)
        if nx < 50 && ny < 50 && tieSizes.isEmpty {
            let p = statistic > nx * ny / 2
                ? RMath.wilcoxonCDF(statistic - 1, m: nx, n: ny, lowerTail: false)
                : RMath.wilcoxonCDF(statistic, m: nx, n: ny)
            return min(2 * p, 1)
        }
        var tieTerm = 0.0
        for t in tieSizes { tieTerm += t * t * t - t }
        var z = statistic - nx * ny / 2
        let sigma = ((nx * ny / 12) * ((nx + ny + 1) - tieTerm / ((nx + ny) * (nx + ny - 1)))).squareRoot()
        let correction = z > 0 ? 0.5 : (z < 0 ? -0.5 : 0)
        z = (z - correction) / sigma
        return 2 * min(RMath.normalCDF(z), RMath.normalCDF(z, lowerTail: false))
    }

    /// Sizes of the groups of equal values (only groups of 2 or more).
    private static func tieSizes(_ values: [Double]) -> [Double] {
        let sorted = values.sorted()
        var sizes: [Double] = []
        var i = 0
        while i < sorted.count {
            var j = i + 1
            while j < sorted.count && sorted[j] == sorted[i] { j += 1 }
            if j - i > 1 { sizes.append(Double(j - i)) }
            i = j
        }
        return sizes
    }

    static func averageRanks(_ values: [Double]) -> [Double] {
        var ranks = [Double](repeating: 0, count: values.count)
        values.withUnsafeBufferPointer { v in
            let order = Ranking.order(v.baseAddress!, count: v.count)
            ranks.withUnsafeMutableBufferPointer { r in
                Ranking.averageRanks(v.baseAddress!, order: order, subset: nil, into: r.baseAddress!, count: v.count)
            }
        }
        return ranks
    }

    /// Two-pass mean and sample variance.
    static func meanAndVariance(_ values: [Double]) -> (Double, Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        var squares = 0.0
        for v in values { squares += (v - mean) * (v - mean) }
        return (mean, squares / Double(values.count - 1))
    }

    @inline(__always)
    private static func pow4(_ x: Double) -> Double { let s = x * x; return s * s }
}
