import Foundation

/// Settings of preranked GSEA; the defaults are fgsea's (`fgsea()` = `fgseaMultilevel`).
public struct GSEAOptions: Sendable, Equatable {
    /// Random gene sets per set size for NES and the first p-value estimate (fgsea's
    /// nPermSimple = 1000).
    public var permutations = 1000
    /// Population of the multilevel estimate (odd; fgsea's sampleSize = 101).
    public var sampleSize = 101
    /// p-values below this are reported as eps; 0 estimates them all (fgsea's eps = 1e-50).
    public var eps = 1e-50
    public var seed: UInt64 = 1

    public init() {}
}

/// One gene set's preranked GSEA result.
public struct GSEARow: Sendable, Equatable {
    /// Index into the ``TestedGeneSets``.
    public var set: Int
    /// The set's size within the ranked list.
    public var size: Int
    public var es: Double
    /// ES over the mean of the same-signed random scores of its size; NaN when too few random scores have its sign.
    public var nes: Double
    public var p: Double
    public var q: Double
    /// fgsea's expected error of log2(p): its standard deviation.
    public var log2err: Double
    /// The leading edge, universe indices in the order of the walk.
    public var leadingEdge: [Int32]
    /// True when p came from the multilevel estimate rather than the permutations.
    public var multilevel: Bool
}

/// Preranked GSEA of one ranked list against gene sets, as fgsea computes it:
/// ES by ``EnrichmentWalk``; NES and a first p from ``PermutationNull``
/// (p = (1 + #random scores at least as extreme) / (1 + #random scores of the same sign));
/// sets whose p that estimate cannot resolve (fgsea's rule: the multilevel error of log2 p
/// is smaller than the permutation one) get the ``MultilevelRuler`` estimate
/// P(ES_random >= ES) / P(ES_random >= 0); q is BH over the sets with a p.
public enum PrerankedGSEA {
    public struct Result: Sendable {
        public var rows: [GSEARow]
        /// Sets skipped for this list because its unranked genes took them out of the size range.
        public var skipped: Int
        /// Scores tied with another nonzero score (their order is the universe order).
        public var ties: Int
        /// Sets left without NES and p because fewer than 10 random scores had their sign.
        public var unbalanced: Int
    }

    /// - Parameter stream: this list's index among those run with the same seed (each gets its own random stream).
    public static func run(_ list: RankedList, sets: TestedGeneSets, options: GSEAOptions, stream: UInt64) -> Result {
        let order = RankedOrder(list)
        var members: [(set: Int, ranks: [Int32])] = []
        for set in 0..<sets.count {
            let ranks = order.ranks(of: sets.members[set])
            if sets.sizeRange.contains(ranks.count) && ranks.count < order.count { members.append((set, ranks)) }
        }
        let random = RandomSource(seed: options.seed).split(stream)
        var rows = observed(members, order: order)
        let null = PermutationNull(order: order, sizes: Set(members.map { $0.ranks.count }), permutations: options.permutations,
                                   random: random.split(0))
        var unbalanced = 0
        var pending: [Int] = []
        var precision = [PermutationPrecision?](repeating: nil, count: options.permutations + 1)
        for i in rows.indices {
            switch permutationEstimate(&rows[i], null: null, options: options, precision: &precision) {
            case .unbalanced: unbalanced += 1
            case .needsMultilevel: pending.append(i)
            case .done: break
            }
        }
        refineByMultilevel(&rows, pending: pending, null: null, order: order, options: options, random: random)
        for i in rows.indices where rows[i].p < options.eps {
            rows[i].p = options.eps
            rows[i].log2err = .nan
        }
        let q = FalseDiscoveryRate.adjusted(rows.map(\.p), method: .bh)
        for i in rows.indices { rows[i].q = q[i] }
        return Result(rows: rows, skipped: sets.count - members.count, ties: order.ties, unbalanced: unbalanced)
    }

    /// Lists 0..<count side by side (list i exactly as ``run(_:sets:options:stream:)`` with stream
    /// i), each result handed to `deliver` in list order, one at a time, as soon as it and every
    /// list before it are done. No barrier between lists, so one list's serial steps overlap
    /// another's parallel ones and the threads stay busy; only the lists in flight are held.
    /// The first error `deliver` throws stops the lists not yet begun and is rethrown.
    /// - Parameter list: the ranked list i (called from several threads at once).
    public static func runInOrder(_ count: Int, list: (Int) -> RankedList, sets: TestedGeneSets, options: GSEAOptions,
                                  deliver: (RankedList, Result) throws -> Void) throws {
        let lock = NSLock()
        var done: [Int: (RankedList, Result)] = [:]
        var next = 0
        var failure: Error?
        Parallel.perform(count) { i in
            if lock.withLock({ failure != nil }) { return }
            let ranked = list(i)
            let result = run(ranked, sets: sets, options: options, stream: UInt64(i))
            lock.withLock {
                done[i] = (ranked, result)
                while failure == nil, let (ranked, result) = done.removeValue(forKey: next) {
                    do { try deliver(ranked, result) } catch { failure = error }
                    next += 1
                }
            }
        }
        if let failure { throw failure }
    }

    /// ES and leading edge of every set.
    private static func observed(_ members: [(set: Int, ranks: [Int32])], order: RankedOrder) -> [GSEARow] {
        order.weights.withUnsafeBufferPointer { weights in
            members.map { set, ranks in
                let walk = ranks.withUnsafeBufferPointer {
                    EnrichmentWalk.extremes($0.baseAddress!, count: ranks.count, weights: weights.baseAddress!, listSize: order.count)
                }
                let es = walk.score
                let edge: [Int32] = es > 0 ? Array(ranks[...walk.topHit]) : es < 0 ? Array(ranks[walk.bottomHit...].reversed()) : []
                return GSEARow(set: set, size: ranks.count, es: es, nes: .nan, p: .nan, q: .nan, log2err: .nan,
                               leadingEdge: edge.map { order.genes[Int($0)] }, multilevel: false)
            }
        }
    }

