import Testing
@testable import RGMap

/// Distances of test data: a full symmetric matrix, 0 on the diagonal.
struct TestDistances: PairwiseDistances {
    let count: Int
    let values: [Double]

    /// `pair(i, j)` gives the distance for i < j.
    init(count: Int, _ pair: (Int, Int) -> Double) {
        self.count = count
        values = (0..<(count * count)).map { k in k / count == k % count ? 0 : pair(min(k / count, k % count), max(k / count, k % count)) }
    }

    func distance(_ i: Int, _ j: Int) -> Double { values[i * count + j] }
}

/// A tree small enough to follow `cutreeHybrid` by hand: modules A = {0, 1, 2} and
/// B = {3, 4, 5} (within each, distances 0.1, 0.2, 0.2; between them 0.9), object 6 (0.15 from
/// B, 0.95 from A), a pair {7, 8} (0.05 apart, 0.96 from B, 0.97 from A) and object 9 (0.99
/// from all), which joins above the cut.
enum HandTree {
    static let distances = TestDistances(count: 10) { i, j in
        let a = 0...2, b = 3...5
        if j == 9 { return 0.99 }
        if a.contains(i) && a.contains(j) || b.contains(i) && b.contains(j) { return j - i == 1 && i % 3 == 0 ? 0.1 : 0.2 }
        if a.contains(i) && b.contains(j) { return 0.9 }
        if j == 6 { return a.contains(i) ? 0.95 : 0.15 }
        if i == 7 && j == 8 { return 0.05 }
        return a.contains(i) ? 0.97 : (b.contains(i) ? 0.96 : 0.97)  // 7 or 8 against A, B or 6
    }
    /// {7,8}; {0,1}; {3,4}; 2 joins {0,1}; 5 joins {3,4}; A and B; 6 joins them; {7,8} joins; 9 joins at 1.
    static let tree = Dendrogram(merges: [(-8, -9), (-1, -2), (-4, -5), (-3, 2), (-6, 3), (4, 5), (-7, 6), (1, 7), (-10, 8)],
                                 heights: [0.05, 0.1, 0.1, 0.2, 0.2, 0.9, 0.95, 0.97, 1])
    static let options = HybridTreeCutOptions(cutHeight: 0.98, minClusterSize: 3, deepSplit: 1)

    /// The tree stage run over `tree` (or the first `leaves` objects' part of it).
    static func pass(_ tree: Dendrogram = tree, options: HybridTreeCutOptions = options) -> (BranchPass<TestDistances>, [Int]) {
        let criteria = HybridTreeCut.SplitCriteria(tree: tree, options: options)
        var pass = BranchPass(tree: tree, criteria: criteria, options: options, distances: distances)
        pass.run()
        let labels = pass.treeStageLabels()
        return (pass, labels)
    }
}

/// ``BranchPass``, the tree stage of `cutreeHybrid` (dynamicTreeCut 1.63), on ``HandTree``.
/// With cutHeight 0.98 and deepSplit 1: reference height 0.05 (merge round(9 x 0.05) -> 1),
/// maximum core scatter 0.05 + 0.73 x 0.93 = 0.7289, minimum gap 0.2025 x 0.93 = 0.188325.
@Suite struct HybridTreeCutBranchesTests {
    @Test func twoCompactBranchesBecomeModulesUnderAComposite() {
        let (pass, labels) = HandTree.pass()
        // A and B meet at 0.9: core scatter (0.15 + 0.15 + 0.2)/3 = 1/6, gap 0.9 - 1/6 > 0.188: both kept.
        #expect(labels == [1, 1, 1, 2, 2, 2, 0, 0, 0, 0])
        #expect(pass.branches.count == 4)
        #expect(pass.branches.map(\.isBasic) == [true, true, true, false])
        #expect(pass.branches[3].basicClusters == [1, 2] && pass.branches[3].size == 9)
        #expect(pass.branches[1].singletons == [0, 1, 2] && pass.branches[2].singletons == [3, 4, 5])
        #expect(pass.branchLabels == [0, 1, 2, 0])
        #expect(pass.labelsOnBranch(4) == [1, 2])
    }

    @Test func objectsJoiningACompositeAreRecordedOnIt() {
        let (pass, _) = HandTree.pass()
        // 6 joins the composite directly, the pair {7,8} is absorbed into it; 9 joins above the cut.
        #expect(pass.onBranch == [0, 0, 0, 0, 0, 0, 4, 4, 4, 0])
    }

    @Test func aBranchFailingOnlyOnSizeIsKeptForThePAMStage() {
        let (pass, _) = HandTree.pass()
        // {7,8}: 2 < 3 genes, compact (scatter 0.05) and deep (0.97 - 0.05): it fails on size alone.
        #expect(pass.branches[0].failSize && !pass.branches[0].isTopBasic && pass.branches[0].attachHeight == 0.97)
        #expect(pass.smallLabels == [0, 0, 0, 0, 0, 0, 0, 1, 1, 0])
    }

    /// A and B alone: merges 0.1, 0.1, 0.2, 0.2, 0.9; cut 0.9, reference 0.1.
    static let groups = Dendrogram(merges: [(-1, -2), (-4, -5), (-3, 1), (-6, 2), (3, 4)], heights: [0.1, 0.1, 0.2, 0.2, 0.9])

    @Test func aDiffuseBranchJoinsTheOtherAndIsNotASmallBranch() {
        // Maximum core scatter 0.1 + 0.05 x 0.8 = 0.14 < 1/6: A joins B, and B's core {3,4,5,0}
        // (as.integer(2.5 + sqrt(3.5)) = 4 objects) scatters (0.4 + 0.4 + 0.4333 + 0.9)/4 = 0.533.
        let options = HybridTreeCutOptions(cutHeight: 0.99, minClusterSize: 3, maxCoreScatter: 0.05)
        let (pass, labels) = HandTree.pass(Self.groups, options: options)
        #expect(labels == [0, 0, 0, 0, 0, 0])
        #expect(pass.branches.count == 2 && pass.branches[1].singletons == [3, 4, 5, 0, 1, 2])
        #expect(!pass.branches[0].failSize && pass.smallLabels.allSatisfy { $0 == 0 })
    }

    @Test func aShallowBranchJoinsTheOther() {
        // Minimum gap 0.99 x 0.8 = 0.792 > 0.9 - 1/6: too shallow; with the default gap both are modules.
        let shallow = HybridTreeCutOptions(cutHeight: 0.99, minClusterSize: 3, minGap: 0.99)
        #expect(HandTree.pass(Self.groups, options: shallow).1 == [0, 0, 0, 0, 0, 0])
        let deep = HybridTreeCutOptions(cutHeight: 0.99, minClusterSize: 3)
        #expect(HandTree.pass(Self.groups, options: deep).1 == [1, 1, 1, 2, 2, 2])
    }

    @Test func modulesNeedTheMinimumSize() {
        // With 4 genes needed, A fails on size at 0.9 and joins B, whose core scatter (0.533) then passes: one module of six.
        let options = HybridTreeCutOptions(cutHeight: 0.99, minClusterSize: 4)
        let (pass, labels) = HandTree.pass(Self.groups, options: options)
        #expect(labels == [1, 1, 1, 1, 1, 1])
        // A failed on size only, but its objects are in a module now: no small-branch label.
        #expect(pass.branches[0].failSize && pass.smallLabels.allSatisfy { $0 == 0 })
    }
}
