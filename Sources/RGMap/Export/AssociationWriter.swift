import Foundation

/// Writes the association tables: the significant pairs of an ``AssociationMap``
/// (`map/associations.tsv`) and the mutation tests (`map/mutations.tsv`). The matrices of
/// every pair are written by ``AssociationMatrixFile``.
public enum AssociationWriter {
    public static let tableHeader = ["feature", "gene", "r", "p", "q", "n"]

    /// Pairs with q <= `maxQ`, sorted by q, then feature and gene name (byte order).
    public static func significantPairs(_ map: AssociationMap) -> [Int] {
        let g = map.geneCount
        var perFeature = [[Int]](repeating: [], count: map.featureCount)
        map.q.withUnsafeBufferPointer { q in
            perFeature.withUnsafeMutableBufferPointer { perFeature in
                Parallel.forEachChunk(map.featureCount, minimumChunk: 16) { features in
                    for f in features {
                        for k in (f * g)..<((f + 1) * g) where q[k] <= map.options.maxQ { perFeature[f].append(k) }
                    }
                }
            }
        }
        let featureRank = byteOrderRanks(map.features), geneRank = byteOrderRanks(map.genes)
        var selected = perFeature.flatMap { $0 }
        selected.sort { a, b in
            if map.q[a] != map.q[b] { return map.q[a] < map.q[b] }
            let fa = featureRank[a / g], fb = featureRank[b / g]
            if fa != fb { return fa < fb }
            return geneRank[a % g] < geneRank[b % g]
        }
        return selected
    }

    /// Each label's position when the labels are sorted by their UTF-8 bytes.
    private static func byteOrderRanks(_ labels: [String]) -> [Int32] {
        let order = labels.indices.sorted { labels[$0].utf8.lexicographicallyPrecedes(labels[$1].utf8) }
        var rank = [Int32](repeating: 0, count: labels.count)
        for (position, index) in order.enumerated() { rank[index] = Int32(position) }
        return rank
    }

    /// `map/associations.tsv`, formatted in parallel chunks and streamed in order.
    public static func writeTable(_ map: AssociationMap, to output: OutputDirectory, path: String = "map/associations.tsv") throws -> Int {
        let rows = significantPairs(map)
        try output.write(path) { handle in
            try handle.write(contentsOf: Data((tableHeader.joined(separator: "\t") + "\n").utf8))
            let chunk = 1 << 16
            var start = 0
            while start < rows.count {
                let end = min(rows.count, start + 8 * chunk)
                var pieces = [[UInt8]](repeating: [], count: (end - start + chunk - 1) / chunk)
                pieces.withUnsafeMutableBufferPointer { pieces in
                    Parallel.forEachChunk(pieces.count) { range in
                        for piece in range {
                            var buffer: [UInt8] = []
                            buffer.reserveCapacity(chunk * 64)
                            for k in rows[(start + piece * chunk)..<min(end, start + (piece + 1) * chunk)] {
                                appendRow(map, k, to: &buffer)
                            }
                            pieces[piece] = buffer
                        }
                    }
                }
                for piece in pieces { try handle.write(contentsOf: piece) }
                start = end
            }
        }
        return rows.count
    }

    private static func appendRow(_ map: AssociationMap, _ k: Int, to buffer: inout [UInt8]) {
        let g = map.geneCount
        NumberText.append(map.features[k / g], to: &buffer)
        buffer.append(0x09)
        NumberText.append(map.genes[k % g], to: &buffer)
        buffer.append(0x09)
        NumberText.append(map.r[k], to: &buffer)
        buffer.append(0x09)
        NumberText.append(map.p[k], to: &buffer)
        buffer.append(0x09)
        NumberText.append(map.q[k], to: &buffer)
        buffer.append(0x09)
        NumberText.append(Int(map.pairs[k]), to: &buffer)
        buffer.append(0x0A)
    }

    /// `map/mutations.tsv`: every feature x mutated-gene row, sorted by q (NA last), feature, gene.
    public static func writeMutations(_ mutations: MutationMap, to output: OutputDirectory,
                                      path: String = "map/mutations.tsv") throws {
        let rows = mutations.rows.sorted { a, b in
            // Two NA q are a tie, broken by the names like any other (NaN != NaN would leave it unbroken).
            if a.q != b.q && !(a.q.isNaN && b.q.isNaN) { return a.q.isNaN ? false : (b.q.isNaN ? true : a.q < b.q) }
            if a.feature != b.feature { return a.feature.utf8.lexicographicallyPrecedes(b.feature.utf8) }
            return a.gene.utf8.lexicographicallyPrecedes(b.gene.utf8)
        }
        let header = ["feature", "gene", "n_mut", "n_wt", "r_pb", "p_t", "p_wilcox", "q"]
        try output.writeTable(path, delimiter: .tab, header: header, rows: rows.map { row in
            [row.feature, row.gene, String(row.mutated), String(row.wildType), NumberText.text(row.pointBiserial),
             NumberText.text(row.pWelch), NumberText.text(row.pWilcoxon), NumberText.text(row.q)]
        })
    }
}