    private enum Estimate { case done, needsMultilevel, unbalanced }

    /// NES, the permutation p and its log2 error; whether the multilevel estimate should replace p.
    /// `precision` caches ``PermutationPrecision`` by the count of more extreme random scores.
    private static func permutationEstimate(_ row: inout GSEARow, null: PermutationNull, options: GSEAOptions,
                                            precision: inout [PermutationPrecision?]) -> Estimate {
        let s = null.index(ofSize: row.size)
        let (atLeast, atMost) = null.extremeCounts(s, score: row.es)
        let sameSign = row.es >= 0 ? null.atLeastZero[s] : null.atMostZero[s]
        let meanOfSign = row.es > 0 ? null.positiveSum[s] / Double(null.atLeastZero[s]) : abs(null.negativeSum[s] / Double(null.atMostZero[s]))
        // fgsea: NES and p are NA when fewer than 10 random scores have the observed sign
        // (`modeFraction < 10`, its "unbalanced gene level statistic values" warning).
        guard sameSign >= 10, meanOfSign != 0, !meanOfSign.isNaN else { return .unbalanced }
        row.nes = row.es / meanOfSign
        row.p = min(Double(1 + atMost) / Double(1 + null.atMostZero[s]), Double(1 + atLeast) / Double(1 + null.atLeastZero[s]))
        let moreExtreme = row.es > 0 ? atLeast : atMost
        let known = precision[moreExtreme] ?? PermutationPrecision(moreExtreme: moreExtreme, options: options)
        precision[moreExtreme] = known
        row.log2err = known.log2err
        return known.needsMultilevel ? .needsMultilevel : .done
    }

    /// What a permutation p with `moreExtreme` random scores beyond the observed one is worth.
    private struct PermutationPrecision {
        /// fgsea's log2err of the permutation p.
        var log2err: Double
        /// fgsea's rule: the multilevel estimate's error of log2 p is below the permutations' (95% interval half-width).
        var needsMultilevel: Bool

        init(moreExtreme: Int, options: GSEAOptions) {
            let permutations = Double(options.permutations), k = Double(moreExtreme)
            log2err = (RMath.trigamma(k + 1) - RMath.trigamma(permutations + 1)).squareRoot() / log(2)
            let crude = log2((k + 1) / (permutations + 1))
            // fgsea: the 95% Clopper-Pearson interval, qbeta(0.025, k, n - k + 1) and qbeta(0.975, k + 1, n - k).
            let lower = log2(RMath.betaQuantile(0.025, k, permutations - k + 1))
            let upper = log2(RMath.betaQuantile(0.975, k + 1, permutations - k))
            let permutationError = 0.5 * max(crude - lower, upper - crude)
            needsMultilevel = multilevelError((k + 1) / (permutations + 1), sampleSize: options.sampleSize) < permutationError
        }
    }

    /// fgsea's `multilevelError`: the expected standard deviation of log2 p of the multilevel estimate.
    static func multilevelError(_ p: Double, sampleSize: Int) -> Double {
        let n = Double(sampleSize)
        return (floor(-log2(p) + 1) * (RMath.trigamma((n + 1) / 2) - RMath.trigamma(n + 1))).squareRoot() / log(2)
    }

    /// One ruler per (size, sign) reaching that group's most extreme ES; each set reads its p off it.
    private static func refineByMultilevel(_ rows: inout [GSEARow], pending: [Int], null: PermutationNull, order: RankedOrder,
                                           options: GSEAOptions, random: RandomSource) {
        guard !pending.isEmpty else { return }
        // Largest sets first: they take longest, so the threads finish together.
        let groups = Dictionary(grouping: pending) { rows[$0].size * 2 + (rows[$0].es >= 0 ? 0 : 1) }.sorted { $0.key > $1.key }
        let reversedWeights = Array(order.weights.reversed())
        var updates = [[(Int, Double, Double)]](repeating: [], count: groups.count)
        let snapshot = rows
        updates.withUnsafeMutableBufferPointer { output in
            nonisolated(unsafe) let output = output
            Parallel.perform(groups.count) { g in
                let (key, members) = groups[g]
                let size = key / 2, positive = key % 2 == 0
                let s = null.index(ofSize: size)
                let sameSign = Double(positive ? null.atLeastZero[s] : null.atMostZero[s])
                let denominator = (sameSign + 1) / Double(null.permutations + 1)
                let target = members.map { abs(snapshot[$0].es) }.max()!
                // fgsea's EsRuler stops when its level count k > -log2(0.5 eps ...): one level halves p.
                let maxLevels = options.eps > 0 ? Int(-log2(0.5 * options.eps * denominator)) + 1 : Int.max
                let ruler = MultilevelRuler(weights: positive ? order.weights : reversedWeights, setSize: size, target: target,
                                            sampleSize: options.sampleSize, maxLevels: maxLevels, random: random.split(UInt64(1 + key)))
                output[g] = members.map { index in
                    let (logP, reliable) = ruler.logProbability(atLeast: abs(snapshot[index].es))
                    let p = min(1, exp(logP) / denominator)
                    return (index, p, reliable ? multilevelError(p, sampleSize: options.sampleSize) : .nan)
                }
            }
        }
        for (index, p, error) in updates.joined() {
            rows[index].p = p
            rows[index].log2err = error
            rows[index].multilevel = true
        }
    }
}
