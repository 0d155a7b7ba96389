import Foundation

/// The best few enrichment results of each query, kept while the full tables stream to
/// disk, for the report.
public struct EnrichmentHighlights: Sendable {
    /// One result line: the query (module, feature list or ranked list), the set, what
    /// measures the effect (`12/150 genes`, `NES 2.31`) and its p and q.
    public struct Row: Sendable, Equatable {
        public var query: String
        public var set: String
        /// The set's description from the GMT (for GO sets, the term's name).
        public var description: String
        public var effect: String
        public var p: Double
        public var q: Double
    }

    /// How many results per query are kept.
    public var perQuery: Int
    public private(set) var ora: [Row] = []
    public private(set) var gsea: [Row] = []

    public init(perQuery: Int = 3) { self.perQuery = perQuery }

    /// Keeps the best ORA results (smallest p, then set name) of one query.
    public mutating func addORA(query: String, _ rows: [OverRepresentationRow], sets: TestedGeneSets) {
        let best = rows.filter { $0.overlap > 0 }.sorted { $0.p != $1.p ? $0.p < $1.p : sets.names[$0.set] < sets.names[$1.set] }
        ora += best.prefix(perQuery).map {
            Row(query: query, set: sets.names[$0.set], description: sets.descriptions[$0.set], effect: "\($0.overlap)/\($0.querySize) genes", p: $0.p, q: $0.q)
        }
    }

    /// Keeps the best GSEA results (smallest p, then largest |NES|) of one ranked list.
    public mutating func addGSEA(list: String, _ rows: [GSEARow], sets: TestedGeneSets) {
        let best = rows.filter { !$0.p.isNaN }.sorted { $0.p != $1.p ? $0.p < $1.p : abs($0.nes) > abs($1.nes) }
        gsea += best.prefix(perQuery).map {
            Row(query: list, set: sets.names[$0.set], description: sets.descriptions[$0.set], effect: "NES " + String(format: "%.2f", $0.nes), p: $0.p, q: $0.q)
        }
    }
}
