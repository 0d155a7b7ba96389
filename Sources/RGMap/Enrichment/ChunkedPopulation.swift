/// The population during a level's moves, kept for O(1) swaps: each set as an unordered member
/// list (to pick the leaving member) and a membership bitmap over the list's ranks (to test and,
/// in rank order, walk the members), with the ranks cut into about 2 sqrt(m) chunks whose member
/// counts and weights are kept. A walk skips a whole chunk whose hits cannot reach the bound
/// (fgsea's device) and reads the others' members off the bitmap in rank order.
/// Sets are touched by one thread each, so the class is shared without locks.
final class ChunkedPopulation: @unchecked Sendable {
    let size: Int, setSize: Int, listSize: Int, chunkCount: Int
    let weights: UnsafePointer<Double>
    /// 64-bit words of one set's bitmap.
    private let words: Int
    /// Chunk c holds the ranks limits[c - 1] ..< limits[c]; the last limit is the list size.
    private var limits: [Int32]
    /// The chunk of every rank of the list (one byte: small enough to stay in the fastest cache).
    private let chunkOfRank: UnsafeMutableBufferPointer<UInt8>
    /// Set s: members[s * setSize ..< (s + 1) * setSize] in no order; bits[s * words ..< (s + 1) * words].
    private let members: UnsafeMutablePointer<Int32>
    private let bits: UnsafeMutablePointer<UInt64>
    /// Members and their weight in chunk c of set s, at s * chunkCount + c, and each set's total
    /// weight; weights are kept by differences through the level.
    private let counts: UnsafeMutablePointer<Int32>
    private let sums: UnsafeMutablePointer<Double>
    private let totals: UnsafeMutablePointer<Double>
    /// Each set's last hit reaching the bound, nil when unknown.
    private let peaks: UnsafeMutablePointer<WalkPeak?>

    /// A chunk is skipped only when its best possible running sum is this far below the bound,
    /// so that rounding in the chunk weights, kept by differences, never skips a hit that reaches it.
    /// The running sum lies in [-1, 1] and its rounding after even a million updates stays
    /// near 1e-10, so 1e-7 is ample; a larger margin only skips fewer chunks, never changes a result.
    static let skipMargin = 1e-7

    init(size: Int, setSize m: Int, weights: UnsafePointer<Double>, listSize n: Int) {
        self.size = size
        setSize = m
        listSize = n
        self.weights = weights
        // About sqrt(m) chunks balance the per-chunk tests against the walk inside a chunk (fgsea
        // takes sqrt(m)); 2 sqrt(m), at most 256, is rgmap's tuning. Chunks only skip work: any
        // count gives the same scores.
        chunkCount = min(256, max(1, Int(2 * Double(m).squareRoot())))
        words = (n + 63) / 64  // 64-bit words of the membership bitmap
        limits = [Int32](repeating: Int32(n), count: chunkCount)
        chunkOfRank = .allocate(capacity: n)
        members = .allocate(capacity: size * m)
        bits = .allocate(capacity: size * words)
        bits.initialize(repeating: 0, count: size * words)
        counts = .allocate(capacity: size * chunkCount)
        sums = .allocate(capacity: size * chunkCount)
        totals = .allocate(capacity: size)
        peaks = .allocate(capacity: size)
        peaks.initialize(repeating: nil, count: size)
    }

    deinit {
        chunkOfRank.deallocate()
        members.deallocate()
        bits.deallocate()
        counts.deallocate()
        sums.deallocate()
        totals.deallocate()
        peaks.deallocate()
    }

    /// Takes the population (each set ascending, one after another), with limits at the median
    /// rank of every m / chunkCount-th member over every tenth set.
    func load(_ population: UnsafeMutableBufferPointer<Int32>) {
        let (m, count) = (setSize, chunkCount)
        // Every tenth set is enough for a median of positions (fgsea takes every set); the
        // limits only shape the chunks, so any choice gives the same scores.
        let sampled = stride(from: 0, to: size, by: max(1, size / 10)).map { $0 }
        var column = [Int32](repeating: 0, count: sampled.count)
        var position = 0
        for c in 0..<(count - 1) {
            position += (m + c) / count
            for (i, s) in sampled.enumerated() { column[i] = population[s * m + position] }
            column.withUnsafeMutableBufferPointer { Self.insertionSort($0.baseAddress!, count: $0.count) }
            limits[c] = column[column.count / 2]
        }
        var rank = 0
        for c in 0..<count {
            while rank < Int(limits[c]) { chunkOfRank[rank] = UInt8(c); rank += 1 }
        }
        counts.update(repeating: 0, count: size * count)
        sums.update(repeating: 0, count: size * count)
        for s in 0..<size {
            var total = 0.0
            for j in 0..<m {
                let rank = population[s * m + j], chunk = s * count + Int(chunkOfRank[Int(rank)])
                members[s * m + j] = rank
                bits[s * words + Int(rank) >> 6] |= 1 << UInt64(rank & 63)
                counts[chunk] += 1
                sums[chunk] += weights[Int(rank)]
                total += weights[Int(rank)]
            }
            totals[s] = total
            peaks[s] = nil
        }
    }

