/// Step 2 of ``BlockPartition``: repeatedly, of all pairs of clusters whose sizes add up to
/// at most `maxBlockSize`, the two whose centres correlate most are merged (ties: the pair
/// first in (lower position, higher position) order), until no pair fits. The merged
/// cluster takes the lower position; the result lists the clusters left in position order.
///
/// Only the pairs of the merged cluster change at a merge, so each position keeps a
/// tournament tree over its pairs with the higher positions: a changed pair is one path
/// up a tree, and a position's best pair is its tree's root. A merge costs O(k log k)
/// (k updated pairs, the new cluster's row rebuilt in O(k), the k roots compared), so the
/// packing is O(k^2 log k) where checking every pair at every merge was O(k^3).
struct BlockPacking {
    typealias Cluster = BlockPartition.Cluster

    private var clusters: [Cluster?]
    /// Members per position and whether the position still holds a cluster (the hot loops
    /// read these, not `clusters`).
    private var sizes: [Int]
    private var alive: [Bool]
    /// Centres per position, `samples` values each.
    private var centres: [Double]
    private let k: Int
    private let samples: Int
    private let maxBlockSize: Int
    /// Centre correlation of positions r < c at `rowStart(r) + c - r - 1`.
    private var similarity: [Double]
    /// Per row r, a tournament tree over the k - r - 1 columns after r at 2 `rowStart(r)`:
    /// node 1 is the root, the children of node m are 2m and 2m + 1, the leaf of column c
    /// is node (k - r - 1) + (c - r - 1). A node holds the best column below it that may
    /// be merged with r, or -1.
    private var tree: [Int32]

    static func pack(_ clusters: [Cluster], samples: Int, maxBlockSize: Int) -> [Cluster] {
        var packing = BlockPacking(clusters, samples: samples, maxBlockSize: maxBlockSize)
        while let (i, j) = packing.bestPair() { packing.merge(i, j) }
        return packing.clusters.compactMap { $0 }
    }

    private init(_ clusters: [Cluster], samples: Int, maxBlockSize: Int) {
        self.clusters = clusters
        sizes = clusters.map(\.members.count)
        alive = [Bool](repeating: true, count: clusters.count)
        centres = clusters.flatMap(\.centre)
        k = clusters.count
        self.samples = samples
        self.maxBlockSize = maxBlockSize
        let pairs = k * (k - 1) / 2
        similarity = [Double](repeating: 0, count: pairs)
        tree = [Int32](repeating: -1, count: 2 * pairs)
        for r in 0..<k {
            for c in (r + 1)..<k { similarity[rowStart(r) + c - r - 1] = correlation(r, c) }
            rebuild(row: r)
        }
    }

    /// Dot product of the unit-length centres of two positions, summed in sample order.
    private func correlation(_ a: Int, _ b: Int) -> Double {
        centres.withUnsafeBufferPointer { centres in
            let x = centres.baseAddress! + a * samples, y = centres.baseAddress! + b * samples
            var sum = 0.0
            for s in 0..<samples { sum += x[s] * y[s] }
            return sum
        }
    }

    private func rowStart(_ r: Int) -> Int { r * (k - 1) - r * (r - 1) / 2 }

    /// Column c as a leaf of row r: itself when the pair may be merged, else -1. A pair
    /// whose correlation is NaN (or -infinity) is never merged, as it never beats the
    /// initial -infinity of a scan with `>`.
    @inline(__always)
    private func leaf(row r: Int, column c: Int) -> Int32 {
        guard alive[r], alive[c], sizes[r] + sizes[c] <= maxBlockSize,
              similarity[rowStart(r) + c - r - 1] > -Double.infinity else { return -1 }
        return Int32(c)
    }

    /// The better of two columns of row r: the larger correlation, on a tie the lower column.
    @inline(__always)
    private func better(_ a: Int32, _ b: Int32, row r: Int) -> Int32 {
        if a < 0 { return b }
        if b < 0 { return a }
        let start = rowStart(r) - r - 1
        let va = similarity[start + Int(a)], vb = similarity[start + Int(b)]
        if va > vb { return a }
        if vb > va { return b }
        return min(a, b)
    }

    private mutating func rebuild(row r: Int) {
        let n = k - r - 1, base = 2 * rowStart(r)
        guard n > 0 else { return }
        for c in (r + 1)..<k { tree[base + n + c - r - 1] = leaf(row: r, column: c) }
        for node in stride(from: n - 1, through: 1, by: -1) {
            tree[base + node] = better(tree[base + 2 * node], tree[base + 2 * node + 1], row: r)
        }
    }

    /// Re-reads column c of row r and the path from its leaf towards the root. A node whose
    /// winner stays the same other column leaves everything above it as it was.
    private mutating func update(row r: Int, column c: Int) {
        let n = k - r - 1, base = 2 * rowStart(r)
        var node = n + c - r - 1
        tree[base + node] = leaf(row: r, column: c)
        while node > 1 {
            node /= 2
            let winner = better(tree[base + 2 * node], tree[base + 2 * node + 1], row: r)
            if winner == tree[base + node] && Int(winner) != c { return }
            tree[base + node] = winner
        }
    }

    /// The pair to merge next: of the rows' best pairs, the largest correlation, on a tie
    /// the lowest row; nil when no pair fits in a block.
    private func bestPair() -> (Int, Int)? {
        var best: (Int, Int)?, bestValue = -Double.infinity
        for r in 0..<max(k - 1, 0) where alive[r] {
            let c = Int(tree[2 * rowStart(r) + 1])
            guard c >= 0 else { continue }
            let value = similarity[rowStart(r) + c - r - 1]
            if value > bestValue { bestValue = value; best = (r, c) }
        }
        return best
    }

    /// Merges position j into position i (i < j) (``BlockPartition/Cluster/merged(with:)``).
    private mutating func merge(_ i: Int, _ j: Int) {
        let merged = clusters[i]!.merged(with: clusters[j]!)
        let centre = merged.centre
        clusters[i] = merged
        clusters[j] = nil
        sizes[i] = merged.members.count
        alive[j] = false
        centres.replaceSubrange((i * samples)..<((i + 1) * samples), with: centre)
        for other in 0..<k where other != i && alive[other] {
            let (r, column) = other < i ? (other, i) : (i, other)
            similarity[rowStart(r) + column - r - 1] = correlation(i, other)
        }
        rebuild(row: i)
        for r in 0..<j where r != i && alive[r] {
            if r < i { update(row: r, column: i) }
            update(row: r, column: j)
        }
    }
}
