import Foundation

/// Writes the `enrichment/` tables (docs/formats.md).
public enum EnrichmentWriter {
    /// `enrichment/ora.tsv`: `query set overlap query_size set_size universe_size p q genes description`,
    /// queries in the given order, within a query by p, then set name; rows without overlap
    /// only with `allSets`. Genes are the overlap, comma-separated, alphabetically; the
    /// description is the set's second GMT field (a GO term's name).
    public static func writeORA(_ results: [[OverRepresentationRow]], queries: [GeneQuery], sets: TestedGeneSets,
                                universe: GeneUniverse, allSets: Bool, to output: OutputDirectory) throws -> Int {
        var rows: [[String]] = []
        for queryRows in results {
            let kept = queryRows.filter { allSets || $0.overlap > 0 }.sorted { a, b in
                a.p != b.p ? a.p < b.p : sets.names[a.set] < sets.names[b.set]
            }
            for row in kept {
                rows.append([queries[row.query].name, sets.names[row.set], String(row.overlap), String(row.querySize),
                             String(row.setSize), String(universe.count), NumberText.text(row.p), NumberText.text(row.q),
                             row.genes.map { universe.genes[Int($0)] }.sorted().joined(separator: ","), sets.descriptions[row.set]])
            }
        }
        try output.writeTable("enrichment/ora.tsv", delimiter: .tab,
                              header: ["query", "set", "overlap", "query_size", "set_size", "universe_size", "p", "q", "genes", "description"],
                              rows: rows)
        return rows.count
    }

    /// `enrichment/universe.txt`: the universe, one gene per line.
    public static func writeUniverse(_ universe: GeneUniverse, to output: OutputDirectory) throws {
        try output.write("enrichment/universe.txt", data: Data((universe.genes.joined(separator: "\n") + "\n").utf8))
    }
}

/// Streams `enrichment/gsea.tsv` (`feature set es nes p q size leading_edge log2err description`) one
/// ranked list at a time, so a run over thousands of features never holds all rows.
/// Within a list, rows go by p, then |NES| (larger first), then set name; the leading edge
/// is in the order of the walk; log2err is NA where fgsea gives none.
public struct GSEATableWriter {
    private var writer: DelimitedTableWriter
    /// Rows with q above this are left out; at 1 or more every row is kept (those without q too).
    private let maxQ: Double
    public private(set) var rowCount = 0

    /// Writes the file atomically: `body` appends the lists.
    public static func write(to output: OutputDirectory, maxQ: Double = 1, body: (inout GSEATableWriter) throws -> Void) throws {
        try output.write("enrichment/gsea.tsv") { handle in
            var table = GSEATableWriter(writer: DelimitedTableWriter(handle: handle, delimiter: .tab), maxQ: maxQ)
            try table.writer.writeRow(["feature", "set", "es", "nes", "p", "q", "size", "leading_edge", "log2err", "description"])
            try body(&table)
            try table.writer.flush()
        }
    }

    private init(writer: DelimitedTableWriter, maxQ: Double) {
        self.writer = writer
        self.maxQ = maxQ
    }

    public mutating func append(list: String, _ result: PrerankedGSEA.Result, sets: TestedGeneSets, universe: GeneUniverse) throws {
        let kept = maxQ >= 1 ? result.rows : result.rows.filter { $0.q <= maxQ }
        let ordered = kept.sorted { a, b in
            // Two NA p (or |NES|) are a tie, broken by what follows (NaN != NaN would leave it unbroken).
            if a.p != b.p && !(a.p.isNaN && b.p.isNaN) { return a.p.isNaN ? false : (b.p.isNaN ? true : a.p < b.p) }
            let (nesA, nesB) = (abs(a.nes), abs(b.nes))
            if nesA != nesB && !(nesA.isNaN && nesB.isNaN) { return nesA.isNaN ? false : (nesB.isNaN ? true : nesA > nesB) }
            return sets.names[a.set] < sets.names[b.set]
        }
        for row in ordered {
            try writer.writeRow([list, sets.names[row.set], NumberText.text(row.es), NumberText.text(row.nes), NumberText.text(row.p),
                                 NumberText.text(row.q), String(row.size), row.leadingEdge.map { universe.genes[Int($0)] }.joined(separator: ","),
                                 NumberText.text(row.log2err), sets.descriptions[row.set]])
        }
        rowCount += ordered.count
    }
}
