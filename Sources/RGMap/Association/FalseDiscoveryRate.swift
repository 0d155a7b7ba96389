/// Multiple-testing adjustment, as R's `p.adjust`.
public enum FDRMethod: String, Sendable, Codable, CaseIterable {
    /// Benjamini-Hochberg.
    case bh
    /// Benjamini-Yekutieli.
    case by
    case bonferroni
    /// No adjustment: q = p (R's `p.adjust(method = "none")`).
    case none
}

/// Which p-values one adjustment covers.
public enum FDRScope: String, Sendable, Codable, CaseIterable {
    /// All pairs of the map at once.
    case global
    /// Each feature's pairs separately.
    case perFeature = "per-feature"
}

/// R's `p.adjust` semantics: NaN p-values stay NaN and are not counted in n;
/// BH: q_(i) = min_{j >= i} min(1, n / j * p_(j)); BY multiplies by sum_{k<=n} 1/k;
/// Bonferroni: min(1, n p). q depends only on the p value, so tied p-values share q.
enum FalseDiscoveryRate {
    /// Above this many p-values, BH/BY go through ``BucketStepUp`` instead of one
    /// comparison sort of (p, index) pairs (same result, a fraction of the time and memory).
    /// 2^20: below a million values the sort takes well under a second and the buckets'
    /// fixed cost (a table of 2^18 counters per chunk) would not pay.
    static let bucketThreshold = 1 << 20

    /// - Parameter completed: called in order with consecutive ranges of q as they become
    ///   final (the whole range at once, except on the bucket path).
    static func adjust(_ p: UnsafeBufferPointer<Double>, method: FDRMethod, into q: UnsafeMutableBufferPointer<Double>,
                       bucketThreshold: Int = FalseDiscoveryRate.bucketThreshold, completed: ((Range<Int>) -> Void)? = nil) {
        var valid = 0
        for v in p where !v.isNaN { valid += 1 }
        let n = Double(valid)
        switch method {
        case .none:
            for i in p.indices { q[i] = p[i] }
        case .bonferroni:
            for i in p.indices { q[i] = p[i].isNaN ? .nan : min(1, n * p[i]) }
        case .bh, .by:
            let factor = method == .by ? harmonicNumber(valid) : 1
            if valid > bucketThreshold && BucketStepUp.adjust(p, count: valid, factor: factor, into: q, completed: completed) {
                return
            }
            for i in p.indices where p[i].isNaN { q[i] = .nan }
            stepUpBySort(p, count: valid, factor: factor, into: q)
        }
        completed?(p.indices)
    }

    /// The adjusted values of `p` as a new array.
    static func adjusted(_ p: [Double], method: FDRMethod) -> [Double] {
        var q = [Double](repeating: .nan, count: p.count)
        p.withUnsafeBufferPointer { values in q.withUnsafeMutableBufferPointer { adjust(values, method: method, into: $0) } }
        return q
    }

    /// sum_{k=1}^{n} 1/k, smallest terms first with compensation (R sums in long double).
    static func harmonicNumber(_ n: Int) -> Double {
        var sum = 0.0, compensation = 0.0
        for k in stride(from: max(n, 1), through: 1, by: -1) {
            let term = 1 / Double(k) - compensation
            let next = sum + term
            compensation = (next - sum) - term
            sum = next
        }
        return sum
    }

    /// q for one p at ascending rank `rank`: R computes `n/i * p` (BH) and `q * n/i * p` (BY).
    @inline(__always)
    static func candidate(_ p: Double, rank: Int, count: Int, factor: Double) -> Double {
        factor == 1 ? Double(count) / Double(rank) * p : factor * Double(count) / Double(rank) * p
    }

    private static func stepUpBySort(_ p: UnsafeBufferPointer<Double>, count: Int, factor: Double,
                                     into q: UnsafeMutableBufferPointer<Double>) {
        var order: [(Double, Int32)] = []
        order.reserveCapacity(count)
        for i in p.indices where !p[i].isNaN { order.append((p[i], Int32(i))) }
        order.sort { $0.0 < $1.0 }
        var running = Double.infinity
        for position in stride(from: order.count - 1, through: 0, by: -1) {
            let (value, index) = order[position]
            running = min(running, candidate(value, rank: position + 1, count: count, factor: factor))
            q[Int(index)] = min(1, running)
        }
    }
}
