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
        let equalWeights = total == 0, norm = equalWeights ? Double(m) : total
        var extremes = WalkExtremes(top: -.infinity, bottom: .infinity, topHit: 0, bottomHit: 0)
        var cumulative = 0.0
        for j in 0..<m {
            let weight = equalWeights ? 1 : weights[Int(ranks[j])]
            cumulative += weight
            let top = cumulative / norm - Double(Int(ranks[j]) - j) * missStep
            let bottom = top - weight / norm
            if top > extremes.top { extremes.top = top; extremes.topHit = j }
            if bottom < extremes.bottom { extremes.bottom = bottom; extremes.bottomHit = j }
        }
        return extremes
    }

    /// The first hit where the running sum reaches `bound` (its rank, the misses before it and
    /// the hits' weight up to and including it), or nil when the positive extreme stays below;
    /// `total` is the set's sum of weights (0: equal weights).
    @inline(__always)
    static func firstReaching(_ ranks: UnsafePointer<Int32>, count m: Int, weights: UnsafePointer<Double>, listSize n: Int,
                              total: Double, bound: Double) -> WalkPeak? {
        let missStep = 1 / Double(n - m)
        let equalWeights = total == 0, norm = equalWeights ? Double(m) : total
        var cumulative = 0.0
        for j in 0..<m {
            cumulative += equalWeights ? 1 : weights[Int(ranks[j])]
            let misses = Int(ranks[j]) - j
            if cumulative / norm - Double(misses) * missStep >= bound {
                return WalkPeak(rank: ranks[j], misses: misses, weight: cumulative)
            }
        }
        return nil
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
