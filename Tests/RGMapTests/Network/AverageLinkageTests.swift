import Testing
@testable import RGMap

@Suite struct AverageLinkageTests {
    /// R's hclust(as.dist(1 - TOM), "average") on the 80-probe bladderbatch TOM (unsigned
    /// network, signed TOM): merges, heights and leaf order.
    @Test func matchesRsHclustOnOneMinusTOM() throws {
        let tom = try TopologicalOverlapTests.tom(.unsigned, .signed)
        var workspace: [Double] = []
        let tree = AverageLinkage.cluster(oneMinus: tom, workspace: &workspace)
        let expected = try RFixtures.table("hclust_bladder80_unsigned_signed.tsv", in: "network")
        #expect(tree.merges.count == expected.count)
        for (step, row) in expected.enumerated() {
            let merge = (Int(RFixtures.number(row["left"])), Int(RFixtures.number(row["right"])))
            #expect(tree.merges[step] == merge, "step \(step + 1)")
            // 1e-10: the agreement with R's merge heights that docs/methods.md states.
            #expect(agrees(tree.heights[step], RFixtures.number(row["height"]), absolute: 1e-10), "step \(step + 1)")
        }
        let order = try RFixtures.table("hclust_order_bladder80_unsigned_signed.tsv", in: "network")
        #expect(tree.order == order.map { Int(RFixtures.number($0["gene"])) - 1 })
    }

    @Test func mergesTheClosestPairsFirstAndAveragesDistances() {
        // Points 0, 1, 4, 10 on a line: {0,1} at 1, {0,1,4} at (4 + 3)/2 = 3.5, all at (10 + 9 + 6)/3.
        let x: [Double] = [0, 1, 4, 10]
        var d = x.flatMap { a in x.map { b in abs(a - b) } }
        let tree = AverageLinkage.cluster(dissimilarity: &d, count: 4)
        #expect(tree.merges.elementsEqual([(-1, -2), (-3, 1), (-4, 2)]) { $0 == $1 })
        #expect(tree.heights == [1, 3.5, 25.0 / 3])
        #expect(tree.order == [3, 2, 0, 1])
    }

    /// stats::hclust(method = "average") on Euclidean distances between points in the plane
    /// (scripts/make_network_unit_fixtures.R): no ties, so the same merges, numbered the same.
    @Test(arguments: ["a", "b"])
    func matchesRsHclustOnPointDistances(set: String) throws {
        let (expected, distances, _) = try HybridTreeCutTests.smallTree(set)
        var d = distances.values
        let tree = AverageLinkage.cluster(dissimilarity: &d, count: distances.count)
        #expect(tree.merges.elementsEqual(expected.merges) { $0 == $1 })
        // 1e-12: averages of up to 95 x 95 distances below 1, summed in another order than R's.
        #expect(zip(tree.heights, expected.heights).allSatisfy { abs($0 - $1) <= 1e-12 })
    }
}
