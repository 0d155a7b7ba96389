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
    /// Above this many p-values, BH/BY orders them by buckets of their leading bits
    /// instead of one comparison sort (same result, a fraction of the time and memory).
    static let bucketThreshold = 1 << 20

    static func adjust(_ p: UnsafeBufferPointer<Double>, method: FDRMethod, into q: UnsafeMutableBufferPointer<Double>,
                       bucketThreshold: Int = FalseDiscoveryRate.bucketThreshold) {
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
            for i in p.indices where p[i].isNaN { q[i] = .nan }
            if valid > bucketThreshold {
                stepUpByBuckets(p, count: valid, factor: factor, into: q)
            } else {
                stepUpBySort(p, count: valid, factor: factor, into: q)
            }
        }
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
    private static func candidate(_ p: Double, rank: Int, count: Int, factor: Double) -> Double {
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

    /// The same step-up over a bucket order: p-values are non-negative doubles, so their bit
    /// patterns sort like their values. Indices are scattered into buckets of the leading 20
    /// bits. Then, in parallel over buckets (they are independent), each bucket packs the
    /// remaining 44 bits of p with the element's place in the bucket into one integer,
    /// radix-sorts those, and writes the running minimum within the bucket; a last pass
    /// lowers each bucket by the minimum of all buckets above it.
    private static func stepUpByBuckets(_ p: UnsafeBufferPointer<Double>, count: Int, factor: Double,
                                        into q: UnsafeMutableBufferPointer<Double>) {
        let shift: UInt64 = 44
        let bucketCount = Int(Double(1).bitPattern >> shift) + 2
        var starts = [Int](repeating: 0, count: bucketCount + 1)
        for v in p where !v.isNaN { starts[Int(v.bitPattern >> shift) + 1] += 1 }
        for b in 0..<bucketCount { starts[b + 1] += starts[b] }
        var cursor = starts
        var order = [UInt32](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }  // every slot is written below
        for i in p.indices where !p[i].isNaN {
            let b = Int(p[i].bitPattern >> shift)
            order[cursor[b]] = UInt32(i)
            cursor[b] += 1
        }
        let bounds = starts  // read-only from here on
        let occupied = (0..<bucketCount).filter { bounds[$0 + 1] > bounds[$0] }
        let largest = occupied.map { bounds[$0 + 1] - bounds[$0] }.max() ?? 0
        // Per bucket: the smallest and the largest value written (the running minimum at the
        // bottom and at the top of the bucket).
        var bucketMinimum = [Double](repeating: .infinity, count: occupied.count)
        var bucketTop = [Double](repeating: .infinity, count: occupied.count)
        order.withUnsafeMutableBufferPointer { order in
            bucketMinimum.withUnsafeMutableBufferPointer { minimum in
                bucketTop.withUnsafeMutableBufferPointer { top in
                    Parallel.forEachChunk(occupied.count) { chunk in
                        let work = BucketWorkspace(capacity: min(largest, 1 << 20))
                        for i in chunk {
                            let b = occupied[i]
                            (minimum[i], top[i]) = stepUpWithinBucket(p, bucket: b, range: bounds[b]..<bounds[b + 1], count: count,
                                                                      factor: factor, order: order, q: q, work: work)
                        }
                    }
                }
            }
        }
        // Minimum over all higher buckets; a bucket whose largest value is above it is lowered.
        var above = [Double](repeating: .infinity, count: occupied.count)
        for i in stride(from: occupied.count - 2, through: 0, by: -1) { above[i] = min(above[i + 1], bucketMinimum[i + 1]) }
        Parallel.forEachChunk(occupied.count) { chunk in
            for i in chunk where above[i] < min(1, bucketTop[i]) {
                let b = occupied[i]
                for k in bounds[b]..<bounds[b + 1] {
                    let index = Int(order[k])
                    if above[i] < q[index] { q[index] = min(1, above[i]) }
                }
            }
        }
    }

    /// Sorts one bucket by p and writes, for each element, min(1, running minimum of the
    /// step-up candidates from the top of the bucket down). Returns the running minimum at
    /// the bottom and at the top of the bucket.
    private static func stepUpWithinBucket(_ p: UnsafeBufferPointer<Double>, bucket: Int, range: Range<Int>, count: Int,
                                           factor: Double, order: UnsafeMutableBufferPointer<UInt32>,
                                           q: UnsafeMutableBufferPointer<Double>, work: BucketWorkspace) -> (Double, Double) {
        var running = Double.infinity
        var top = Double.infinity
        guard range.count <= work.capacity else {
            // Only with massively repeated p-values: a comparison sort of the indices.
            let sorted = order[range].sorted { p[Int($0)] < p[Int($1)] }
            for (k, index) in sorted.enumerated().reversed() {
                running = min(running, candidate(p[Int(index)], rank: range.lowerBound + k + 1, count: count, factor: factor))
                if top == .infinity { top = running }
                q[Int(index)] = min(1, running)
            }
            return (running, top)
        }
        let size = range.count
        for (slot, k) in range.enumerated() {
            work.keys[slot] = (p[Int(order[k])].bitPattern & ((1 << 44) - 1)) << 20 | UInt64(slot)
        }
        let sorted = RadixSort.sort(work.keys, scratch: work.scratch, count: size, lowBit: 20, bits: 44)
        let high = UInt64(bucket) << 44
        for position in stride(from: size - 1, through: 0, by: -1) {
            let key = sorted[position]
            let value = Double(bitPattern: high | (key >> 20))
            running = min(running, candidate(value, rank: range.lowerBound + position + 1, count: count, factor: factor))
            if position == size - 1 { top = running }
            q[Int(order[range.lowerBound + Int(key & 0xFFFFF)])] = min(1, running)
        }
        return (running, top)
    }
}

/// Buffers one thread reuses for every bucket it sorts.
private final class BucketWorkspace {
    let capacity: Int
    let keys: UnsafeMutablePointer<UInt64>
    let scratch: UnsafeMutablePointer<UInt64>

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        keys = .allocate(capacity: self.capacity)
        scratch = .allocate(capacity: self.capacity)
    }

    deinit {
        keys.deallocate()
        scratch.deallocate()
    }
}
