/// The multilevel ruler's population: `size` gene sets of `setSize` ranks each, stored
/// ascending in one buffer.
struct RulerPopulation {
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
    /// proposals per set until the accepted moves add up to size x setSize (at most 1000 rounds;
    /// fgsea's rule). Every set gets the same number of proposals: stopping a set after a fixed
    /// number of *accepted* moves would favour sets where moves are easy, i.e. high scores.
    /// Once fewer moves are missing than a round would bring, the round shrinks to what the
    /// acceptance rate so far says is needed (fgsea overshoots by up to a round instead).
    /// Set s draws from `stream.split(s)`; `chunks` is scratch space reused across levels.
    mutating func move(above bound: Double, weights: UnsafePointer<Double>, chunks: ChunkedPopulation, stream: RandomSource) {
        let (size, m) = (self.size, setSize)
        let fullRound = max(1, m / 10)  // fgsea's perturbate: iters = max(1, k * pertPrmtr), pertPrmtr = 0.1
        var streams = (0..<size).map { stream.split(UInt64($0)) }
        var acceptedInRound = [Int](repeating: 0, count: size)
        ranks.withUnsafeMutableBufferPointer { ranks in
            chunks.load(ranks)
            var accepted = 0, proposed = 0, rounds = 0
            // 1000 rounds of m / 10 proposals = 100 m per set for the m moves wanted: reached only
            // when under 1% of proposals are accepted, the rate below which fgsea's ScoreRuler stops (`moves / totalIters < 0.01`).
            while accepted < size * m && rounds < 1000 {
                var round = fullRound
                if accepted > 0 {
                    let perSetNeeded = Double(size * m - accepted) * Double(proposed) / Double(accepted) / Double(size)
                    round = min(fullRound, max(1, Int(perSetNeeded.rounded(.up))))
                }
                streams.withUnsafeMutableBufferPointer { streams in
                    acceptedInRound.withUnsafeMutableBufferPointer { counts in
                        nonisolated(unsafe) let (streams, counts) = (streams, counts)
                        Parallel.forEachChunk(size) { range in
                            for s in range { counts[s] = chunks.propose(round, set: s, bound: bound, random: &streams[s]) }
                        }
                    }
                }
                accepted += acceptedInRound.reduce(0, +)
                proposed += round * size
                rounds += 1
            }
            chunks.store(into: ranks)
        }
    }
}
