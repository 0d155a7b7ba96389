import Testing
@testable import RGMap

/// The module heatmaps: WGCNA's eigengene network and the module-trait relationships.
@Suite struct ModuleHeatmapsTests {
    @Test func eigengeneAdjacencyIsWGCNAs() throws {
        let eigengenes = try ClusteredAxisTests.matrix("eigengenes.tsv")
        let heatmap = try #require(ModuleHeatmaps.eigengeneAdjacency(eigengenes, modules: [1, 2, 3, 4, 5]))
        let expected = try ClusteredAxisTests.matrix("eigengene_adjacency.tsv")
        // 1e-14: one Pearson r over 30 values, halved.
        #expect(zip(heatmap.layers[0].values, expected.values).allSatisfy { agrees($0, $1, absolute: 1e-14) })
        try ClusteredAxisTests.expectRTree(heatmap.rows.tree, "eigengene_tree")
        #expect(heatmap.rows == heatmap.columns)
        // Module 0 (ME0, the unassigned genes) is not part of the eigengene network.
        let withGrey = LabeledMatrix(rowLabels: eigengenes.rowLabels.dropLast() + ["ME0"], columnLabels: eigengenes.columnLabels,
                                     values: eigengenes.values)
        #expect(ModuleHeatmaps.eigengeneAdjacency(withGrey, modules: [1, 2, 3, 4, 0])?.rows.labels == ["ME1", "ME2", "ME3", "ME4"])
        #expect(ModuleHeatmaps.eigengeneAdjacency(withGrey.selectingRows([4]), modules: [0]) == nil)
    }

    /// Modules 1, 2, 0 x features a, b, c: b's best module q is 0.001, c's 0.01, a's only q is module 0's.
    static let association = ModuleFeatureAssociation(
        moduleR: [0.1, -0.6, 0.3, /**/ 0.2, 0.4, -0.5, /**/ 0.9, 0.0, 0.1],
        moduleP: [0.5, 0.0005, 0.02, /**/ 0.4, 0.03, 0.005, /**/ 1e-9, 0.9, 0.6],
        moduleQ: [0.6, 0.001, 0.04, /**/ 0.5, 0.05, 0.01, /**/ 1e-8, 0.9, 0.7],
        geneSignificance: [], geneSignificanceP: [])

    @Test func moduleFeaturePicksFeaturesByTheirBestRealModule() throws {
        let heatmap = ModuleHeatmaps.moduleFeature(Self.association, modules: [1, 2, 0], features: ["a", "b", "c"], featureCount: 2,
                                                   eigengeneOrder: ["ME2", "ME1"])
        // Module 0's q (1e-8 for a) does not count: b (0.001), then c (0.01).
        #expect(heatmap.columns.labels == ["b", "c"] && heatmap.columns.tree != nil)
        // Rows: every module, in the eigengene order, ME0 last; no tree.
        #expect(heatmap.rows.labels == ["ME1", "ME2", "ME0"] && heatmap.rows.displayLabels == ["ME2", "ME1", "ME0"] && heatmap.rows.tree == nil)
        #expect(heatmap.layers.map(\.name) == ["r", "p", "q"] && heatmap.corner == "module")
        #expect(heatmap.layer("r")!.values == [-0.6, 0.3, 0.4, -0.5, 0.0, 0.1])
        #expect(heatmap.layer("p")!.values == [0.0005, 0.02, 0.03, 0.005, 0.9, 0.6])
        #expect(heatmap.layer("q")!.values == [0.001, 0.04, 0.05, 0.01, 0.9, 0.7])
        // Asking for more features than there are gives all: a comes last, by its best real module (q 0.5).
        let all = ModuleHeatmaps.moduleFeature(Self.association, modules: [1, 2, 0], features: ["a", "b", "c"], featureCount: 9,
                                               eigengeneOrder: ["ME1", "ME2"])
        #expect(all.columns.labels == ["b", "c", "a"] && all.rows.displayLabels == ["ME1", "ME2", "ME0"])
    }
}
