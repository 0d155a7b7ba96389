/// The PAM-like stage of `cutreeHybrid` with average distances (`useMedoids = FALSE`):
/// objects the tree stage left unassigned join the module at the smallest average distance,
/// when that distance is below the module's diameter or `maxDistance`.
struct PAMStage<D: PairwiseDistances> {
    let distances: D
    /// Labels after the tree stage (module membership for all distances below).
    let treeLabels: [Int]
    let onBranch: [Int]
    let labelsOnBranch: (Int) -> [Int]
    let maxDistance: Double
    let respectsDendro: Bool
    /// Per module label (index label - 1): the largest average distance of a member to the rest.
    let diameters: [Double]
    /// Members of each module label (index label - 1), in object order.
    let members: [[Int]]
    private(set) var labels: [Int]

    init(distances: D, treeLabels: [Int], pass: BranchPass<D>, maxDistance: Double, respectsDendro: Bool) {
        self.distances = distances
        self.treeLabels = treeLabels
        onBranch = pass.onBranch
        labelsOnBranch = { pass.labelsOnBranch($0) }
        self.maxDistance = maxDistance
        self.respectsDendro = respectsDendro
        labels = treeLabels
        var members = [[Int]](repeating: [], count: treeLabels.max() ?? 0)
        for (object, label) in treeLabels.enumerated() where label > 0 { members[label - 1].append(object) }
        self.members = members
        diameters = members.map { cluster in
            guard cluster.count > 1 else { return 0 }
            let denominator = Double(cluster.count - 1)
            var largest = -Double.infinity
            for column in cluster {
                let average = RSummation.sum(count: cluster.count) { distances.distance(cluster[$0], column) } / denominator
                largest = max(largest, average)
            }
            return largest
        }
    }

    /// Small branches that failed only on size are assigned as a whole, by the mean over the
    /// module's members of their mean distance to the branch.
    mutating func assignSmallBranches(_ smallLabels: [Int]) {
        var groups: [Int: [Int]] = [:]
        for (object, label) in smallLabels.enumerated() where label != 0 { groups[label, default: []].append(object) }
        for label in groups.keys.sorted() {
            let group = groups[label]!
            guard let candidates = candidateModules(for: group) else { continue }
            let closest = nearest(among: candidates) { member in
                RSummation.columnMean(count: group.count) { distances.distance(group[$0], member) }
            }
            let assigned = closest.distance < diameters[closest.label - 1] || closest.distance < maxDistance
            for object in group { labels[object] = assigned ? closest.label : -1 }
        }
    }

    /// Remaining single objects, each by its mean distance to each module's members.
    mutating func assignSingleObjects() {
        for object in labels.indices where labels[object] == 0 {
            guard let candidates = candidateModules(for: [object]) else { continue }
            let closest = nearest(among: candidates) { distances.distance($0, object) }
            if closest.distance < diameters[closest.label - 1] || closest.distance < maxDistance {
                labels[object] = closest.label
            }
        }
    }

    /// The modules an object (or small branch) may join: all, or those on its composite
    /// branch; nil when it is on none.
    private func candidateModules(for objects: [Int]) -> [Int]? {
        guard respectsDendro else { return Array(1...members.count) }
        let branch = onBranch[objects[0]]
        guard branch > 0 else { return nil }
        let modules = Set(labelsOnBranch(branch)).filter { $0 > 0 }.sorted()
        return modules.isEmpty ? nil : modules
    }

    /// The module with the smallest mean of `value` over its members (the first on ties).
    private func nearest(among modules: [Int], _ value: (Int) -> Double) -> (label: Int, distance: Double) {
        var best = (label: modules[0], distance: Double.infinity)
        for label in modules {
            let cluster = members[label - 1]
            let average = RSummation.mean(count: cluster.count) { value(cluster[$0]) }
            if average < best.distance { best = (label, average) }
        }
        return best
    }
}
