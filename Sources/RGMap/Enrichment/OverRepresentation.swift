import Foundation

/// A list of genes to test for over-representation (a module, a feature's associated genes,
/// a user's list), already intersected with the universe.
public struct GeneQuery: Sendable, Equatable {
    public var name: String
    /// Universe indices, without repeats, in the list's own order.
    public var genes: [Int32]
    /// Genes of the original list that are not in the universe (not counted).
    public var outsideUniverse: Int

    public init(name: String, genes: [Int32], outsideUniverse: Int = 0) {
        var seen = Set<Int32>()
        self.name = name
        self.genes = genes.filter { seen.insert($0).inserted }
        self.outsideUniverse = outsideUniverse
    }

    /// Looks up `names` in the universe; names outside it are counted, not kept.
    public init(name: String, names: [String], universe: GeneUniverse) {
        let found = names.compactMap { universe.index(of: $0) }
        self.init(name: name, genes: found, outsideUniverse: names.count - found.count)
    }
}

/// One query against one gene set.
public struct OverRepresentationRow: Sendable, Equatable {
    /// Index into the queries tested.
    public var query: Int
    /// Index into the ``TestedGeneSets``.
    public var set: Int
    public var overlap: Int
    public var querySize: Int
    public var setSize: Int
    public var p: Double
    public var q: Double
    /// The overlapping genes as universe indices, ascending.
    public var genes: [Int32]
}

/// Over-representation analysis: the hypergeometric upper tail
/// P(X >= k) = `phyper(k - 1, K, N - K, n, lower.tail = FALSE)` (one-sided Fisher's exact test),
/// with N the universe, K a set's size and n the query's size within it, and k their overlap.
/// q is BH over every tested set of the query, sets without overlap (p = 1) included.
public enum OverRepresentation {
    /// Every query against every set; rows grouped by query, sets in their tested order.
    /// - Parameter keepingEmpty: keep the rows of sets without overlap (they still count in q
    ///   either way); without them, thousands of feature queries against GO fit in little memory.
    /// - Parameter progress: called with the queries done so far, one call at a time.
    public static func test(_ queries: [GeneQuery], sets: TestedGeneSets, universeSize: Int,
                            keepingEmpty: Bool = true, progress: ProgressCallback? = nil) -> [[OverRepresentationRow]] {
        var results = [[OverRepresentationRow]](repeating: [], count: queries.count)
        let lock = NSLock()
        nonisolated(unsafe) var done = 0
        results.withUnsafeMutableBufferPointer { output in
            nonisolated(unsafe) let output = output
            Parallel.forEachChunk(queries.count) { range in
                var inQuery = [Bool](repeating: false, count: universeSize)
                for index in range {
                    let rows = test(queries[index], number: index, sets: sets, universeSize: universeSize, inQuery: &inQuery)
                    output[index] = keepingEmpty ? rows : rows.filter { $0.overlap > 0 }
                    if let progress { lock.withLock { done += 1; progress(done, queries.count) } }
                }
            }
        }
        return results
    }

    private static func test(_ query: GeneQuery, number: Int, sets: TestedGeneSets, universeSize: Int,
                             inQuery: inout [Bool]) -> [OverRepresentationRow] {
        for gene in query.genes { inQuery[Int(gene)] = true }
        defer { for gene in query.genes { inQuery[Int(gene)] = false } }
        let n = query.genes.count
        var rows: [OverRepresentationRow] = []
        rows.reserveCapacity(sets.count)
        for set in 0..<sets.count {
            let members = sets.members[set]
            let shared = members.filter { inQuery[Int($0)] }
            let p = shared.isEmpty ? 1 : RMath.hypergeometricUpperTail(atLeast: shared.count, white: members.count,
                                                                      total: universeSize, drawn: n)
            rows.append(OverRepresentationRow(query: number, set: set, overlap: shared.count, querySize: n,
                                              setSize: members.count, p: p, q: .nan, genes: shared))
        }
        let q = FalseDiscoveryRate.adjusted(rows.map(\.p), method: .bh)
        for i in rows.indices { rows[i].q = q[i] }
        return rows
    }
}
