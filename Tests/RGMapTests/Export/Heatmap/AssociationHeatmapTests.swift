import Testing
@testable import RGMap

/// The top of the association map as a heatmap: which features and genes are chosen, in
/// which order, and what the layers hold.
@Suite struct AssociationHeatmapTests {
    /// A 3-feature x 4-gene map with known best pairs.
    static let map = AssociationMap(
        features: ["f1", "f2", "f3"], genes: ["g1", "g2", "g3", "g4"],
        r: [0.1, 0.5, -0.6, 0.0, /**/ 0.2, .nan, 0.9, -0.3, /**/ 0.1, 0.1, 0.1, 0.1],
        p: [Double](repeating: 0.5, count: 12),
        q: [0.9, 0.01, 0.01, 1, /**/ 0.5, .nan, 0.001, 0.2, /**/ 0.9, 0.9, 0.9, 0.9],
        pairs: .constant(10), options: AssociationOptions(), covariateColumns: [], sampleCount: 10, warnings: [])

    @Test func associationHeatmapTakesTheSmallestQThenTheLargestR() throws {
        let heatmap = AssociationHeatmap.make(Self.map, features: 2, genes: 3)
        // f2 has q 0.001; f1 q 0.01 twice; f3 only 0.9.
        #expect(heatmap.rows.labels == ["f2", "f1"])
        // Over f2 and f1: g3 (0.001), g2 (0.01), then g4 (0.2) before g1 (0.5).
        #expect(heatmap.columns.labels == ["g3", "g2", "g4"])
        #expect(heatmap.layer("r")!.values.elementsEqual([0.9, .nan, -0.3, -0.6, 0.5, 0.0], by: sameNumber))
        #expect(heatmap.layer("q")!.values.elementsEqual([0.001, .nan, 0.2, 0.01, 0.01, 1], by: sameNumber))
        let shown = heatmap.display(heatmap.layer("r")!)
        #expect(shown.rowLabels == heatmap.rows.displayLabels && shown.columnLabels == heatmap.columns.displayLabels)
        for (i, row) in heatmap.rows.order.enumerated() {
            for (j, column) in heatmap.columns.order.enumerated() {
                #expect(sameNumber(shown[i, j], heatmap.layer("r")!.values[row * 3 + column]))
            }
        }
    }

    @Test func featuresWithoutAnyQComeLastAndAskingForMoreGivesAll() throws {
        var map = Self.map
        map.q = [.nan, .nan, .nan, .nan, /**/ 0.5, .nan, 0.5, 0.2, /**/ 0.9, 0.9, 0.9, 0.9]
        let heatmap = AssociationHeatmap.make(map, features: 10, genes: 10)
        // f2 (0.2), f3 (0.9), then f1 with no q at all.
        #expect(heatmap.rows.labels == ["f2", "f3", "f1"])
        // Over all three: g4 (0.2), then g1 and g3 (0.5; |r| 0.9 of g3 first), g2 (0.9).
        #expect(heatmap.columns.labels == ["g4", "g3", "g1", "g2"])
        #expect(heatmap.rows.tree != nil && heatmap.columns.tree != nil && heatmap.corner == "feature")
        #expect(heatmap.rows.distance == "1 - Pearson r of the profiles")
    }
}
