/// The extremes of a gene set's running sum along a ranked list.
struct WalkExtremes: Equatable {
    /// Highest value of the running sum (reached just after a hit).
    var top: Double
    /// Lowest value (reached just before a hit).
    var bottom: Double
    /// The hits (0-based, in rank order) where they are reached, first occurrence.
    var topHit: Int
    var bottomHit: Int

    /// The enrichment score: the extreme farther from zero; 0 when both are equally far.
    var score: Double { top == -bottom ? 0 : (top > -bottom ? top : bottom) }
    /// True when the positive extreme dominates.
    var isPositive: Bool { top > -bottom }
}

/// The weighted Kolmogorov-Smirnov running sum of Subramanian et al. (2005), GSEA weight 1:
/// walking down a list of N genes, a hit adds |r_i| / N_R (N_R = the set's sum of |r|), a miss
/// subtracts 1 / (N - m). Its extremes lie at the hits, so a set of m genes costs O(m):
/// after hit j (0-based, at rank s_j) the sum is (sum_{i <= j} |r_{s_i}|) / N_R - (s_j - j) / (N - m).
/// This is fgsea's `calcGseaStat`; a set whose hits all weigh 0 weighs them equally.
enum EnrichmentWalk {
    static func extremes(_ ranks: UnsafePointer<Int32>, count m: Int, weights: UnsafePointer<Double>, listSize n: Int) -> WalkExtremes {
        var total = 0.0
        for j in 0..<m { total += weights[Int(ranks[j])] }
        let missStep = 1 / Double(n - m)
        let equalWeights = total == 0, scale = 1 / (equalWeights ? Double(m) : total)
        var extremes = WalkExtremes(top: -.infinity, bottom: .infinity, topHit: 0, bottomHit: 0)
        var cumulative = 0.0
        for j in 0..<m {
            let weight = equalWeights ? 1 : weights[Int(ranks[j])]
            cumulative += weight
            let top = cumulative * scale - Double(Int(ranks[j]) - j) * missStep
            let bottom = top - weight * scale
            if top > extremes.top { extremes.top = top; extremes.topHit = j }
            if bottom < extremes.bottom { extremes.bottom = bottom; extremes.bottomHit = j }
        }
        return extremes
    }

    /// The enrichment score alone (``WalkExtremes/score``) given the set's weight `total`, for the
    /// permutation null's many walks. Two hits a step, with separate extremes for each, so that
    /// the running sum's and the extremes' dependency chains are half as long; the sum at the
    /// second hit is rounded once from the pair's weight (its last bit may differ from ``extremes``).
    @inline(__always)
    static func score(_ ranks: UnsafePointer<Int32>, count m: Int, weights: UnsafePointer<Double>, listSize n: Int, total: Double) -> Double {
        let missStep = 1 / Double(n - m)
        let equalWeights = total == 0, scale = 1 / (equalWeights ? Double(m) : total)
        var top0 = -Double.infinity, top1 = -Double.infinity, bottom0 = Double.infinity, bottom1 = Double.infinity
        var cumulative = 0.0, j = 0
        // Written as selects so that they compile to maxsd/minsd (Swift's max does not).
        while j &+ 1 < m {
            let r0 = Int(ranks[j]), r1 = Int(ranks[j &+ 1])
            let w0 = equalWeights ? 1 : weights[r0], w1 = equalWeights ? 1 : weights[r1]
            let sum0 = cumulative + w0, sum1 = cumulative + (w0 + w1)
            cumulative = sum1
            let high0 = sum0 * scale - Double(r0 &- j) * missStep
            let high1 = sum1 * scale - Double(r1 &- j &- 1) * missStep
            top0 = high0 > top0 ? high0 : top0
            top1 = high1 > top1 ? high1 : top1
            let low0 = high0 - w0 * scale, low1 = high1 - w1 * scale
            bottom0 = low0 < bottom0 ? low0 : bottom0
            bottom1 = low1 < bottom1 ? low1 : bottom1
            j &+= 2
        }
        if j < m {
            let w0 = equalWeights ? 1 : weights[Int(ranks[j])]
            cumulative += w0
            let high0 = cumulative * scale - Double(Int(ranks[j]) &- j) * missStep
            top0 = high0 > top0 ? high0 : top0
            let low0 = high0 - w0 * scale
            bottom0 = low0 < bottom0 ? low0 : bottom0
        }
        let top = top1 > top0 ? top1 : top0, bottom = bottom1 < bottom0 ? bottom1 : bottom0
        return top == -bottom ? 0 : (top > -bottom ? top : bottom)
    }
}

/// A point of the running sum at a hit: enough to re-evaluate it in O(1) after a swap elsewhere.
struct WalkPeak {
    var rank: Int32
    var misses: Int
    /// Weight of the hits up to and including this one.
    var weight: Double

    /// The peak after replacing the member `removed` by `incoming`, nil when the peak itself was removed.
    @inline(__always)
    func afterSwap(removed: Int32, incoming: Int32, weights: UnsafePointer<Double>) -> WalkPeak? {
        guard removed != rank else { return nil }
        var peak = self
        if removed < rank { peak.weight -= weights[Int(removed)]; peak.misses += 1 }
        if incoming < rank { peak.weight += weights[Int(incoming)]; peak.misses -= 1 }
        return peak
    }
}
