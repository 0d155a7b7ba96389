/// A preranked list for GSEA: one score per universe gene, NaN for a gene the list does not rank.
public struct RankedList: Sendable {
    public var name: String
    /// Indexed by universe gene.
    public var scores: [Double]

    public init(name: String, scores: [Double]) {
        self.name = name
        self.scores = scores
    }
}

/// A ranked list sorted for the walk: decreasing score, ties in universe order (as R's
/// `sort(decreasing = TRUE)`, which is stable); weights are |score| (GSEA weight p = 1).
struct RankedOrder {
    /// Universe index of the gene at each rank.
    let genes: [Int32]
    /// |score| at each rank.
    let weights: [Double]
    /// Rank of each universe gene, -1 for an unranked one.
    let rankOfGene: [Int32]
    /// How many scores tie with another (0 = a strict order).
    let ties: Int

    init(_ list: RankedList) {
        let ranked = list.scores.indices.filter { !list.scores[$0].isNaN }
        let order = ranked.sorted { a, b in
            let x = list.scores[a], y = list.scores[b]
            return x != y ? x > y : a < b
        }
        var rankOfGene = [Int32](repeating: -1, count: list.scores.count)
        for (rank, gene) in order.enumerated() { rankOfGene[gene] = Int32(rank) }
        genes = order.map { Int32($0) }
        weights = order.map { abs(list.scores[$0]) }
        self.rankOfGene = rankOfGene
        var ties = 0
        for i in order.indices.dropFirst() where list.scores[order[i]] == list.scores[order[i - 1]] && list.scores[order[i]] != 0 {
            ties += 1
        }
        self.ties = ties
    }

    var count: Int { genes.count }

    /// A set's members (universe indices) as ascending ranks; members the list does not rank are left out.
    func ranks(of members: [Int32]) -> [Int32] {
        members.compactMap { rankOfGene[Int($0)] >= 0 ? rankOfGene[Int($0)] : nil }.sorted()
    }
}
