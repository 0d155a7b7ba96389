/// The BH/BY step-up of ``FalseDiscoveryRate`` for many p-values, without sorting an
/// index: q depends only on the p value, so it is enough to sort the values, write the
/// step function Q(p) they define, and look every p up in it.
///
/// 1. p-values in [0, 1] sort like their bit patterns. Values are counted by the leading 20
///    bits (256 buckets per binade), then copied into `q` in bucket order, chunk by chunk.
/// 2. Each bucket is sorted in place (radix sort on the other 44 bits), buckets in parallel.
/// 3. One pass from the largest value down forms R's running minimum of the candidates
///    `factor * n / rank * p` and records Q as runs: the largest value of each run of equal Q.
/// 4. Every p finds its run (first run whose largest value is >= p) through a table of the
///    first run of each bucket, and `q` is overwritten with Q.
///
/// The arithmetic is R's, in R's order, so the result equals the comparison-sort path.
enum BucketStepUp {
    /// A bucket is the top 20 bits of a p-value's bit pattern (sign, 11 exponent bits, 8
    /// mantissa bits): each binade of [0, 1] splits into 256 buckets, so p-values spread
    /// over many small buckets down to the smallest ones.
    private static let shift: UInt64 = 44
    /// Buckets 0 ... bucket(1.0).
    private static let bucketCount = Int(Double(1).bitPattern >> shift) + 1

    /// Adjusts `p` (values in [0, 1] or NaN; `count` of them not NaN) into `q`.
    /// Returns false, leaving `q` untouched, when a value is outside [0, 1].
    /// `completed` is called in order with consecutive ranges of q as they become final.
    /// Long on purpose: the three passes (count into buckets, cumulative minimum over buckets, fill q)
    /// share their per-chunk tables, and splitting them would pass those tables around for nothing.
    static func adjust(_ p: UnsafeBufferPointer<Double>, count: Int, factor: Double,
                       into q: UnsafeMutableBufferPointer<Double>, completed: ((Range<Int>) -> Void)? = nil) -> Bool {
        // Two chunks per thread for balance, each at least 64K values so the per-chunk
        // bucket tables (bucketCount counters) stay small next to the work.
        let chunks = max(1, min(Parallel.threads * 2, p.count >> 16))
        let chunkSize = (p.count + chunks - 1) / chunks
        func chunk(_ c: Int) -> Range<Int> { (c * chunkSize)..<min(p.count, (c + 1) * chunkSize) }

        // Per chunk and bucket: the count, then where the chunk's values of the bucket go.
        var cursors = [Int](repeating: 0, count: chunks * bucketCount)
        var inRange = [Bool](repeating: true, count: chunks)
        cursors.withUnsafeMutableBufferPointer { cursors in
            inRange.withUnsafeMutableBufferPointer { inRange in
                Parallel.perform(chunks) { c in
                    let counts = cursors.baseAddress! + c * bucketCount
                    for i in chunk(c) {
                        let v = p[i]
                        if v.isNaN { continue }
                        guard v >= 0 && v <= 1 else {
                            inRange[c] = false
                            return
                        }
                        counts[bucket(v)] += 1
                    }
                }
            }
        }
        guard !inRange.contains(false) else { return false }
        var bucketStarts = [Int](repeating: 0, count: bucketCount + 1)
        var total = 0
        for b in 0..<bucketCount {
            bucketStarts[b] = total
            for c in 0..<chunks {
                let n = cursors[c * bucketCount + b]
                cursors[c * bucketCount + b] = total
                total += n
            }
        }
        bucketStarts[bucketCount] = total
        cursors.withUnsafeMutableBufferPointer { cursors in
            Parallel.perform(chunks) { c in
                let cursor = cursors.baseAddress! + c * bucketCount
                for i in chunk(c) where !p[i].isNaN {
                    let b = bucket(p[i])
                    q[cursor[b]] = p[i] + 0  // + 0 turns -0 into 0
                    cursor[b] += 1
                }
            }
        }
        sortBuckets(q, starts: bucketStarts)
        let steps = StepUpFunction(sorted: UnsafeBufferPointer(rebasing: q[0..<count]), factor: factor, bucketShift: shift)
        // In eight blocks, so that a caller can write each out while the next is looked up.
        let blocks = completed == nil ? 1 : 8
        steps.withLookup { lookup in
            for block in 0..<blocks {
                let blockRange = (p.count * block / blocks)..<(p.count * (block + 1) / blocks)
                // 16K look-ups a chunk: each costs a few loads, so chunks are large.
                Parallel.forEachChunk(blockRange.count, minimumChunk: 1 << 14) { range in
                    for i in (blockRange.lowerBound + range.lowerBound)..<(blockRange.lowerBound + range.upperBound) {
                        let v = p[i]
                        q[i] = v.isNaN ? .nan : lookup.q(forKey: (v + 0).bitPattern)
                    }
                }
                completed?(blockRange)
            }
        }
        return true
    }

    @inline(__always)
    private static func bucket(_ v: Double) -> Int { Int((v + 0).bitPattern >> shift) }

    /// Sorts every bucket of `values` (bounds in `starts`) in place, buckets in parallel.
    private static func sortBuckets(_ values: UnsafeMutableBufferPointer<Double>, starts: [Int]) {
        let buckets = starts.count - 1
        var largest = 0
        for b in 0..<buckets { largest = max(largest, starts[b + 1] - starts[b]) }
        // Radix sort scratch per thread: at most 2^20 keys (8 MB); larger buckets (only with
        // massively repeated p-values) sort in place instead.
        let scratchCapacity = min(largest, 1 << 20)
        // Work parts of about equal size (values crowd into few buckets near p = 1).
        var parts: [Range<Int>] = []
        let target = max(1, starts[buckets] / max(1, Parallel.threads * 8))  // 8 parts per thread for balance
        var partStart = 0
        for b in 0..<buckets where starts[b + 1] - starts[partStart] >= target || b == buckets - 1 {
            parts.append(partStart..<(b + 1))
            partStart = b + 1
        }
        values.withMemoryRebound(to: UInt64.self) { keys in
            Parallel.perform(parts.count) { part in
                let scratch = UnsafeMutablePointer<UInt64>.allocate(capacity: max(scratchCapacity, 1))
                defer { scratch.deallocate() }
                for b in parts[part] {
                    let size = starts[b + 1] - starts[b]
                    guard size > 1 else { continue }
                    let start = keys.baseAddress! + starts[b]
                    if size <= 32 {  // below about 32 keys insertion sort beats a radix pass over 2048 counters
                        insertionSort(start, count: size)
                    } else if size <= scratchCapacity {
                        let sorted = RadixSort.sort(start, scratch: scratch, count: size, lowBit: 0, bits: Int(shift))
                        if sorted != start { start.update(from: sorted, count: size) }
                    } else {
                        // Only with massively repeated p-values: an in-place comparison sort.
                        var all = UnsafeMutableBufferPointer(start: start, count: size)
                        all.sort()
                    }
                }
            }
        }
    }

    private static func insertionSort(_ keys: UnsafeMutablePointer<UInt64>, count: Int) {
        for i in 1..<count {
            let key = keys[i]
            var j = i
            while j > 0 && keys[j - 1] > key {
                keys[j] = keys[j - 1]
                j -= 1
            }
            keys[j] = key
        }
    }
}
