import Testing
@testable import RGMap

/// ``Dendrogram``: R's `hclust` leaf order and `cutree(h =)` groups on R's own average-linkage
/// tree of the 80-probe bladderbatch TOM (scripts/make_network_fixtures.R,
/// scripts/make_network_unit_fixtures.R), and by hand.
@Suite struct DendrogramTests {
    /// R's tree as R wrote it (merge matrix and heights), not rebuilt here.
    static func bladder80() throws -> Dendrogram {
        let rows = try RFixtures.table("hclust_bladder80_unsigned_signed.tsv", in: "network")
        return Dendrogram(merges: rows.map { (Int(RFixtures.number($0["left"])), Int(RFixtures.number($0["right"]))) },
                          heights: rows.map { RFixtures.number($0["height"]) })
    }

    @Test func orderIsHclusts() throws {
        let order = try RFixtures.table("hclust_order_bladder80_unsigned_signed.tsv", in: "network")
        #expect(try Self.bladder80().order == order.map { Int(RFixtures.number($0["gene"])) - 1 })
    }

    @Test func groupsAtAHeightAreCutrees() throws {
        let tree = try Self.bladder80()
        let rows = try RFixtures.table("unit_cutree_bladder80.tsv", in: "network")
        var byHeight: [Double: [Int]] = [:]
        for row in rows { byHeight[RFixtures.number(row["height"]), default: []].append(Int(RFixtures.number(row["group"]))) }
        #expect(byHeight.count == 10)
        for (height, groups) in byHeight {
            // The heights are R's doubles, written exactly: merges at the height itself count as below it.
            #expect(tree.groups(atHeight: height) == groups, "height \(height)")
        }
        #expect(Set(byHeight.values.map { Set($0).count }).isSuperset(of: [80, 1]))  // from every leaf apart to one group
    }

    /// Points 0, 1, 4, 10 on a line, average linkage: {0,1} at 1, {0,1,4} at 3.5, all at 25/3.
    static let line = Dendrogram(merges: [(-1, -2), (-3, 1), (-4, 2)], heights: [1, 3.5, 25.0 / 3])

    @Test func orderUnfoldsFromTheLastMergeFirstMemberFirst() {
        #expect(Self.line.order == [3, 2, 0, 1])
        #expect(Dendrogram(merges: [(-2, -3), (-1, 1)], heights: [1, 2]).order == [0, 1, 2])
        #expect(Dendrogram(merges: [(-1, -4), (-2, -3), (1, 2)], heights: [1, 1, 2]).order == [0, 3, 1, 2])
        #expect(Dendrogram(merges: [], heights: []).order == [0])  // a single leaf
    }

    @Test func groupsAreNumberedByTheirFirstLeaf() {
        #expect(Self.line.groups(atHeight: 0.5) == [1, 2, 3, 4])
        #expect(Self.line.groups(atHeight: 1) == [1, 1, 2, 3])  // a merge at the height is applied, as cutree's
        #expect(Self.line.groups(atHeight: 5) == [1, 1, 1, 2])
        #expect(Self.line.groups(atHeight: 100) == [1, 1, 1, 1])
        // Leaves 1 and 3 merge first, but leaf 0 comes first: it is group 1.
        let tree = Dendrogram(merges: [(-2, -4), (-1, -3), (1, 2)], heights: [1, 2, 3])
        #expect(tree.groups(atHeight: 1.5) == [1, 2, 3, 2])
        #expect(tree.groups(atHeight: 2) == [1, 2, 1, 2])
    }

    @Test func equalityComparesMergesAndHeights() {
        #expect(Self.line == Dendrogram(merges: [(-1, -2), (-3, 1), (-4, 2)], heights: [1, 3.5, 25.0 / 3]))
        #expect(Self.line != Dendrogram(merges: [(-1, -2), (-4, 1), (-3, 2)], heights: [1, 3.5, 25.0 / 3]))
        #expect(Self.line != Dendrogram(merges: [(-1, -2), (-3, 1), (-4, 2)], heights: [1, 3.5, 8]))
    }
}
