/// The q of a BH/BY step-up as a function of p, built from the sorted p-values: runs of
/// equal q, ascending, each known by the bit pattern of its largest p. A p belongs to the
/// first run whose largest p is >= p.
///
/// Looking a p up goes through two tables so that it touches few cache lines: the first
/// run of every bucket of leading bits (the buckets of ``BucketStepUp``), and for buckets
/// holding more than a few runs a finer table on the next bits with two to four slots per
/// run. A slot that no run boundary crosses holds its q itself (most lookups end there);
/// the others hold the first run to search from.
final class StepUpFunction {
    /// Per run: the bit pattern of its largest p and its q (side by side: one cache line).
    private var runs: [(top: UInt64, q: Double)] = []
    /// Per bucket (and one past the last): the first run whose top is >= the bucket's lowest key.
    private var firstRun: [Int32] = []
    /// Per bucket: (offset into `fine` << 5) | bits of its finer table, 0 when it has none.
    private var fineTable: [UInt32] = []
    /// Finer-table slots: the bit pattern of the slot's q, or ``searchFlag`` | the first run to
    /// search from (q is in [0, 1], so its sign bit is free to mark the difference).
    private var fine: [UInt64] = [0]
    static let searchFlag: UInt64 = 1 << 63
    private let shift: UInt64

    /// From the sorted p-values (no NaN): R's `pmin(1, cummin(factor * n / i * p[o]))` with o
    /// the decreasing order, i = n ... 1.
    init(sorted: UnsafeBufferPointer<Double>, factor: Double, bucketShift: UInt64) {
        shift = bucketShift
        let n = sorted.count
        var running = Double.infinity
        var current = Double.nan
        for position in stride(from: n - 1, through: 0, by: -1) {
            let p = sorted[position]
            running = min(running, FalseDiscoveryRate.candidate(p, rank: position + 1, count: n, factor: factor))
            let q = min(1, running)
            if q != current {
                runs.append((p.bitPattern, q))
                current = q
            }
        }
        runs.reverse()
        buildTables(buckets: Int((sorted.last ?? 0).bitPattern >> shift) + 1)
        runs.append((UInt64.max, 1))  // a sentinel above every p: the search may read one past the last run
    }

    private func buildTables(buckets: Int) {
        firstRun = [Int32](repeating: 0, count: buckets + 1)
        fineTable = [UInt32](repeating: 0, count: buckets)
        var k = 0
        for b in 0...buckets {
            while k < runs.count && runs[k].top < UInt64(b) << shift { k += 1 }
            firstRun[b] = Int32(k)
        }
        for b in 0..<buckets {
            let low = Int(firstRun[b]), high = Int(firstRun[b + 1])
            // Up to 4 runs are searched directly; more get a finer table of two to four times as
            // many slots as runs (one bit more than the run count needs), at most 2^20 slots.
            guard high - low > 4 else { continue }
            let bits = min(20, Int.bitWidth - (high - low).leadingZeroBitCount + 1)
            fineTable[b] = UInt32(fine.count) << 5 | UInt32(bits)  // 5 bits hold bits <= 20
            // first[j]: the first run whose top is >= slot j's lowest key.
            var first: [Int] = []
            var run = low
            for slot in 0...(1 << bits) {
                let bound = UInt64(b) << shift + UInt64(slot) << (shift - UInt64(bits))  // + : slot 2^bits carries into b
                while run < high && runs[run].top < bound { run += 1 }
                first.append(run)
            }
            for slot in 0..<(1 << bits) {
                let whole = first[slot] == first[slot + 1] && first[slot] < runs.count
                fine.append(whole ? runs[first[slot]].q.bitPattern : Self.searchFlag | UInt64(first[slot]))
            }
        }
    }

    /// Calls `body` with a lookup valid for the duration of the call.
    func withLookup<R>(_ body: (Lookup) -> R) -> R {
        runs.withUnsafeBufferPointer { runs in
            firstRun.withUnsafeBufferPointer { firstRun in
                fineTable.withUnsafeBufferPointer { fineTable in
                    fine.withUnsafeBufferPointer { fine in
                        body(Lookup(runs: runs, firstRun: firstRun, fineTable: fineTable, fine: fine, shift: shift))
                    }
                }
            }
        }
    }

    struct Lookup {
        let runs: UnsafeBufferPointer<(top: UInt64, q: Double)>
        let firstRun: UnsafeBufferPointer<Int32>
        let fineTable: UnsafeBufferPointer<UInt32>
        let fine: UnsafeBufferPointer<UInt64>
        let shift: UInt64

        /// q of the p whose bit pattern is `key` (a p among those the function was built from,
        /// or any p up to the largest of them).
        @inline(__always)
        func q(forKey key: UInt64) -> Double {
            let b = Int(key >> shift)
            var low = Int(firstRun[b]), high = Int(firstRun[b + 1])
            let table = fineTable[b]
            if table != 0 {
                let bits = UInt64(table & 31)
                let slot = Int((key >> (shift - bits)) & ((1 << bits) - 1))
                let entry = fine[Int(table >> 5) + slot]
                if entry & StepUpFunction.searchFlag == 0 { return Double(bitPattern: entry) }
                low = Int(truncatingIfNeeded: entry & ~StepUpFunction.searchFlag)
            }
            // The first run in low ... high whose top is >= key (high always qualifies): a few
            // steps without branches (ranges are short), a binary search for the rest.
            low += runs[low].top < key ? 1 : 0
            low += runs[low].top < key ? 1 : 0
            low += runs[low].top < key ? 1 : 0
            if runs[low].top < key {
                while low < high {
                    let middle = (low + high) >> 1
                    if runs[middle].top < key { low = middle + 1 } else { high = middle }
                }
            }
            return runs[low].q
        }
    }
}
