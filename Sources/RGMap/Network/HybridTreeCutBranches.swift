/// A branch of the tree as `cutreeHybrid` tracks it while going up the merges.
struct TreeCutBranch {
    /// Basic: built from objects only. Composite: two or more basic branches kept apart.
    var isBasic = true
    /// Basic and never merged into another basic branch (a module candidate).
    var isTopBasic = true
    /// Merged into another branch only because it was too small.
    var failSize = false
    var attachHeight: Double?
    var size = 2
    /// Objects of a basic branch in the order they joined it (the core comes first).
    var singletons: [Int] = []
    /// Basic branches under a composite one.
    var basicClusters: [Int] = []
}

/// The tree stage of `cutreeHybrid`: one pass over the merges below the cut height.
struct BranchPass<D: PairwiseDistances> {
    let tree: Dendrogram
    let criteria: HybridTreeCut.SplitCriteria
    let options: HybridTreeCutOptions
    let distances: D
    private(set) var branches: [TreeCutBranch] = []
    /// For each object that joined a composite branch directly, that branch (+1; 0 = none).
    private(set) var onBranch: [Int]
    /// Branch (index) each merge belongs to.
    private var branchOfMerge: [Int]
    /// Module label of each branch that is a module (0 otherwise), after `treeStageLabels`.
    private(set) var branchLabels: [Int] = []
    /// Per object: the (1-based) small branch it belongs to, when that branch failed only on size.
    private(set) var smallLabels: [Int] = []

    init(tree: Dendrogram, criteria: HybridTreeCut.SplitCriteria, options: HybridTreeCutOptions, distances: D) {
        self.tree = tree
        self.criteria = criteria
        self.options = options
        self.distances = distances
        onBranch = [Int](repeating: 0, count: tree.heights.count + 1)
        branchOfMerge = [Int](repeating: -1, count: tree.heights.count)
    }

    mutating func run() {
        for (step, (left, right)) in tree.merges.enumerated() where tree.heights[step] <= criteria.cutHeight {
            let height = tree.heights[step]
            if left < 0 && right < 0 {
                branches.append(TreeCutBranch(singletons: [-left - 1, -right - 1]))
                branchOfMerge[step] = branches.count - 1
            } else if (left < 0) != (right < 0) {
                let branch = branchOfMerge[max(left, right) - 1], object = -min(left, right) - 1
                if branches[branch].isBasic {
                    branches[branch].singletons.append(object)
                } else {
                    onBranch[object] = branch + 1
                }
                branches[branch].size += 1
                branchOfMerge[step] = branch
            } else {
                branchOfMerge[step] = join(branchOfMerge[left - 1], branchOfMerge[right - 1], at: height)
            }
        }
    }

    /// Two branches meet at `height`: one absorbs the other, or they become (part of) a composite.
    private mutating func join(_ first: Int, _ second: Int, at height: Double) -> Int {
        var small = first, large = second
        if branches[first].size > branches[second].size { swap(&small, &large) }
        var merge = false, smallFailsOnlySize = false
        if let failure = failure(of: small, at: height) {
            merge = true; smallFailsOnlySize = failure
        } else if let failure = failure(of: large, at: height) {
            merge = true; smallFailsOnlySize = failure
            swap(&small, &large)
        }
        if merge {
            branches[small].failSize = smallFailsOnlySize
            branches[small].attachHeight = height
            branches[small].isTopBasic = false
            if branches[large].isBasic {
                branches[large].singletons += branches[small].singletons
            } else {
                for object in branches[small].singletons { onBranch[object] = large + 1 }
            }
            branches[large].size += branches[small].size
            return large
        }
        if branches[large].isBasic && !branches[small].isBasic { swap(&small, &large) }
        let added = members(small) + (branches[large].isBasic ? [large] : [])
        if branches[large].isBasic || (options.pamStage && options.pamRespectsDendro) {
            branches[large].attachHeight = height
            branches[small].attachHeight = height
            let composite = TreeCutBranch(isBasic: false, isTopBasic: false, size: branches[small].size + branches[large].size,
                                          basicClusters: added + (branches[large].isBasic ? [] : branches[large].basicClusters))
            branches.append(composite)
            return branches.count - 1
        }
        branches[large].basicClusters += added
        branches[large].size += branches[small].size
        branches[small].attachHeight = height
        return large
    }

    /// The basic branches a branch stands for.
    private func members(_ branch: Int) -> [Int] {
        branches[branch].isBasic ? [branch] : branches[branch].basicClusters
    }

    /// Whether a basic branch fails to be a module at a merge of this height: nil when it
    /// passes (or is composite), else whether size alone made it fail.
    private func failure(of branch: Int, at height: Double) -> Bool? {
        guard branches[branch].isBasic else { return nil }
        let scatter = coreScatter(of: branch)
        let tooSmall = Double(branches[branch].size) < options.minClusterSize
        let tooDiffuse = scatter > criteria.maxAbsCoreScatter
        let tooShallow = height - scatter < criteria.minAbsGap
        let tooLow = height < criteria.minAbsSplitHeight
        guard tooSmall || tooDiffuse || tooShallow || tooLow else { return nil }
        return !(tooDiffuse || tooShallow)
    }

    private func coreScatter(of branch: Int) -> Double {
        let singletons = branches[branch].singletons
        let size = HybridTreeCut.coreSize(branchSize: singletons.count, minClusterSize: options.minClusterSize)
        return HybridTreeCut.coreScatter(singletons[0..<size], distances)
    }

    /// Labels of the tree stage: the branches that are modules, numbered in branch order.
    /// Also records each module branch's label and the objects of small failed branches.
    mutating func treeStageLabels() -> [Int] {
        let n = onBranch.count
        smallLabels = [Int](repeating: 0, count: n)
        var isCluster = [Bool](repeating: false, count: branches.count)
        for index in branches.indices {
            if branches[index].attachHeight == nil { branches[index].attachHeight = criteria.cutHeight }
            let branch = branches[index]
            if branch.isTopBasic {
                let scatter = coreScatter(of: index)
                isCluster[index] = Double(branch.size) >= options.minClusterSize && scatter < criteria.maxAbsCoreScatter
                    && branch.attachHeight! - scatter > criteria.minAbsGap
            }
            if branch.failSize { for object in branch.singletons { smallLabels[object] = index + 1 } }
        }
        var labels = [Int](repeating: 0, count: n)
        branchLabels = [Int](repeating: 0, count: branches.count)
        var label = 0
        for index in branches.indices where isCluster[index] {
            label += 1
            for object in branches[index].singletons { labels[object] = label; smallLabels[object] = 0 }
            branchLabels[index] = label
        }
        return labels
    }

    /// Module labels of the basic branches under the composite branch `onBranch` (1-based).
    func labelsOnBranch(_ oneBased: Int) -> [Int] {
        branches[oneBased - 1].basicClusters.map { branchLabels[$0] }
    }
}
