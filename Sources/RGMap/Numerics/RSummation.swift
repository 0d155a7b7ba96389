/// R's own summation, so that a threshold is compared with the same double R computes:
/// `sum`, `colSums` and `colMeans` accumulate in long double (80-bit on x86-64), and
/// `mean` adds a second pass that corrects the first quotient by the mean residual.
enum RSummation {
    #if arch(x86_64) && !os(Windows)
    typealias LongDouble = Float80
    #else
    typealias LongDouble = Double
    #endif

    /// R's `sum` (and each entry of `colSums`) of `count` values.
    @inline(__always)
    static func sum(count: Int, _ value: (Int) -> Double) -> Double {
        var total: LongDouble = 0
        for i in 0..<count { total += LongDouble(value(i)) }
        return Double(total)
    }

    /// R's `colMeans` entry: the long-double sum divided in long double.
    @inline(__always)
    static func columnMean(count: Int, _ value: (Int) -> Double) -> Double {
        var total: LongDouble = 0
        for i in 0..<count { total += LongDouble(value(i)) }
        return Double(total / LongDouble(count))
    }

    /// R's `mean` of `count` values (NaN for none, as R's NaN for `mean(numeric(0))`).
    @inline(__always)
    static func mean(count: Int, _ value: (Int) -> Double) -> Double {
        guard count > 0 else { return .nan }
        var total: LongDouble = 0
        for i in 0..<count { total += LongDouble(value(i)) }
        var average = total / LongDouble(count)
        if Double(average).isFinite {
            var residual: LongDouble = 0
            for i in 0..<count { residual += LongDouble(value(i)) - average }
            average += residual / LongDouble(count)
        }
        return Double(average)
    }
}