    /// Writes the population back, each set ascending, and clears the bitmaps for the next level:
    /// small sets by sorting their members, larger ones off the bitmap.
    func store(into population: UnsafeMutableBufferPointer<Int32>) {
        for s in 0..<size {
            let setBits = bits + s * words, first = s * setSize
            // Sorting m members costs about m log m; scanning the bitmap, its words: a set much
            // smaller than the bitmap (by more than 8 times) is sorted instead.
            if setSize * 8 < words {
                for j in 0..<setSize {
                    let rank = members[first + j]
                    population[first + j] = rank
                    setBits[Int(rank) >> 6] = 0
                }
                Self.insertionSort(population.baseAddress! + first, count: setSize)
                continue
            }
            var j = first
            for w in 0..<words where setBits[w] != 0 {
                var word = setBits[w]
                while word != 0 {
                    population[j] = Int32(w << 6 | word.trailingZeroBitCount)
                    j += 1
                    word &= word &- 1
                }
                setBits[w] = 0
            }
        }
    }

    /// Sorts a few ranks in place (no allocation, fast for the short runs it is given).
    private static func insertionSort(_ ranks: UnsafeMutablePointer<Int32>, count: Int) {
        for i in 1..<max(1, count) {
            let rank = ranks[i]
            var j = i
            while j > 0 && ranks[j - 1] > rank { ranks[j] = ranks[j - 1]; j -= 1 }
            ranks[j] = rank
        }
    }

    /// `count` proposals on set `s` (swap a random member for a random gene), each kept when the
    /// set's ES+ stays >= `bound`; returns how many were kept. A proposal is first checked at the
    /// hit where the set last reached the bound (fgsea's candidate), in O(1); only when that
    /// fails is the walk scanned, chunk by chunk.
    func propose(_ count: Int, set s: Int, bound: Double, random: inout RandomSource) -> Int {
        let m = setSize, n = listSize
        let missStep = 1 / Double(n - m)
        let setMembers = members + s * m, setBits = bits + s * words
        var accepted = 0
        for _ in 0..<count {
            let out = random.index(m), incoming = Int32(random.index(n))
            if setBits[Int(incoming) &>> 6] & (1 &<< UInt64(incoming & 63)) != 0 { continue }
            let removed = setMembers[out]
            exchange(set: s, at: out, leaving: removed, entering: incoming)
            let total = totals[s] - weights[Int(removed)] + weights[Int(incoming)]
            var reached: WalkPeak?
            if total > 0, let moved = peaks[s]?.afterSwap(removed: removed, incoming: incoming, weights: weights),
               moved.weight * (1 / total) - Double(moved.misses) * missStep >= bound {
                reached = moved
            } else {
                reached = firstReaching(bound, set: s, total: total)
            }
            if let reached {
                totals[s] = total
                peaks[s] = reached
                accepted += 1
            } else {
                exchange(set: s, at: out, leaving: incoming, entering: removed)
            }
        }
        return accepted
    }

    /// Member `out` of set `s` becomes `entering` in place of `leaving`; the bitmap and the
    /// chunks' counts and weights follow.
    @inline(__always)
    private func exchange(set s: Int, at out: Int, leaving: Int32, entering: Int32) {
        let setBits = bits + s * words, base = s * chunkCount
        members[s * setSize + out] = entering
        setBits[Int(leaving) &>> 6] &= ~(1 &<< UInt64(leaving & 63))
        setBits[Int(entering) &>> 6] |= 1 &<< UInt64(entering & 63)
        let from = base + Int(chunkOfRank[Int(leaving)]), to = base + Int(chunkOfRank[Int(entering)])
        counts[from] &-= 1
        counts[to] &+= 1
        sums[from] -= weights[Int(leaving)]
        sums[to] += weights[Int(entering)]
    }

    /// The first hit of set `s` where the running sum reaches `bound`, skipping chunks that cannot.
    func firstReaching(_ bound: Double, set s: Int, total: Double) -> WalkPeak? {
        let m = setSize
        let setBits = bits + s * words, setCounts = counts + s * chunkCount, setSums = sums + s * chunkCount
        // A set whose hits all weigh 0 weighs them equally (as EnrichmentWalk does).
        let equalWeights = total == 0
        let missStep = 1 / Double(listSize - m), scale = 1 / (equalWeights ? Double(m) : total)
        var cumulative = 0.0, start = 0, lowestRank = 0
        for c in 0..<chunkCount {
            let count = Int(setCounts[c]), end = Int(limits[c])
            if count > 0 {
                let weight = equalWeights ? Double(count) : setSums[c]
                // Within the chunk the sum stays below its total weight less the misses before its first possible rank.
                let best = (cumulative + weight) * scale - Double(lowestRank &- start) * missStep
                if best < bound - Self.skipMargin {
                    cumulative += weight
                } else {
                    // The chunk's members in rank order, off the bitmap.
                    var j = start, w = lowestRank &>> 6
                    var word = setBits[w] & (~0 &<< UInt64(lowestRank & 63))
                    chunk: while true {
                        while word != 0 {
                            let rank = w &<< 6 | word.trailingZeroBitCount
                            if rank >= end { break chunk }
                            word &= word &- 1
                            cumulative += equalWeights ? 1 : weights[rank]
                            let misses = rank &- j
                            if cumulative * scale - Double(misses) * missStep >= bound {
                                return WalkPeak(rank: Int32(rank), misses: misses, weight: cumulative)
                            }
                            j &+= 1
                        }
                        w &+= 1
                        if w &<< 6 >= end { break }
                        word = setBits[w]
                    }
                }
            }
            start &+= count
            lowestRank = end
        }
        return nil
    }
}
