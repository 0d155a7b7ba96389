/// Splits genes into blocks of at most `maxBlockSize` related genes, so that a network too
/// large for memory is built block by block (``ModuleDetectionOptions/maxBlockSize``), as WGCNA's
/// `blockwiseModules` does after its pre-clustering. rgmap's pre-clustering is its own,
/// deterministic for a given seed:
///
/// 1. k-means on correlation with k = min(G / 20, 100 G / maxBlockSize) centres (WGCNA's
///    `nPreclusteringCenters`), started from k distinct genes drawn with the seed: each gene
///    joins the centre it correlates with most; each centre becomes its members' mean; until
///    no gene moves (at most 25 rounds).
/// 2. The clusters are packed into blocks: repeatedly, of all pairs whose sizes add up to at
///    most `maxBlockSize`, the two whose centres correlate most are merged (``BlockPacking``).
///    A cluster larger than a block (rare) is cut into blocks by decreasing correlation with
///    its centre first.
/// 3. Blocks are ordered by decreasing size; genes keep their input order within a block.
enum BlockPartition {
    static func blocks(_ expression: LabeledMatrix, maxBlockSize: Int, seed: UInt64) -> [[Int]] {
        let genes = expression.rowCount
        guard genes > maxBlockSize else { return [Array(0..<genes)] }
        let samples = expression.columnCount
        var z = [Double](repeating: 0, count: genes * samples)
        _ = z.withUnsafeMutableBufferPointer { out in
            CorrelationTransform(method: .pearson).apply(expression, rows: Array(0..<genes), orders: nil,
                                                        subset: SampleSubset(mask: nil, sampleCount: samples),
                                                        into: out.baseAddress!)
        }
        // WGCNA's nPreclusteringCenters = min(ncol / 20, 100 ncol / maxBlockSize); at least 2
        // centres, since more genes than a block must be split.
        let k = max(2, min(genes / 20, 100 * genes / maxBlockSize))
        var clusters = kMeans(z, genes: genes, samples: samples, centres: k, seed: seed)
        clusters = clusters.flatMap { $0.members.count > maxBlockSize ? split($0, z: z, samples: samples, size: maxBlockSize) : [$0] }
        let blocks = BlockPacking.pack(clusters, samples: samples, maxBlockSize: maxBlockSize)
        return blocks.map { $0.members.sorted() }.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
    }

    struct Cluster {
        var members: [Int]
        /// Unit-length centred mean of the members' standardized profiles.
        var centre: [Double]

        /// This cluster and `other` as one: members appended, centre the size-weighted mean of
        /// the two centres, scaled to unit length.
        func merged(with other: Cluster) -> Cluster {
            let wa = Double(members.count), wb = Double(other.members.count)
            var centre = centre.indices.map { wa * self.centre[$0] + wb * other.centre[$0] }
            let norm = centre.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 0 { centre = centre.map { $0 / norm } }
            return Cluster(members: members + other.members, centre: centre)
        }
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
        // A cap, not a target (rgmap's own; WGCNA's projectiveKMeans caps at maxIterations =
        // 1000): blocks only need related genes together, and the loop ends earlier once no gene moves.
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
}
