/// Splits genes into blocks of at most `maxBlockSize` related genes, so that a network too
/// large for memory is built block by block (`--max-block-size`), as WGCNA's
/// `blockwiseModules` does after its pre-clustering. rgmap's pre-clustering is its own,
/// deterministic for a given `--seed`:
///
/// 1. k-means on correlation with k = min(G / 20, 100 G / maxBlockSize) centres (WGCNA's
///    `nPreclusteringCenters`), started from k distinct genes drawn with the seed: each gene
///    joins the centre it correlates with most; each centre becomes its members' mean; until
///    no gene moves (at most 25 rounds).
/// 2. The clusters are packed into blocks: repeatedly, of all pairs whose sizes add up to at
///    most `maxBlockSize`, the two whose centres correlate most are merged. A cluster larger
///    than a block (rare) is cut into blocks by decreasing correlation with its centre.
/// 3. Blocks are ordered by decreasing size; genes keep their input order within a block.
enum BlockPartition {
    static func blocks(_ expression: LabeledMatrix, maxBlockSize: Int, seed: UInt64) -> [[Int]] {
        let genes = expression.rowCount
        guard genes > maxBlockSize else { return [Array(0..<genes)] }
        let samples = expression.columnCount
        var z = [Double](repeating: 0, count: genes * samples)
        _ = z.withUnsafeMutableBufferPointer { out in
            CorrelationTransform(method: .pearson).apply(expression, rows: Array(0..<genes), orders: nil,
                                                        subset: SampleSubset(mask: nil, sampleCount: samples, covariates: nil),
                                                        into: out.baseAddress!)
        }
        let k = max(2, min(genes / 20, 100 * genes / maxBlockSize))
        var clusters = kMeans(z, genes: genes, samples: samples, centres: k, seed: seed)
        clusters = clusters.flatMap { $0.members.count > maxBlockSize ? split($0, z: z, samples: samples, size: maxBlockSize) : [$0] }
        let blocks = pack(clusters, samples: samples, maxBlockSize: maxBlockSize)
        return blocks.map { $0.members.sorted() }.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
    }

    struct Cluster {
        var members: [Int]
        /// Unit-length centred mean of the members' standardized profiles.
        var centre: [Double]
    }

    private static func kMeans(_ z: [Double], genes: Int, samples: Int, centres k: Int, seed: UInt64) -> [Cluster] {
        var rng = RandomSource(seed: seed)
        var pool = Array(0..<genes)
        for i in 0..<k { pool.swapAt(i, i + rng.index(genes - i)) }
        var centres = [Double](repeating: 0, count: k * samples)
        for (c, gene) in pool.prefix(k).enumerated() {
            for s in 0..<samples { centres[c * samples + s] = z[gene * samples + s] }
        }
        var assignment = [Int](repeating: -1, count: genes)
        var similarity = [Double](repeating: 0, count: genes * k)
        for _ in 0..<25 {
            z.withUnsafeBufferPointer { z in
                centres.withUnsafeBufferPointer { c in
                    similarity.withUnsafeMutableBufferPointer { s in
                        BLAS.gemmTransposedB(m: genes, n: k, k: samples, a: z.baseAddress!, lda: samples, b: c.baseAddress!,
                                             ldb: samples, c: s.baseAddress!, ldc: k)
                    }
                }
            }
            var moved = false
            for gene in 0..<genes {
                var best = 0
                for c in 1..<k where similarity[gene * k + c] > similarity[gene * k + best] { best = c }
                if assignment[gene] != best { assignment[gene] = best; moved = true }
            }
            if !moved { break }
            centres = means(of: assignment, z: z, samples: samples, count: k, previous: centres)
        }
        var members = [[Int]](repeating: [], count: k)
        for (gene, c) in assignment.enumerated() { members[c].append(gene) }
        return (0..<k).filter { !members[$0].isEmpty }
            .map { Cluster(members: members[$0], centre: Array(centres[($0 * samples)..<(($0 + 1) * samples)])) }
    }

    /// Each cluster's unit-length mean profile (the previous centre for an empty cluster).
    private static func means(of assignment: [Int], z: [Double], samples: Int, count k: Int, previous: [Double]) -> [Double] {
        var sums = [Double](repeating: 0, count: k * samples), sizes = [Int](repeating: 0, count: k)
        for (gene, c) in assignment.enumerated() {
            sizes[c] += 1
            for s in 0..<samples { sums[c * samples + s] += z[gene * samples + s] }
        }
        for c in 0..<k {
            let row = (c * samples)..<((c + 1) * samples)
            let norm = sums[row].reduce(0) { $0 + $1 * $1 }.squareRoot()
            if sizes[c] == 0 || norm == 0 {
                for i in row { sums[i] = previous[i] }
            } else {
                for i in row { sums[i] /= norm }
            }
        }
        return sums
    }

    /// A cluster larger than a block, cut into blocks by decreasing correlation with its centre.
    private static func split(_ cluster: Cluster, z: [Double], samples: Int, size: Int) -> [Cluster] {
        let score = cluster.members.map { gene in (0..<samples).reduce(0) { $0 + z[gene * samples + $1] * cluster.centre[$1] } }
        let ordered = cluster.members.indices.sorted { score[$0] != score[$1] ? score[$0] > score[$1] : $0 < $1 }.map { cluster.members[$0] }
        return stride(from: 0, to: ordered.count, by: size).map { start in
            Cluster(members: Array(ordered[start..<min(ordered.count, start + size)]), centre: cluster.centre)
        }
    }

    /// Merges the best-correlated pair of clusters that fits in a block, until none fits.
    private static func pack(_ clusters: [Cluster], samples: Int, maxBlockSize: Int) -> [Cluster] {
        var clusters: [Cluster?] = clusters
        let k = clusters.count
        func correlation(_ a: Cluster, _ b: Cluster) -> Double { (0..<samples).reduce(0) { $0 + a.centre[$1] * b.centre[$1] } }
        var similarity = [Double](repeating: 0, count: k * k)
        for i in 0..<k { for j in (i + 1)..<k { similarity[i * k + j] = correlation(clusters[i]!, clusters[j]!) } }
        while true {
            var best: (Int, Int)?, bestValue = -Double.infinity
            for i in 0..<k {
                guard let a = clusters[i] else { continue }
                for j in (i + 1)..<k {
                    guard let b = clusters[j], a.members.count + b.members.count <= maxBlockSize else { continue }
                    if similarity[i * k + j] > bestValue { bestValue = similarity[i * k + j]; best = (i, j) }
                }
            }
            guard let (i, j) = best, let a = clusters[i], let b = clusters[j] else { return clusters.compactMap { $0 } }
            let wa = Double(a.members.count), wb = Double(b.members.count)
            var centre = (0..<samples).map { wa * a.centre[$0] + wb * b.centre[$0] }
            let norm = centre.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 0 { centre = centre.map { $0 / norm } }
            let merged = Cluster(members: a.members + b.members, centre: centre)
            clusters[i] = merged
            clusters[j] = nil
            for other in 0..<k where other != i {
                guard let c = clusters[other] else { continue }
                similarity[min(i, other) * k + max(i, other)] = correlation(merged, c)
            }
        }
    }
}
