/// WGCNA's preparation of one variable for the biweight midcorrelation (`bicor` with
/// maxPOutliers = 1 and pearsonFallback = "individual"), over a subset of samples:
/// with med the median and mad the median absolute deviation (no consistency constant),
/// u = (x - med) / (9 mad), the vector (x - med)(1 - u^2)^2 for |u| < 1 (0 otherwise),
/// scaled to unit length. A variable whose mad is 0 gets Pearson's transform instead.
enum BiweightTransform {
    /// Transforms `values` in place (entries outside the subset are 0 and stay 0).
    /// Returns false when the result is zero (the variable is constant).
    static func apply(_ values: UnsafeMutablePointer<Double>, subset: SampleSubset, n: Int) -> Bool {
        let m = subset.count
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: max(m, 1)) { scratch in
            let buffer = scratch.baseAddress!
            var k = 0
            for s in 0..<n where subset.contains(s) { buffer[k] = values[s]; k += 1 }
            let median = Median.inPlace(buffer, count: m)
            k = 0
            for s in 0..<n where subset.contains(s) { buffer[k] = abs(values[s] - median); k += 1 }
            let mad = Median.inPlace(buffer, count: m)
            if mad == 0 {  // Pearson's transform for this variable
                CorrelationTransform.centre(values, subset: subset, n: n)
                return CorrelationTransform.normalize(values, n: n)
            }
            let denominator = 9 * mad  // WGCNA's bicor: u = (x - med x) / (9 mad x), Tukey's biweight constant
            for s in 0..<n where subset.contains(s) {
                let deviation = values[s] - median
                var u = deviation / denominator
                if abs(u) > 1 { u = 1 }
                let weight = 1 - u * u
                values[s] = deviation * weight * weight
            }
            return CorrelationTransform.normalize(values, n: n)
        }
    }

}
