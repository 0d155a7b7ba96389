/// Least-significant-digit radix sort of unsigned integers on a range of their bits.
enum RadixSort {
    /// Sorts `count` keys by bits `lowBit ..< lowBit + bits` (stable; other bits ride
    /// along), 11 bits per pass, using `scratch` (same size) as the second buffer; passes
    /// whose digit is the same for every key are skipped. Returns whichever of the two
    /// buffers holds the sorted keys.
    static func sort(_ keys: UnsafeMutablePointer<UInt64>, scratch: UnsafeMutablePointer<UInt64>, count: Int,
                     lowBit: Int, bits: Int) -> UnsafeMutablePointer<UInt64> {
        // 11-bit digits: the 2048 counters (16 KB) stay in L1 cache, and 64-bit keys take at
        // most 6 passes (8-bit digits: 8 passes; 16-bit: 512 KB of counters).
        let digitBits = 11, radix = 1 << digitBits
        let mask = UInt64(radix - 1)
        var source = keys, target = scratch
        withUnsafeTemporaryAllocation(of: Int.self, capacity: radix) { counts in
            var shift = lowBit
            while shift < lowBit + bits {
                counts.initialize(repeating: 0)
                for k in 0..<count { counts[Int((source[k] >> UInt64(shift)) & mask)] += 1 }
                if counts[Int((source[0] >> UInt64(shift)) & mask)] == count {
                    shift += digitBits
                    continue
                }
                var total = 0
                for d in 0..<radix {
                    let c = counts[d]
                    counts[d] = total
                    total += c
                }
                for k in 0..<count {
                    let key = source[k]
                    let d = Int((key >> UInt64(shift)) & mask)
                    target[counts[d]] = key
                    counts[d] += 1
                }
                swap(&source, &target)
                shift += digitBits
            }
        }
        return source
    }
}
