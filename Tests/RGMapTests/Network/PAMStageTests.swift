import Testing
@testable import RGMap

/// ``PAMStage``, `cutreeHybrid`'s PAM-like stage with average distances, on ``HandTree``:
/// after the tree stage A = module 1, B = module 2; 6 and the pair {7, 8} sit on their
/// composite branch, 9 on none.
@Suite struct PAMStageTests {
    static func stage(maxDistance: Double, respectsDendro: Bool = true) -> PAMStage<TestDistances> {
        let (pass, labels) = HandTree.pass()
        return PAMStage(distances: HandTree.distances, treeLabels: labels, pass: pass, maxDistance: maxDistance,
                        respectsDendro: respectsDendro)
    }

    @Test func diametersAreTheLargestAverageDistanceToTheRest() {
        let stage = Self.stage(maxDistance: 0.98)
        #expect(stage.members == [[0, 1, 2], [3, 4, 5]])
        // Averages to the rest: (0.1 + 0.2)/2, (0.1 + 0.2)/2, (0.2 + 0.2)/2.
        #expect(stage.diameters == [0.2, 0.2])
    }

    @Test func aSmallBranchJoinsTheNearestModuleOnItsBranchAsAWhole() {
        var stage = Self.stage(maxDistance: 0.98)
        stage.assignSmallBranches([0, 0, 0, 0, 0, 0, 0, 1, 1, 0])
        // Mean distance of {7,8} to A 0.97, to B 0.96 < 0.98.
        #expect(stage.labels == [1, 1, 1, 2, 2, 2, 0, 2, 2, 0])
    }

    @Test func aSmallBranchTooFarAwayIsSetAside() {
        var stage = Self.stage(maxDistance: 0.5)
        stage.assignSmallBranches([0, 0, 0, 0, 0, 0, 0, 1, 1, 0])
        // 0.96 is above both the diameter (0.2) and the limit: -1, so the single-object pass skips 7 and 8.
        #expect(stage.labels == [1, 1, 1, 2, 2, 2, 0, -1, -1, 0])
        stage.assignSingleObjects()
        #expect(stage.labels[7] == -1 && stage.labels[8] == -1)
    }

    @Test func anObjectWithinAModulesDiameterJoinsItWhateverTheLimit() {
        var stage = Self.stage(maxDistance: 0)
        stage.assignSingleObjects()
        // 6 is 0.15 from B on average, below B's diameter 0.2; 7 and 8 (0.96 from B) are not, and 9 is on no branch.
        #expect(stage.labels == [1, 1, 1, 2, 2, 2, 2, 0, 0, 0])
    }

    @Test func respectingTheTreeLeavesObjectsOnNoBranchAlone() {
        var respecting = Self.stage(maxDistance: 1)
        respecting.assignSingleObjects()
        #expect(respecting.labels == [1, 1, 1, 2, 2, 2, 2, 2, 2, 0])
        // Free of the tree, 9 is a candidate for both modules: 0.99 from each, the first wins the tie.
        var free = Self.stage(maxDistance: 1, respectsDendro: false)
        free.assignSingleObjects()
        #expect(free.labels == [1, 1, 1, 2, 2, 2, 2, 2, 2, 1])
        // Strictly below the limit: at 0.99, 9 stays out.
        var atLimit = Self.stage(maxDistance: 0.99, respectsDendro: false)
        atLimit.assignSingleObjects()
        #expect(atLimit.labels[9] == 0)
    }
}
