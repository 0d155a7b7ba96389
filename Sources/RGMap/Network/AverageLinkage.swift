/// Average-linkage agglomerative clustering (R's `hclust(method = "average")`, UPGMA) by the
/// nearest-neighbour chain: O(n^2) time, and no memory beyond the n x n dissimilarities,
/// which it works on in place.
///
/// Average linkage is reducible, so the chain finds the same merges as the textbook
/// closest-pair loop; they are then put in order of height (a merge always after those it
/// builds on) and numbered as R numbers them. Equal heights may be merged in another order
/// than R's, which changes the numbering but not the tree.
enum AverageLinkage {
    /// `dissimilarity` is n x n, symmetric, row-major; it is overwritten.
    static func cluster<Scalar: NetworkScalar>(dissimilarity d: inout [Scalar], count n: Int) -> Dendrogram {
        guard n > 1 else { return Dendrogram(merges: [], heights: []) }
        var size = [Int](repeating: 1, count: n)
        // Height of the cluster in each slot: a merge is never lower than what it merges, even
        // when rounding makes an average a hair smaller, so ordering by height keeps children first.
        var clusterHeight = [Double](repeating: -.infinity, count: n)
        var active = [Bool](repeating: true, count: n)
        var chain: [Int] = []
        chain.reserveCapacity(n)
        // Merges as found: the slots merged (the first keeps the new cluster) and the height.
        var found: [(keep: Int, gone: Int, height: Double)] = []
        found.reserveCapacity(n - 1)
        var nextStart = 0
        d.withUnsafeMutableBufferPointer { d in
            while found.count < n - 1 {
                if chain.isEmpty {
                    while !active[nextStart] { nextStart += 1 }
                    chain.append(nextStart)
                }
                let a = chain[chain.count - 1]
                let previous = chain.count >= 2 ? chain[chain.count - 2] : -1
                // Nearest active neighbour of a; the previous link wins a tie (the chain's rule).
                var nearest = previous, best: Scalar = previous >= 0 ? d[a * n + previous] : .infinity
                for x in 0..<n where active[x] && x != a {
                    let value = d[a * n + x]
                    if value < best { best = value; nearest = x }
                }
                guard nearest != previous else {
                    chain.removeLast(2)
                    let keep = min(a, previous), gone = max(a, previous)
                    let height = max(Double(best), clusterHeight[keep], clusterHeight[gone])
                    found.append((keep, gone, height))
                    clusterHeight[keep] = height
                    active[gone] = false
                    // Lance-Williams for the average: sizes weight the two old distances.
                    let wa = Scalar(size[keep]), wb = Scalar(size[gone])
                    for x in 0..<n where active[x] && x != keep {
                        let value = (wa * d[keep * n + x] + wb * d[gone * n + x]) / (wa + wb)
                        d[keep * n + x] = value
                        d[x * n + keep] = value
                    }
                    size[keep] += size[gone]
                    continue
                }
                chain.append(nearest)
            }
        }
        return numbered(found, leaves: n)
    }

    /// Clusters the dissimilarities 1 - s of a packed similarity. The square working copy
    /// is built in `workspace` (any n x n buffer no longer needed, such as the adjacency)
    /// or, when it is empty, in a new one.
    static func cluster<Scalar: NetworkScalar>(oneMinus similarity: PackedLowerTriangle<Scalar>, workspace: inout [Scalar]) -> Dendrogram {
        let n = similarity.count
        if workspace.count != n * n {
            workspace = [Scalar](unsafeUninitializedCapacity: n * n) { _, initialized in initialized = n * n }
        }
        workspace.withUnsafeMutableBufferPointer { d in
            similarity.values.withUnsafeBufferPointer { s in
                // 16 rows a chunk: each row is up to n values, so a chunk is worth a thread.
                Parallel.forEachChunk(n, minimumChunk: 16) { rows in
                    for i in rows {
                        let packed = PackedLowerTriangle<Scalar>.offset(row: i)
                        for j in 0..<i { d[i * n + j] = 1 - s[packed + j] }
                    }
                }
                Parallel.forEachChunk(n, minimumChunk: 16) { rows in  // as above
                    for i in rows {
                        d[i * n + i] = 0
                        for j in (i + 1)..<n { d[i * n + j] = d[j * n + i] }
                    }
                }
            }
        }
        return cluster(dissimilarity: &workspace, count: n)
    }

    /// R's numbering of merges found in `found` order (children always before parents).
    private static func numbered(_ found: [(keep: Int, gone: Int, height: Double)], leaves n: Int) -> Dendrogram {
        let order = found.indices.sorted { found[$0].height < found[$1].height || (found[$0].height == found[$1].height && $0 < $1) }
        var label = (0..<n).map { -($0 + 1) }  // current cluster of each slot, in R's terms
        var merges: [(Int, Int)] = [], heights: [Double] = []
        for (step, index) in order.enumerated() {
            let (keep, gone, height) = found[index]
            var x = label[keep], y = label[gone]
            if x > 0 && y < 0 || (x < 0 && y < 0 && x < y) || (x > 0 && y > 0 && x > y) { swap(&x, &y) }
            merges.append((x, y))
            heights.append(height)
            label[keep] = step + 1
        }
        return Dendrogram(merges: merges, heights: heights)
    }
}
