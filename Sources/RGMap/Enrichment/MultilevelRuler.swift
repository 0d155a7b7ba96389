import Foundation

/// Adaptive multilevel splitting for tail probabilities of the enrichment score far below
/// 1 / permutations (the method of fgsea's `fgseaMultilevel`, Korotkevich et al. 2021).
///
/// For random m-gene sets it estimates P(ES+ >= x), ES+ being the positive extreme of the
/// running sum, for x up to a target: a population of `sampleSize` (odd, n) sets is scored;
/// the upper half (score >= the median) survives and is doubled back to n; every set then
/// takes about m accepted Metropolis moves (swap a member for a random gene, accepted while
/// its score stays >= the median), so the population is again uniform on {ES+ >= median}.
/// Each level halves the probability; in logs, a level contributes E[log U_((n+1)/2 of n)] =
/// psi((n+1)/2) - psi(n+1), and within the last level j of n sets at or above x contribute
/// psi(j+1) - psi(n+1). The probability of the signed score (ES >= x, i.e. ES+ >= x and the
/// positive extreme dominating) multiplies in the fraction of those j sets that are dominated
/// by their positive extreme: psi(c+1) - psi(j+1).
/// Negative scores use the same ruler on the reversed list.
struct MultilevelRuler {
    private var levels: [RulerLevel] = []
    let sampleSize: Int

    /// - Parameters:
    ///   - weights: |score| in rank order (reversed for negative enrichment).
    ///   - target: the largest ES+ the ruler must reach.
    ///   - maxLevels: stop after this many levels (the eps bound).
    init(weights: [Double], setSize m: Int, target: Double, sampleSize: Int, maxLevels: Int, random: RandomSource) {
        self.sampleSize = sampleSize
        var random = random
        var population = RulerPopulation(size: sampleSize, setSize: m, listSize: weights.count)
        population.drawUniform(random: &random)
        weights.withUnsafeBufferPointer { weights in
            var previousMedian = -Double.infinity
            while true {
                let (level, order) = population.score(weights: weights.baseAddress!)
                levels.append(level)
                let median = level.scores[(sampleSize - 1) / 2]
                if median > target - 1e-10 || median <= previousMedian || levels.count >= maxLevels { break }
                previousMedian = median
                population.keepUpperHalf(order)
                population.move(above: median, weights: weights.baseAddress!, stream: random.split(UInt64(levels.count)))
            }
        }
    }

    /// log P(ES >= x) for x > 0 on this ruler's list, and whether the estimate is reliable:
    /// x within the ruler's reach and at least half of the sets beyond x dominated by their positive extreme.
    func logProbability(atLeast x: Double) -> (log: Double, reliable: Bool) {
        let n = sampleSize, half = (n - 1) / 2
        let levelLog = RMath.digamma(Double(n + 1) / 2) - RMath.digamma(Double(n + 1))
        let index = levels.firstIndex { $0.scores[half] >= x } ?? (levels.count - 1)
        let level = levels[index]
        var firstAtLeast = 0
        while firstAtLeast < n && level.scores[firstAtLeast] < x { firstAtLeast += 1 }
        let beyond = n - firstAtLeast
        let dominant = level.dominant[firstAtLeast...].filter { $0 }.count
        let tail = RMath.digamma(Double(beyond + 1)) - RMath.digamma(Double(n + 1))
        let correction = RMath.digamma(Double(dominant + 1)) - RMath.digamma(Double(beyond + 1))
        let reachable = x <= levels[levels.count - 1].scores[half] + 1e-10
        return (Double(index) * levelLog + tail + correction, reachable && exp(correction) >= 0.5)
    }
}

/// One level's population, scored.
private struct RulerLevel {
    /// ES+ ascending.
    var scores: [Double]
    /// dominant[i]: the set with the i-th score is dominated by its positive extreme.
    var dominant: [Bool]
}

/// The ruler's population: `size` gene sets of `setSize` ranks each, stored ascending in one buffer.
private struct RulerPopulation {
    let size: Int, setSize: Int, listSize: Int
    var ranks: [Int32]

    init(size: Int, setSize: Int, listSize: Int) {
        self.size = size
        self.setSize = setSize
        self.listSize = listSize
        ranks = [Int32](repeating: 0, count: size * setSize)
    }

    mutating func drawUniform(random: inout RandomSource) {
        var pool = (0..<listSize).map { Int32($0) }
        for s in 0..<size {
            for t in 0..<setSize {
                pool.swapAt(t, t + random.index(listSize - t))
                ranks[s * setSize + t] = pool[t]
            }
            ranks[(s * setSize)..<((s + 1) * setSize)].sort()
        }
    }

    /// Scores (ES+) ascending with dominance, and the sets in that order.
    func score(weights: UnsafePointer<Double>) -> (RulerLevel, [Int]) {
        var scores = [Double](repeating: 0, count: size), dominant = [Bool](repeating: false, count: size)
        ranks.withUnsafeBufferPointer { ranks in
            for s in 0..<size {
                let extremes = EnrichmentWalk.extremes(ranks.baseAddress! + s * setSize, count: setSize, weights: weights, listSize: listSize)
                scores[s] = extremes.top
                dominant[s] = extremes.isPositive
            }
        }
        let order = (0..<size).sorted { scores[$0] != scores[$1] ? scores[$0] < scores[$1] : $0 < $1 }
        return (RulerLevel(scores: order.map { scores[$0] }, dominant: order.map { dominant[$0] }), order)
    }

