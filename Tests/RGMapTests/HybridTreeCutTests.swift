import Testing
@testable import RGMap

/// dynamicTreeCut 1.63's cutreeDynamic on WGCNA's gene tree of the 2000 bladderbatch probes
/// (scripts/make_module_fixtures.R): R's own tree, 1 - TOM recomputed here (it agrees with
/// WGCNA's to 1e-15), every deepSplit with and without the PAM stage, and the tree method.
@Suite struct HybridTreeCutTests {
    static let settings = ["tutorial", "defaults"]

    static func distances(_ setting: String) throws -> PackedLowerTriangle<Double> {
        let expression = try ModuleDetectionTests.expression("bladder2000")
        let type: TOMType = setting == "tutorial" ? .unsigned : .signed
        var adjacency = AdjacencyBlocks(expression, correlation: .pearson, networkType: .unsigned, power: 6, tomType: type)
            .matrix(as: Double.self)
        return TopologicalOverlap.similarity(adjacency: &adjacency, genes: expression.rowCount, type: type)
    }

    @Test(arguments: settings)
    func matchesCutreeHybridForEveryDeepSplit(setting: String) throws {
        let prefix = "bwm_bladder2000_\(setting)_"
        let tree = try ModuleDetectionTests.tree(prefix)
        let similarity = try Self.distances(setting)
        let labels = try RFixtures.table(prefix + "labels.tsv", in: "modules")
        for deepSplit in 0...4 {
            for pam in ["none", "respects", "free"] {
                let options = HybridTreeCutOptions(cutHeight: 0.995, minClusterSize: 20, deepSplit: deepSplit, pamStage: pam != "none",
                                                   pamRespectsDendro: pam == "respects")
                let cut = HybridTreeCut.cut(tree, distances: PackedDissimilarities(similarity: similarity), options: options)
                #expect(cut == ModuleDetectionTests.column(labels, "ds\(deepSplit)_\(pam)"), "deepSplit \(deepSplit), PAM \(pam)")
            }
        }
    }

    @Test(arguments: settings)
    func matchesCutreeDynamicTree(setting: String) throws {
        let prefix = "bwm_bladder2000_\(setting)_"
        let tree = try ModuleDetectionTests.tree(prefix)
        let labels = try RFixtures.table(prefix + "labels.tsv", in: "modules")
        for deep in [true, false] {
            let cut = DynamicTreeCut.cut(tree, deepSplit: deep, minModuleSize: 20)
            #expect(cut == ModuleDetectionTests.column(labels, "tree_\(deep ? "deep" : "shallow")"), "deepSplit \(deep)")
        }
    }

    @Test func leavesEverythingUnassignedWhenTooFewMergesLieBelowTheCut() {
        let tree = Dendrogram(merges: [(-1, -2), (-3, 1), (-4, 2)], heights: [0.1, 0.2, 0.9])
        let d: [Double] = [0, 0.1, 0.2, 0.9, 0.1, 0, 0.2, 0.9, 0.2, 0.2, 0, 0.9, 0.9, 0.9, 0.9, 0]
        let labels = d.withUnsafeBufferPointer { d in
            HybridTreeCut.cut(tree, distances: SquareDistances(values: d, count: 4), options: HybridTreeCutOptions(cutHeight: 0.5, minClusterSize: 3))
        }
        #expect(labels == [0, 0, 0, 0])
    }
}
