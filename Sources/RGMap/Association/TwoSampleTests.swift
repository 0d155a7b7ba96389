/// Two-sample tests with R's exact semantics, for mutated versus wild-type samples.
enum TwoSampleTests {
    /// Welch's t-test p-value (R's `t.test(x, y, var.equal = FALSE)$p.value`); NaN when a
    /// group has fewer than 2 values or the data are essentially constant (where R stops).
    static func welch(_ x: [Double], _ y: [Double]) -> Double {
        guard x.count >= 2, y.count >= 2 else { return .nan }
        let sx = VariableSummary(x[...]), sy = VariableSummary(y[...])
        let (mx, vx, my, vy) = (sx.mean, sx.variance, sy.mean, sy.variance)
        let nx = Double(x.count), ny = Double(y.count)
        let stderrx = (vx / nx).squareRoot(), stderry = (vy / ny).squareRoot()
        let stderr = (stderrx * stderrx + stderry * stderry).squareRoot()
        let df = pow4(stderr) / (pow4(stderrx) / (nx - 1) + pow4(stderry) / (ny - 1))
        // t.test.default: stop("data are essentially constant") when stderr < 10 * .Machine$double.eps * max(|mx|, |my|).
        guard stderr >= 10 * Double.ulpOfOne * max(abs(mx), abs(my)) else { return .nan }
        let t = (mx - my) / stderr
        return 2 * RMath.studentCDF(-abs(t), df: df)
    }

    /// Wilcoxon rank-sum p-value (R's `wilcox.test(x, y)$p.value` with its defaults): exact
    /// when both groups have fewer than 50 values and there are no ties, otherwise the
    /// normal approximation with tie and continuity correction.
    static func wilcoxon(_ x: [Double], _ y: [Double]) -> Double {
        guard !x.isEmpty, !y.isEmpty else { return .nan }
        let (ranks, tieSizes) = ranksAndTies(x + y)
        let nx = Double(x.count), ny = Double(y.count)
        var rankSum = 0.0
        for i in 0..<x.count { rankSum += ranks[i] }
        let statistic = rankSum - nx * (nx + 1) / 2
        if nx < 50 && ny < 50 && tieSizes.isEmpty {  // wilcox.test.default: exact = n.x < 50 && n.y < 50
            let p = statistic > nx * ny / 2
                ? RMath.wilcoxonCDF(statistic - 1, m: nx, n: ny, lowerTail: false)
                : RMath.wilcoxonCDF(statistic, m: nx, n: ny)
            return min(2 * p, 1)
        }
        var tieTerm = 0.0
        for t in tieSizes { tieTerm += t * t * t - t }
        var z = statistic - nx * ny / 2
        let sigma = ((nx * ny / 12) * ((nx + ny + 1) - tieTerm / ((nx + ny) * (nx + ny - 1)))).squareRoot()
        let correction = z > 0 ? 0.5 : (z < 0 ? -0.5 : 0)  // wilcox.test: CORRECTION = sign(z) * 0.5
        z = (z - correction) / sigma
        return 2 * min(RMath.normalCDF(z), RMath.normalCDF(z, lowerTail: false))
    }

    /// Average ranks, and the sizes of the groups of equal values (2 or more), from one sort.
    static func ranksAndTies(_ values: [Double]) -> (ranks: [Double], ties: [Double]) {
        var ranks = [Double](repeating: 0, count: values.count)
        var ties: [Double] = []
        values.withUnsafeBufferPointer { v in
            let order = Ranking.order(v.baseAddress!, count: v.count)
            _ = ranks.withUnsafeMutableBufferPointer { r in
                Ranking.averageRanks(v.baseAddress!, order: order, subset: nil, into: r.baseAddress!, count: v.count)
            }
            var i = 0
            while i < order.count {
                var j = i + 1
                while j < order.count && v[Int(order[j])] == v[Int(order[i])] { j += 1 }
                if j - i > 1 { ties.append(Double(j - i)) }
                i = j
            }
        }
        return (ranks, ties)
    }

    @inline(__always)
    private static func pow4(_ x: Double) -> Double { let s = x * x; return s * s }
}