    /// Keeps the sets at or above the median: those above it twice, the median once.
    mutating func keepUpperHalf(_ order: [Int]) {
        let half = (size - 1) / 2
        var next = [Int32]()
        next.reserveCapacity(ranks.count)
        for position in stride(from: size - 1, to: half, by: -1) {
            let set = ranks[(order[position] * setSize)..<((order[position] + 1) * setSize)]
            next.append(contentsOf: set)
            next.append(contentsOf: set)
        }
        next.append(contentsOf: ranks[(order[half] * setSize)..<((order[half] + 1) * setSize)])
        ranks = next
    }

    /// Metropolis moves keeping every set's ES+ >= `bound`, in rounds of max(1, setSize / 10)
    /// proposals per set until the accepted moves add up to size x setSize (at most 1000 rounds).
    /// Every set gets the same number of proposals: stopping a set after a fixed number of
    /// *accepted* moves would favour sets where moves are easy, i.e. high scores.
    /// Set s draws from `stream.split(s)`.
    mutating func move(above bound: Double, weights: UnsafePointer<Double>, stream: RandomSource) {
        let (size, m, n) = (self.size, setSize, listSize)
        let proposalsPerRound = max(1, m / 10)
        nonisolated(unsafe) let weights = weights
        var streams = (0..<size).map { stream.split(UInt64($0)) }
        var acceptedInRound = [Int](repeating: 0, count: size)
        var accepted = 0, rounds = 0
        while accepted < size * m && rounds < 1000 {
            ranks.withUnsafeMutableBufferPointer { all in
                streams.withUnsafeMutableBufferPointer { streams in
                    acceptedInRound.withUnsafeMutableBufferPointer { counts in
                        nonisolated(unsafe) let (all, streams, counts) = (all, streams, counts)
                        Parallel.forEachChunk(size) { range in
                            for s in range {
                                let set = UnsafeMutableBufferPointer(rebasing: all[(s * m)..<((s + 1) * m)])
                                counts[s] = Self.propose(proposalsPerRound, set: set, bound: bound, weights: weights, listSize: n, random: &streams[s])
                            }
                        }
                    }
                }
            }
            accepted += acceptedInRound.reduce(0, +)
            rounds += 1
        }
    }

    /// `count` proposals (swap a random member for a random gene) on one set; returns how many
    /// were accepted. A proposal is first checked at the hit where the current set reaches the
    /// bound (fgsea's candidate), in O(1); only when that fails is the whole walk scanned.
    static func propose(_ count: Int, set: UnsafeMutableBufferPointer<Int32>, bound: Double, weights: UnsafePointer<Double>,
                        listSize n: Int, random: inout RandomSource) -> Int {
        let m = set.count
        let missStep = 1 / Double(n - m)
        var total = 0.0
        for rank in set { total += weights[Int(rank)] }
        var peak: WalkPeak?
        var accepted = 0
        for _ in 0..<count {
            let out = random.index(m), incoming = Int32(random.index(n))
            guard let removed = replace(in: set, at: out, with: incoming) else { continue }
            let newTotal = total - weights[Int(removed)] + weights[Int(incoming)]
            var reached: WalkPeak?
            if newTotal > 0, let moved = peak?.afterSwap(removed: removed, incoming: incoming, weights: weights),
               moved.weight / newTotal - Double(moved.misses) * missStep >= bound {
                reached = moved
            } else {
                reached = EnrichmentWalk.firstReaching(set.baseAddress!, count: m, weights: weights, listSize: n, total: newTotal, bound: bound)
            }
            if let reached {
                total = newTotal
                peak = reached
                accepted += 1
            } else {
                _ = replace(in: set, at: position(of: incoming, in: set), with: removed)
            }
        }
        return accepted
    }

    /// Binary search in the ascending `set`: the index of `rank`, or where it would go.
    @inline(__always)
    static func position(of rank: Int32, in set: UnsafeMutableBufferPointer<Int32>) -> Int {
        var low = 0, high = set.count
        while low < high {
            let mid = (low + high) >> 1
            if set[mid] < rank { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Replaces `set[index]` by `incoming`, keeping the set ascending; returns the removed rank,
    /// or nil (leaving the set unchanged) when `incoming` is already a member.
    @inline(__always)
    static func replace(in set: UnsafeMutableBufferPointer<Int32>, at index: Int, with incoming: Int32) -> Int32? {
        let at = position(of: incoming, in: set)
        if at < set.count && set[at] == incoming { return nil }
        let removed = set[index]
        var i = index
        if at > index {
            while i < at - 1 { set[i] = set[i + 1]; i += 1 }
            set[at - 1] = incoming
        } else {
            while i > at { set[i] = set[i - 1]; i -= 1 }
            set[at] = incoming
        }
        return removed
    }
}
