import Testing
@testable import RGMap

/// dynamicTreeCut 1.63's cutreeDynamic on WGCNA's gene tree of the 2000 bladderbatch probes
/// (scripts/make_module_fixtures.R): R's own tree, 1 - TOM recomputed here (it agrees with
/// WGCNA's to 1e-15), every deepSplit with and without the PAM stage.
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

    @Test func leavesEverythingUnassignedWhenTooFewMergesLieBelowTheCut() {
        let tree = Dendrogram(merges: [(-1, -2), (-3, 1), (-4, 2)], heights: [0.1, 0.2, 0.9])
        // Similarities 1 - d for d(0,1) = 0.1, d(0|1,2) = 0.2, d(0|1|2,3) = 0.9, packed by rows.
        var similarity = PackedLowerTriangle<Double>(count: 4)
        similarity.values = [0.9, 0.8, 0.8, 0.1, 0.1, 0.1]
        let labels = HybridTreeCut.cut(tree, distances: PackedDissimilarities(similarity: similarity),
                                       options: HybridTreeCutOptions(cutHeight: 0.5, minClusterSize: 3))
        #expect(labels == [0, 0, 0, 0])
    }

    /// The fractional default minimum module size (``ModuleDetectionOptions/minModuleSize(genes:)``) changes the core size.
    @Test func theCoreSizeUsesAFractionalMinimumSize() {
        // .CoreSize: as.integer(3.25 + sqrt(6 - 3.25)) = 4 with 4.5, as.integer(3.5 + sqrt(2.5)) = 5 with 5.
        #expect(HybridTreeCut.coreSize(branchSize: 6, minClusterSize: 4.5) == 4)
        #expect(HybridTreeCut.coreSize(branchSize: 6, minClusterSize: 5) == 5)
    }

    /// One set of the small trees (scripts/make_network_unit_fixtures.R): R's tree, the
    /// distances it was built from and R's labels per point.
    static func smallTree(_ set: String) throws -> (tree: Dendrogram, distances: TestDistances, labels: [[String: String]]) {
        let labels = try RFixtures.table("unit_treecut_labels.tsv", in: "network").filter { $0["set"] == set }
        let n = labels.count
        var d = [Double](repeating: 0, count: n * n)
        for row in try RFixtures.table("unit_treecut_distances.tsv", in: "network") where row["set"] == set {
            let i = Int(row["i"]!)! - 1, j = Int(row["j"]!)! - 1
            d[i * n + j] = RFixtures.number(row["distance"])
            d[j * n + i] = d[i * n + j]
        }
        let rows = try RFixtures.table("unit_treecut_tree.tsv", in: "network").filter { $0["set"] == set }
        let tree = Dendrogram(merges: rows.map { (Int($0["left"]!)!, Int($0["right"]!)!) }, heights: rows.map { RFixtures.number($0["height"]) })
        return (tree, TestDistances(count: n) { d[$0 * n + $1] }, labels)
    }

    /// The settings of the small trees' columns, as cutreeDynamic was called.
    static let smallTreeSettings: [(String, HybridTreeCutOptions)] = [
        ("defaults", HybridTreeCutOptions()),
        ("ds0", HybridTreeCutOptions(minClusterSize: 8, deepSplit: 0)), ("ds1", HybridTreeCutOptions(minClusterSize: 8)),
        ("ds2", HybridTreeCutOptions(minClusterSize: 8, deepSplit: 2)), ("ds3", HybridTreeCutOptions(minClusterSize: 8, deepSplit: 3)),
        ("ds4", HybridTreeCutOptions(minClusterSize: 8, deepSplit: 4)),
        ("no_pam", HybridTreeCutOptions(minClusterSize: 8, pamStage: false)),
        ("pam_free", HybridTreeCutOptions(minClusterSize: 8, pamRespectsDendro: false)),
        ("pam_free_no_small", HybridTreeCutOptions(minClusterSize: 8, pamRespectsDendro: false, respectSmallClusters: false)),
        ("pam_free_max_dist_0", HybridTreeCutOptions(minClusterSize: 8, pamRespectsDendro: false, maxPamDistance: 0)),
        ("cut_0.5", HybridTreeCutOptions(cutHeight: 0.5, minClusterSize: 8)), ("cut_2", HybridTreeCutOptions(cutHeight: 2, minClusterSize: 8)),
        ("min_7.5", HybridTreeCutOptions(minClusterSize: 7.5, deepSplit: 2)),
        ("scatter_gap", HybridTreeCutOptions(minClusterSize: 8, maxCoreScatter: 0.3, minGap: 0.05)),
    ]

    /// The options the bladder trees leave untested: cutHeight derived or above the top,
    /// maxPamDist, respectSmallClusters, explicit core scatter and gap.
    @Test(arguments: ["a", "b"])
    func matchesCutreeDynamicOnSmallTrees(set: String) throws {
        let (tree, distances, labels) = try Self.smallTree(set)
        for (column, options) in Self.smallTreeSettings {
            let cut = HybridTreeCut.cut(tree, distances: distances, options: options)
            #expect(cut == labels.map { Int($0[column]!)! }, "set \(set), \(column)")
        }
    }

    @Test func defaultsAreCutreeHybrids() throws {
        let r = try ModuleDetectionOptionsTests.defaults(of: "cutreeHybrid"), options = HybridTreeCutOptions()
        #expect(r["cutHeight"] == "NULL" && options.cutHeight == nil)
        #expect(options.minClusterSize == Double(r["minClusterSize"]!) && options.deepSplit == Int(r["deepSplit"]!))
        #expect(r["maxCoreScatter"] == "NULL" && options.maxCoreScatter == nil && r["minGap"] == "NULL" && options.minGap == nil)
        #expect(options.pamStage == (r["pamStage"] == "TRUE") && options.pamRespectsDendro == (r["pamRespectsDendro"] == "TRUE"))
        #expect(options.respectSmallClusters == (r["respectSmallClusters"] == "TRUE"))
        // maxPamDist = cutHeight: derived (nil here); average distances, not medoids (useMedoids FALSE) are all rgmap has.
        #expect(r["maxPamDist"] == "NA" && options.maxPamDistance == nil && r["useMedoids"] == "FALSE")
    }

    @Test func splitCriteriaFollowCutreeHybrid() {
        // Merges 0.1, 0.1, 0.2, 0.2, 0.9: reference merge round(5 x 0.05) = 0 -> 1, height 0.1.
        let tree = HybridTreeCutBranchesTests.groups
        let derived = HybridTreeCut.SplitCriteria(tree: tree, options: HybridTreeCutOptions())
        // 1e-15: a few roundings of values below 1.
        #expect(abs(derived.cutHeight - (0.99 * 0.8 + 0.1)) < 1e-15)  // 99% of the range above the reference
        #expect(abs(derived.maxAbsCoreScatter - (0.1 + 0.73 * 0.792)) < 1e-15 && abs(derived.minAbsGap - 0.2025 * 0.792) < 1e-15)
        #expect(derived.minAbsSplitHeight == 0.1)
        let high = HybridTreeCut.SplitCriteria(tree: tree, options: HybridTreeCutOptions(cutHeight: 2, deepSplit: 4))
        #expect(high.cutHeight == 0.9)  // lowered to the top merge
        #expect(abs(high.maxAbsCoreScatter - (0.1 + 0.95 * 0.8)) < 1e-15 && abs(high.minAbsGap - 0.05 * 0.75 * 0.8) < 1e-15)
        // R's round() takes half to even: 50 merges -> round(2.5) = 2, 70 -> round(3.5) = 4.
        for (merges, reference) in [(50, 2), (70, 4), (10, 1)] {
            let chain = Dendrogram(merges: [(-1, -2)] + (1..<merges).map { (-($0 + 2), $0) }, heights: (1...merges).map { Double($0) })
            #expect(HybridTreeCut.SplitCriteria(tree: chain, options: HybridTreeCutOptions()).minAbsSplitHeight == Double(reference))
        }
    }

    @Test func coreScatterIsTheMeanAverageDistanceWithinTheCore() {
        // HandTree's A: averages (0.1 + 0.2)/2, (0.1 + 0.2)/2, (0.2 + 0.2)/2, mean 1/6.
        // 1e-15: R's long double sums, rounded once.
        #expect(abs(HybridTreeCut.coreScatter([0, 1, 2][...], HandTree.distances) - 1.0 / 6) < 1e-15)
        #expect(HybridTreeCut.coreSize(branchSize: 3, minClusterSize: 20) == 3)  // no larger than the branch
        #expect(HybridTreeCut.coreSize(branchSize: 100, minClusterSize: 20) == 20)  // as.integer(11 + sqrt(89))
    }

    @Test func thePAMStageRunsOnTheTreeStageAndModulesAreNumberedBySize() {
        // Tree stage: A = 1, B = 2; PAM: 6 and {7,8} join B, 9 (on no branch) stays out; B, now 6 genes, becomes
        // module 1. (cutreeDynamic gives the same on this tree and these distances.)
        #expect(HybridTreeCut.cut(HandTree.tree, distances: HandTree.distances, options: HandTree.options) == [2, 2, 2, 1, 1, 1, 1, 1, 1, 0])
        var noPAM = HandTree.options
        noPAM.pamStage = false
        #expect(HybridTreeCut.cut(HandTree.tree, distances: HandTree.distances, options: noPAM) == [1, 1, 1, 2, 2, 2, 0, 0, 0, 0])
    }

    @Test func thePAMLimitDefaultsToTheCutHeightAsGiven() {
        // 9 is 1.5 from everything; the tree tops out at 1. cutreeDynamic's maxPamDist = cutHeight
        // is the height given (2), not the one lowered to the top: 9 joins A (the first of two at
        // 1.5). Asked for a cut at 1, it stays out. (cutreeHybrid called directly would use the
        // lowered height; blockwiseModules goes through cutreeDynamic.)
        let far = TestDistances(count: 10) { i, j in j == 9 ? 1.5 : HandTree.distances.distance(i, j) }
        var options = HandTree.options
        options.cutHeight = 2
        #expect(HybridTreeCut.cut(HandTree.tree, distances: far, options: options) == [2, 2, 2, 1, 1, 1, 1, 1, 1, 2])
        options.cutHeight = 1
        #expect(HybridTreeCut.cut(HandTree.tree, distances: far, options: options) == [2, 2, 2, 1, 1, 1, 1, 1, 1, 0])
    }

    @Test func aSingleObjectIsUnassigned() {
        let one = TestDistances(count: 1) { _, _ in 0 }
        #expect(HybridTreeCut.cut(Dendrogram(merges: [], heights: []), distances: one, options: HybridTreeCutOptions()) == [0])
    }
}
