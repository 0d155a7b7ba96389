#if canImport(Glibc)
import Glibc
#endif

/// Enrichment scores of random gene sets, for every set size a ranked list needs.
///
/// Permutation i draws one random ordering of the genes and uses its first m genes as the
/// random set of size m, for every size m at once (as fgsea's simple permutations do): the
/// sizes share draws, each size alone is an exact uniform sample of m-gene sets.
/// Permutations come in fixed chunks, each with its own random stream, so the result does
/// not depend on the number of threads.
struct PermutationNull {
    /// The set sizes, ascending.
    let sizes: [Int]
    /// For each size, the null scores sorted ascending.
    let sorted: [[Double]]
    /// For each size: how many null scores are >= 0 and <= 0, and the sums of their positive and negative parts.
    let atLeastZero: [Int], atMostZero: [Int]
    let positiveSum: [Double], negativeSum: [Double]
    let permutations: Int
    private let indexOfSize: [Int: Int]

    /// Permutations per random stream: fgsea's 1000 make 40 chunks, enough to keep the threads
    /// balanced. Part of the results: another value draws other random sets (and p-values).
    static let chunk = 25

    init(order: RankedOrder, sizes: Set<Int>, permutations: Int, random: RandomSource) {
        let sizes = sizes.sorted()
        self.sizes = sizes
        self.permutations = permutations
        indexOfSize = Dictionary(uniqueKeysWithValues: sizes.enumerated().map { ($1, $0) })
        // Size s's scores are flat[s * permutations ..< (s + 1) * permutations], in permutation order.
        var flat = [Double](repeating: 0, count: sizes.count * permutations)
        if let largest = sizes.last, permutations > 0 {
            let chunks = (permutations + Self.chunk - 1) / Self.chunk
            flat.withUnsafeMutableBufferPointer { output in
                nonisolated(unsafe) let output = output
                Parallel.perform(chunks) { chunk in
                    var stream = random.split(UInt64(chunk))
                    let range = (chunk * Self.chunk)..<min(permutations, (chunk + 1) * Self.chunk)
                    Self.draw(range, largest: largest, sizes: sizes, order: order, random: &stream) { sizeIndex, permutation, score in
                        output[sizeIndex * permutations + permutation] = score
                    }
                }
            }
        }
        let scores = sizes.indices.map { flat[($0 * permutations)..<(($0 + 1) * permutations)] }
        atLeastZero = scores.map { $0.reduce(0) { $1 >= 0 ? $0 + 1 : $0 } }
        atMostZero = scores.map { $0.reduce(0) { $1 <= 0 ? $0 + 1 : $0 } }
        positiveSum = scores.map { $0.reduce(0) { $0 + max($1, 0) } }
        negativeSum = scores.map { $0.reduce(0) { $0 + min($1, 0) } }
        sorted = scores.map { $0.sorted() }
    }

    /// Partial Fisher-Yates over the ranks; the drawn ranks are kept sorted by insertion and
    /// scored whenever their count is a needed size.
    private static func draw(_ permutations: Range<Int>, largest: Int, sizes: [Int], order: RankedOrder,
                             random: inout RandomSource, record: (Int, Int, Double) -> Void) {
        let n = order.count
        var pool = (0..<n).map { Int32($0) }
        var swaps = [Int](repeating: 0, count: largest)
        var drawn = [Int32](repeating: 0, count: largest)
        var sizeIndex = [Int](repeating: -1, count: largest + 1)
        for (index, size) in sizes.enumerated() { sizeIndex[size] = index }
        order.weights.withUnsafeBufferPointer { weights in
            drawn.withUnsafeMutableBufferPointer { drawn in
                for permutation in permutations {
                    var total = 0.0
                    for t in 0..<largest {
                        let pick = t + random.index(n - t)
                        pool.swapAt(t, pick)
                        swaps[t] = pick
                        insertSorted(pool[t], into: drawn, count: t)
                        total += weights[Int(pool[t])]
                        if sizeIndex[t + 1] >= 0 {
                            record(sizeIndex[t + 1], permutation,
                                   EnrichmentWalk.score(drawn.baseAddress!, count: t + 1, weights: weights.baseAddress!, listSize: n, total: total))
                        }
                    }
                    for t in stride(from: largest - 1, through: 0, by: -1) { pool.swapAt(t, swaps[t]) }
                }
            }
        }
    }

    /// Inserts `value` into the ascending `buffer[0..<count]`.
    @inline(__always)
    static func insertSorted(_ value: Int32, into buffer: UnsafeMutableBufferPointer<Int32>, count: Int) {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) >> 1
            if buffer[mid] < value { low = mid + 1 } else { high = mid }
        }
        let base = buffer.baseAddress!
        memmove(base + low + 1, base + low, (count - low) * MemoryLayout<Int32>.stride)
        base[low] = value
    }

    func index(ofSize size: Int) -> Int { indexOfSize[size]! }

    /// How many null scores of size index `s` are >= `score` and <= `score`.
    func extremeCounts(_ s: Int, score: Double) -> (atLeast: Int, atMost: Int) {
        let values = sorted[s]
        var low = 0, high = values.count
        while low < high { let mid = (low + high) >> 1; if values[mid] < score { low = mid + 1 } else { high = mid } }
        let atLeast = values.count - low
        low = 0; high = values.count
        while low < high { let mid = (low + high) >> 1; if values[mid] <= score { low = mid + 1 } else { high = mid } }
        return (atLeast, low)
    }
}
