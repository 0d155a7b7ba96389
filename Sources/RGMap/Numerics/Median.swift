/// Medians by selection (no full sort), for the biweight midcorrelation.
enum Median {
    /// The median of `values[0..<count]` (average of the two middle values when `count`
    /// is even); reorders `values`. NaN when `count` is 0.
    static func inPlace(_ values: UnsafeMutablePointer<Double>, count: Int) -> Double {
        guard count > 0 else { return .nan }
        let upper = count / 2
        let high = select(values, count: count, k: upper)
        guard count % 2 == 0 else { return high }
        // The lower middle value is the largest of the elements now left of position `upper`.
        var low = values[0]
        for i in 1..<upper where values[i] > low { low = values[i] }
        return low * 0.5 + high * 0.5
    }

    /// Moves the k-th smallest (0-based) element to position k, smaller ones before it,
    /// larger or equal ones after it (Hoare selection with a median-of-three pivot).
    static func select(_ v: UnsafeMutablePointer<Double>, count: Int, k: Int) -> Double {
        var lo = 0, hi = count - 1
        while hi > lo {
            let mid = lo + (hi - lo) / 2
            if v[mid] < v[lo] { swap(v, mid, lo) }
            if v[hi] < v[lo] { swap(v, hi, lo) }
            if v[hi] < v[mid] { swap(v, hi, mid) }
            let pivot = v[mid]
            var i = lo, j = hi
            while i <= j {
                while v[i] < pivot { i += 1 }
                while v[j] > pivot { j -= 1 }
                if i <= j {
                    swap(v, i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { break }
        }
        return v[k]
    }

    @inline(__always)
    private static func swap(_ v: UnsafeMutablePointer<Double>, _ a: Int, _ b: Int) {
        let t = v[a]
        v[a] = v[b]
        v[b] = t
    }
}
