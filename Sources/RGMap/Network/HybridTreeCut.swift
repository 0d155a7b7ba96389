/// Settings of the hybrid dynamic tree cut (dynamicTreeCut's `cutreeHybrid`, as WGCNA's
/// `blockwiseModules` calls it through `cutreeDynamic`).
public struct HybridTreeCutOptions: Sendable, Equatable, Codable {
    /// Merges above this height are not considered; `nil` = 99% of the range from the 5%
    /// quantile of the merge heights to the highest merge. Lowered to the highest merge.
    public var cutHeight: Double?
    /// Smallest branch that can be a module; may be fractional (as `blockwiseModules` passes
    /// `min(20, genes/2)`), which changes the core size.
    public var minClusterSize: Double
    /// 0 (few, large modules) to 4 (many, small ones): sets the default core scatter and gap.
    public var deepSplit: Int
    /// Largest core scatter of a module, relative to the height range; `nil` = from deepSplit.
    public var maxCoreScatter: Double?
    /// Smallest gap between a module's core and its attachment, relative; `nil` = from deepSplit.
    public var minGap: Double?
    /// Assign objects left over by the tree stage to the nearest module (PAM-like stage).
    public var pamStage: Bool
    /// In that stage, only consider modules on the same branch of the tree.
    public var pamRespectsDendro: Bool
    /// Assign small unassigned branches as a whole before single objects.
    public var respectSmallClusters: Bool
    /// Largest average distance at which the PAM stage assigns; `nil` = `cutHeight` as given
    /// (before it is lowered to the highest merge), or the derived one when it is not given.
    public var maxPamDistance: Double?

    /// The defaults are cutreeHybrid's (minClusterSize 20, deepSplit 1, PAM stage on and
    /// respecting the tree, respectSmallClusters on).
    public init(cutHeight: Double? = nil, minClusterSize: Double = 20, deepSplit: Int = 1,
                maxCoreScatter: Double? = nil, minGap: Double? = nil,
                pamStage: Bool = true, pamRespectsDendro: Bool = true,
                respectSmallClusters: Bool = true, maxPamDistance: Double? = nil) {
        self.cutHeight = cutHeight
        self.minClusterSize = minClusterSize
        self.deepSplit = deepSplit
        self.maxCoreScatter = maxCoreScatter
        self.minGap = minGap
        self.pamStage = pamStage
        self.pamRespectsDendro = pamRespectsDendro
        self.respectSmallClusters = respectSmallClusters
        self.maxPamDistance = maxPamDistance
    }
}

/// The hybrid dynamic tree cut of Langfelder, Zhang and Horvath (2008), following
/// dynamicTreeCut 1.63 `cutreeHybrid` step by step (with average distances, not medoids,
/// in the PAM stage, as `cutreeDynamic` defaults).
///
/// Going up the tree, a merge of two branches keeps them apart when both are large enough,
/// compact enough (core scatter) and separated enough (gap); otherwise the failing branch
/// joins the other. Branches kept apart are the modules; objects left out are then assigned
/// to the nearest module in average distance, when close enough.
enum HybridTreeCut {
    /// Module labels per object: 1, 2, ... by decreasing size (ties by discovery), 0 = none.
    static func cut<D: PairwiseDistances>(_ tree: Dendrogram, distances: D, options: HybridTreeCutOptions) -> [Int] {
        // A one-gene block (possible when blocks are packed) has no tree to cut: its gene is unassigned.
        guard !tree.heights.isEmpty else { return [Int](repeating: 0, count: tree.heights.count + 1) }
        let n = tree.heights.count + 1
        precondition(distances.count == n, "distances must cover every leaf of the tree")
        precondition((0...4).contains(options.deepSplit), "deepSplit must be 0...4")
        let criteria = SplitCriteria(tree: tree, options: options)
        guard Double(tree.heights.filter({ $0 <= criteria.cutHeight }).count) >= options.minClusterSize else {
            return [Int](repeating: 0, count: n)
        }
        var pass = BranchPass(tree: tree, criteria: criteria, options: options, distances: distances)
        pass.run()
        var labels = pass.treeStageLabels()
        if options.pamStage, labels.contains(0), labels.contains(where: { $0 > 0 }) {
            var pam = PAMStage(distances: distances, treeLabels: labels, pass: pass,
                               maxDistance: options.maxPamDistance ?? options.cutHeight ?? criteria.cutHeight,
                               respectsDendro: options.pamRespectsDendro)
            if options.respectSmallClusters { pam.assignSmallBranches(pass.smallLabels) }
            pam.assignSingleObjects()
            labels = pam.labels
        }
        return ModuleMerging.relabelledBySize(labels.map { max($0, 0) })
    }

    /// The absolute thresholds `cutreeHybrid` derives from its relative settings.
    struct SplitCriteria {
        var cutHeight: Double
        var maxAbsCoreScatter: Double
        var minAbsGap: Double
        var minAbsSplitHeight: Double

        init(tree: Dendrogram, options: HybridTreeCutOptions) {
            let heights = tree.heights, top = heights.max()!
            // cutreeHybrid: refQuantile = 0.05, refMerge = round(nMerge * refQuantile) (R rounds half to even).
            let refMerge = max(1, Int((Double(heights.count) * 0.05).rounded(.toNearestOrEven)))
            let refHeight = heights[refMerge - 1]
            if let given = options.cutHeight {
                cutHeight = min(given, top)
            } else {
                cutHeight = 0.99 * (top - refHeight) + refHeight  // cutreeHybrid's default cutHeight
            }
            // cutreeHybrid's defMCS = c(0.64, 0.73, 0.82, 0.91, 0.95) and defMG = (1 - defMCS) * 3/4.
            let defaultScatter = [0.64, 0.73, 0.82, 0.91, 0.95][options.deepSplit]
            let scatter = options.maxCoreScatter ?? defaultScatter
            let gap = options.minGap ?? (1 - defaultScatter) * 3 / 4
            maxAbsCoreScatter = refHeight + scatter * (cutHeight - refHeight)
            minAbsGap = gap * (cutHeight - refHeight)
            minAbsSplitHeight = refHeight  // minSplitHeight 0
        }
    }

    /// dynamicTreeCut's `.CoreSize`: the first objects of a branch that form its core
    /// (`as.integer(minClusterSize/2 + 1 + sqrt(BranchSize - minClusterSize/2 - 1))`).
    static func coreSize(branchSize: Int, minClusterSize: Double) -> Int {
        let base = minClusterSize / 2 + 1
        return base < Double(branchSize) ? Int(base + (Double(branchSize) - base).squareRoot()) : branchSize
    }

    /// Average distance within the core (R: `mean(colSums(distM[Core, Core]) / (coresize - 1))`).
    static func coreScatter<D: PairwiseDistances>(_ core: ArraySlice<Int>, _ d: D) -> Double {
        let size = core.count, members = Array(core)
        let denominator = Double(size - 1)
        return RSummation.mean(count: size) { column in
            RSummation.sum(count: size) { row in d.distance(members[row], members[column]) } / denominator
        }
    }
}
