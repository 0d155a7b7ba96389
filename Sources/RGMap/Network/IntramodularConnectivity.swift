/// WGCNA's `intramodularConnectivity`: from an adjacency (diagonal ignored), each gene's
/// total connectivity and its connectivity within its own module, 0 in modules of fewer
/// than 3 genes (as WGCNA sets it). The adjacency is read a block of rows at a time.
public struct IntramodularConnectivity: Sendable {
    public var total: [Double]
    public var within: [Double]

    init(_ adjacency: AdjacencyBlocks, labels: [Int]) {
        let n = labels.count
        precondition(adjacency.genes == n, "one label per gene of the network")
        var sizes: [Int: Int] = [:]
        for label in labels { sizes[label, default: 0] += 1 }
        var total = [Double](repeating: 0, count: n), within = total
        total.withUnsafeMutableBufferPointer { total in
            within.withUnsafeMutableBufferPointer { within in
                adjacency.forEachBlock { rows, block in
                    // 8 rows a chunk: each row sums all genes, so a chunk is worth a thread.
                    Parallel.forEachChunk(rows.count, minimumChunk: 8) { local in
                        for offset in local {
                            let i = rows.lowerBound + offset, row = offset * n
                            var all = 0.0, own = 0.0
                            for j in 0..<n where j != i {
                                let value = abs(block[row + j])
                                if value.isNaN { continue }
                                all += value
                                if labels[j] == labels[i] { own += value }
                            }
                            total[i] = all
                            // intramodularConnectivity: kWithin is 0 in modules of fewer than 3 genes (`sum(rest1) < 3`).
                            within[i] = sizes[labels[i]]! < 3 ? 0 : own
                        }
                    }
                }
            }
        }
        self.total = total
        self.within = within
    }
}
