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
    /// fgsea's slack between a score and the target: `EsRuler::extend` goes on `while
    /// (enrichmentScores.back() <= ES - 1e-10)`, so a median within 1e-10 below the target
    /// (rounding in the running sums) counts as reaching it.
    static let scoreSlack = 1e-10

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
            let chunks = ChunkedPopulation(size: sampleSize, setSize: m, weights: weights.baseAddress!, listSize: weights.count)
            var previousMedian = -Double.infinity
            while true {
                let (level, order) = population.score(weights: weights.baseAddress!)
                levels.append(level)
                let median = level.scores[(sampleSize - 1) / 2]
                if median > target - Self.scoreSlack || median <= previousMedian || levels.count >= maxLevels { break }
                previousMedian = median
                population.keepUpperHalf(order)
                population.move(above: median, weights: weights.baseAddress!, chunks: chunks, stream: random.split(UInt64(levels.count)))
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
        // Within the slack the ruler stopped at; beyond it the estimate is only a bound.
        let reachable = x <= levels[levels.count - 1].scores[half] + Self.scoreSlack
        // fgsea's calcLogCorrection: reliable while exp(condProb) >= 0.5.
        return (Double(index) * levelLog + tail + correction, reachable && exp(correction) >= 0.5)
    }
}

/// One level's population, scored.
struct RulerLevel {
    /// ES+ ascending.
    var scores: [Double]
    /// dominant[i]: the set with the i-th score is dominated by its positive extreme.
    var dominant: [Bool]
}
