import Foundation
import Testing
@testable import RGMap

/// The plot-ready heatmaps: clustering as R's hclust gives it, the selection of features and
/// genes, the module heatmaps, and the files they are written to.
@Suite struct HeatmapExportTests {
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

    @Test func eigengeneAdjacencyIsWGCNAs() throws {
        let eigengenes = try Self.matrix("eigengenes.tsv")
        let heatmap = try #require(ModuleHeatmaps.eigengeneAdjacency(eigengenes, modules: [1, 2, 3, 4, 5]))
        let expected = try Self.matrix("eigengene_adjacency.tsv")
        // 1e-14: one Pearson r over 30 values, halved.
        #expect(zip(heatmap.layers[0].values, expected.values).allSatisfy { agrees($0, $1, absolute: 1e-14) })
        try Self.expectRTree(heatmap.rows.tree, "eigengene_tree")
        #expect(heatmap.rows == heatmap.columns)
        // Module 0 (ME0, the unassigned genes) is not part of the eigengene network.
        let withGrey = LabeledMatrix(rowLabels: eigengenes.rowLabels.dropLast() + ["ME0"], columnLabels: eigengenes.columnLabels,
                                     values: eigengenes.values)
        #expect(ModuleHeatmaps.eigengeneAdjacency(withGrey, modules: [1, 2, 3, 4, 0])?.rows.labels == ["ME1", "ME2", "ME3", "ME4"])
        #expect(ModuleHeatmaps.eigengeneAdjacency(withGrey.selectingRows([4]), modules: [0]) == nil)
    }

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

    @Test func rankingPutsUnknownQLastAndBreaksTiesByInputOrder() {
        #expect(topRanked(4, count: 4, q: [.nan, 0.1, 0.1, 0.1], strength: [1, 0.2, 0.5, 0.5]) == [2, 3, 1, 0])
        #expect(topRanked(3, count: 1, q: [0.2, 0.1, 0.3], strength: [0, 0, 0]) == [1])
    }

    @Test func scatterSummaryIsTheCorrelationOfAbsoluteValuesWithStudentP() {
        // One feature, module 1 (genes 0-4) and module 0 (gene 5); module 2 (gene 6) not linked.
        let association = ModuleFeatureAssociation(moduleR: [0.7, 0.1, 0.2], moduleP: [0.001, 0.5, 0.3], moduleQ: [0.003, 0.5, 0.45],
                                                   geneSignificance: [0.9, -0.7, 0.5, 0.4, 0.1, 0.3, 0.2], geneSignificanceP: [Double](repeating: 0.1, count: 7))
        let labels = [1, 1, 1, 1, 1, 0, 2], modules = [1, 2, 0]
        let kme = [0.95, 0, 0, -0.9, 0, 0, 0.8, 0, 0, 0.6, 0, 0, 0.3, 0, 0, 0, 0, 0.2, 0, 0.9, 0]
        let hub = FeatureHub(feature: 0, module: 1, gene: 0, gs: 0.9, gsP: 0.1, kme: 0.95, rank: 1)
        let scatter = GeneSignificanceScatter(association, features: [0], featureCount: 1, labels: labels, modules: modules, kme: kme,
                                              hubs: [hub], moduleQ: 0.05)
        #expect(scatter.points.map(\.gene) == [0, 1, 2, 3, 4])
        #expect(scatter.points.map(\.hub) == [true, false, false, false, false])
        #expect(scatter.points[1].gs == -0.7 && scatter.points[1].kme == -0.9)
        let summary = try! #require(scatter.summaries.first)
        let expected = VectorCorrelation.pearson([0.9, 0.7, 0.5, 0.4, 0.1], [0.95, 0.9, 0.8, 0.6, 0.3])
        #expect(scatter.summaries.count == 1 && summary.genes == 5 && summary.r == expected)
        #expect(summary.p == StudentTPValue.viaR(r: expected, df: 3))
    }

    @Test func newickHasHeightDifferencesAndQuotesOddLabels() throws {
        // ((a, b) at 1, c) at 3.5: a and b hang 1 below their parent, that parent 2.5 below the root
        // (lengths in the tables' shortest round-trip form).
        let tree = Dendrogram(merges: [(-1, -2), (-3, 1)], heights: [1, 3.5])
        #expect(tree.newick(labels: ["a", "b", "c"]) == "(c:3.5,(a:1.0,b:1.0):2.5);")
        #expect(tree.newick(labels: ["x y", "it's", "ok_1.2-3"]) == "(ok_1.2-3:3.5,('x y':1.0,'it''s':1.0):2.5);")
        #expect(Dendrogram(merges: [], heights: []).newick(labels: ["solo"]) == "solo;")
        let json = try JSONSerialization.jsonObject(with: tree.mergeListJSON(labels: ["a", "b\"", "c"], distance: "1 - r")) as! [String: Any]
        #expect(json["labels"] as? [String] == ["a", "b\"", "c"])
        #expect(json["merge"] as? [[Int]] == [[-1, -2], [-3, 1]])
        #expect(json["height"] as? [Double] == [1, 3.5])
        #expect(json["order"] as? [Int] == [3, 1, 2])
        #expect(json["method"] as? String == "average" && json["distance"] as? String == "1 - r")
    }

    @Test func newickOfADeepChainDoesNotRecurse() {
        // A 20000-leaf caterpillar: each merge adds one leaf to the previous cluster.
        let n = 20000
        let tree = Dendrogram(merges: [(-1, -2)] + (2..<n).map { (-($0 + 1), $0 - 1) }, heights: (1..<n).map(Double.init))
        let newick = tree.newick(labels: (0..<n).map { "g\($0)" })
        #expect(newick.hasPrefix("(g\(n - 1):\(Double(n - 1)),(g\(n - 2):"))
        #expect(newick.filter { $0 == "(" }.count == n - 1 && newick.hasSuffix(");"))
    }

    @Test func writerLaysOutTheFolderAsFormatsMdSays() throws {
        let out = Fixtures.scratchFolder()
        let output = try OutputDirectory(path: out, force: true)
        let heatmap = AssociationHeatmap.make(Self.map, features: 3, genes: 4)
        try HeatmapWriter.write(heatmap, folder: "heatmap/associations", to: output)
        let files = try FileManager.default.contentsOfDirectory(atPath: out + "/heatmap/associations").sorted()
        #expect(files == ["column_order.tsv", "column_tree.json", "column_tree.nwk", "q.tsv", "r.tsv", "row_order.tsv", "row_tree.json", "row_tree.nwk"])
        let r = try Fixtures.rows(atPath: out + "/heatmap/associations/r.tsv")
        #expect(r[0] == ["feature"] + heatmap.columns.displayLabels)
        #expect(r.dropFirst().map { $0[0] } == heatmap.rows.displayLabels)
        let order = try Fixtures.rows(atPath: out + "/heatmap/associations/row_order.tsv")
        #expect(order == [["position", "label"]] + heatmap.rows.displayLabels.enumerated().map { [String($0 + 1), $1] })
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/heatmap/associations/row_tree.json"))) as! [String: Any]
        let labels = json["labels"] as! [String], jsonOrder = json["order"] as! [Int]
        #expect(jsonOrder.map { labels[$0 - 1] } == heatmap.rows.displayLabels)
    }
}

/// Equal, or both NaN.
func sameNumber(_ a: Double, _ b: Double) -> Bool { a == b || (a.isNaN && b.isNaN) }
