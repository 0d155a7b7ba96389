import Foundation
import Testing
@testable import RGMap

/// Heatmap axes: clustering as R's hclust gives it on 1 - Pearson r of the profiles
/// (Fixtures/heatmap, scripts/make_heatmap_fixtures.R).
@Suite struct ClusteredAxisTests {
    /// A labelled matrix from an R fixture (first column the label).
    static func matrix(_ file: String) throws -> LabeledMatrix {
        let rows = try Fixtures.rows(atPath: Fixtures.path("heatmap/" + file))
        return LabeledMatrix(rowLabels: rows.dropFirst().map { $0[0] }, columnLabels: Array(rows[0].dropFirst()),
                             values: rows.dropFirst().flatMap { $0.dropFirst().map { RFixtures.number($0) } })
    }

    /// Expects `tree` to be R's tree in `<stem>.tsv` and `<stem>_order.tsv`.
    static func expectRTree(_ tree: Dendrogram?, _ stem: String) throws {
        let tree = try #require(tree)
        let expected = try RFixtures.table(stem + ".tsv", in: "heatmap")
        #expect(tree.merges.elementsEqual(expected.map { (Int($0["left"]!)!, Int($0["right"]!)!) }) { $0 == $1 }, "\(stem)")
        for (step, row) in expected.enumerated() {
            // 1e-12: heights are averages of 1 - r over a few pairs, r from a two-pass sum.
            #expect(agrees(tree.heights[step], RFixtures.number(row["height"]), absolute: 1e-12), "\(stem) step \(step + 1)")
        }
        #expect(tree.order == (try RFixtures.table(stem + "_order.tsv", in: "heatmap")).map { Int($0["order"]!)! - 1 })
    }

    @Test func axesClusterAsRsHclustOnOneMinusCorrelation() throws {
        let x = try Self.matrix("profiles.tsv")
        let rows = ClusteredAxis(labels: x.rowLabels, clusteringProfiles: (0..<x.rowCount).map { Array(x.row($0)) })
        try Self.expectRTree(rows.tree, "rows_tree")
        let t = x.transposed()
        let columns = ClusteredAxis(labels: t.rowLabels, clusteringProfiles: (0..<t.rowCount).map { Array(t.row($0)) })
        try Self.expectRTree(columns.tree, "columns_tree")
        #expect(rows.displayLabels.first == "row9" && rows.displayLabels.count == 9)
    }

    @Test func aFixedAxisKeepsItsInputOrderWithoutATree() {
        let axis = ClusteredAxis(fixed: ["ME1", "ME2", "ME0"])
        #expect(axis.order == [0, 1, 2] && axis.tree == nil && axis.displayLabels == ["ME1", "ME2", "ME0"])
    }

    @Test func aMissingValueCountsAsZero() throws {
        // Hand-computed: b = [1, 2, NaN] is clustered as [1, 2, 0]: r(a, b) = -0.5, r(b, c) = 0.5, r(a, c) = -1,
        // so b and c join at 1 - 0.5 = 0.5, then a at the average of 1.5 and 2. (Skipping the missing pair
        // instead would join a and b at 0.)
        let axis = ClusteredAxis(labels: ["a", "b", "c"], clusteringProfiles: [[1, 2, 3], [1, 2, .nan], [3, 2, 1]])
        let tree = try #require(axis.tree)
        #expect(tree.merges.elementsEqual([(-2, -3), (-1, 1)]) { $0 == $1 })
        // 1e-15: a few roundings in r.
        #expect(abs(tree.heights[0] - 0.5) < 1e-15 && abs(tree.heights[1] - 1.75) < 1e-15)
        #expect(axis.displayLabels == ["a", "b", "c"] && axis.distance == "1 - Pearson r of the profiles")
    }

    @Test func aConstantProfileIsAtDistanceOneFromEveryOther() throws {
        // k's r with anything cannot be computed: it counts as 0, so k joins last, at exactly 1.
        let axis = ClusteredAxis(labels: ["a", "k", "c"], clusteringProfiles: [[1, 2, 3], [5, 5, 5], [1, 2, 4]])
        let tree = try #require(axis.tree)
        #expect(tree.merges.elementsEqual([(-1, -3), (-2, 1)]) { $0 == $1 } && tree.heights[1] == 1)
        #expect(axis.displayLabels == ["k", "a", "c"])
        let r = ClusteredAxis.correlations([[1, 2, 3], [5, 5, 5], [1, 2, 4]])
        #expect(r[0] == 1 && r[4] == 1 && r[8] == 1 && r[1].isNaN && r[3].isNaN && r[2] == r[6])
        // r(a, c) = 3 / sqrt(2 * 42 / 9), hand-computed; 1e-15 for rounding.
        #expect(abs(r[2] - 3 / (2.0 * 42 / 9).squareRoot()) < 1e-15)
    }
}
