/// What enrichment draws from an association map, kept apart from the map so the map's
/// matrices can be freed: each feature's associated genes by direction (for ORA) and each
/// feature's ranking statistic for every gene (for GSEA).
public struct AssociationQueries: Sendable {
    public var features: [String]
    /// The map's genes; the lists below index them.
    public var genes: [String]
    /// Features x genes, row-major: the ranking statistic, NaN where undefined or not
    /// finite; empty when no ranking was asked for.
    public var scores: [Double]
    /// Per feature: the genes with q at most the cut and r > 0 (``positive``) or r < 0
    /// (``negative``), most significant first (smaller p, then larger |r|, then map order);
    /// empty when no lists were asked for.
    public var positive: [[Int32]]
    public var negative: [[Int32]]

    /// - Parameters:
    ///   - r, p, q: features x genes, row-major (p and q may be empty when not needed).
    ///   - pairs: the samples behind pair k (needed to rank by t).
    ///   - covariateColumns: design columns the map was adjusted for (they take degrees of freedom).
    ///   - rankBy: the statistic to rank genes by; nil for no ranking.
    ///   - listCut: the q cut of the gene lists; nil for no lists.
    public init(features: [String], genes: [String], r: [Double], p: [Double], q: [Double], pairs: (Int) -> Double,
                covariateColumns: Int, rankBy: RankStatistic?, listCut: Double?) {
        self.features = features
        self.genes = genes
        let g = genes.count
        switch rankBy {
        case nil: scores = []
        case .r?: scores = r  // r is finite or NaN: no copy
        case let statistic?:
            // Only what the statistic uses is read: a stored map holds only the matrices of ``matrices(rankBy:lists:)``.
            scores = r.indices.map { k in
                let value = EnrichmentQueries.score(r: r[k], p: statistic == .signedLog10p ? p[k] : .nan, n: statistic == .t ? pairs(k) : .nan,
                                                    covariates: covariateColumns, statistic)
                return value.isFinite ? value : .nan
            }
        }
        positive = []
        negative = []
        guard let cut = listCut else { return }
        positive = [[Int32]](repeating: [], count: features.count)
        negative = positive
        positive.withUnsafeMutableBufferPointer { positive in
            negative.withUnsafeMutableBufferPointer { negative in
                nonisolated(unsafe) let (positive, negative) = (positive, negative)
                // A feature's two lists cost a pass over its genes and a sort: eight features make a
                // chunk worth a thread even for small maps.
                Parallel.forEachChunk(features.count, minimumChunk: 8) { chunk in
                    for f in chunk {
                        positive[f] = Self.list(feature: f, genes: g, r: r, p: p, q: q, cut: cut) { $0 > 0 }
                        negative[f] = Self.list(feature: f, genes: g, r: r, p: p, q: q, cut: cut) { $0 < 0 }
                    }
                }
            }
        }
    }

    /// The queries of a map in memory.
    public init(_ map: AssociationMap, rankBy: RankStatistic?, listCut: Double?) {
        let pairs = map.pairs
        self.init(features: map.features, genes: map.genes, r: map.r, p: map.p, q: map.q, pairs: { Double(pairs[$0]) },
                  covariateColumns: map.covariateColumns.count, rankBy: rankBy, listCut: listCut)
    }

    /// The queries of a map saved in `map/associations.h5`.
    public init(_ map: StoredAssociationMap, rankBy: RankStatistic?, listCut: Double?) {
        let n = map.n
        self.init(features: map.features, genes: map.genes, r: map.r, p: map.p, q: map.q, pairs: { n[$0] },
                  covariateColumns: map.covariateColumns, rankBy: rankBy, listCut: listCut)
    }

    /// The matrices of a saved map these queries read.
    public static func matrices(rankBy: RankStatistic?, lists: Bool) -> Set<StoredAssociationMap.Matrix> {
        var needed: Set<StoredAssociationMap.Matrix> = []
        if let rankBy {
            needed.insert(.r)
            if rankBy == .t { needed.insert(.n) }
            if rankBy == .signedLog10p { needed.insert(.p) }
        }
        if lists { needed.formUnion([.r, .p, .q]) }
        return needed
    }

    private static func list(feature f: Int, genes g: Int, r: [Double], p: [Double], q: [Double], cut: Double,
                             sign: (Double) -> Bool) -> [Int32] {
        let start = f * g
        var chosen = (0..<g).filter { j in q[start + j] <= cut && sign(r[start + j]) }
        chosen.sort { a, b in
            let (pa, pb) = (p[start + a], p[start + b])
            if pa != pb { return pa < pb }
            let (ra, rb) = (abs(r[start + a]), abs(r[start + b]))
            return ra != rb ? ra > rb : a < b
        }
        return chosen.map { Int32($0) }
    }
}
