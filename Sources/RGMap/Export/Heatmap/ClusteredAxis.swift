/// One axis of a heatmap: its labels in input order, their display order and, when the
/// axis was clustered, its dendrogram.
public struct ClusteredAxis: Sendable, Equatable {
    public var labels: [String]
    /// Input indices left to right (top to bottom).
    public var order: [Int]
    public var tree: Dendrogram?
    /// What the tree's heights measure, for the JSON merge list.
    public var distance: String

    /// An axis drawn in input order, without a tree.
    public init(fixed labels: [String]) {
        self.labels = labels
        order = Array(labels.indices)
        tree = nil
        distance = ""
    }

    /// An axis ordered by `tree` (which has one leaf per label).
    public init(labels: [String], tree: Dendrogram, distance: String) {
        self.labels = labels
        self.tree = tree
        self.distance = distance
        order = tree.order
    }

    /// The axis clustered by average linkage on 1 - r, r the Pearson correlation of the
    /// profiles (one per label, all of the same length); a missing value in a profile counts
    /// as 0 and a correlation that cannot be computed (a constant profile) as 0.
    public init(labels: [String], clusteringProfiles profiles: [[Double]]) {
        precondition(profiles.count == labels.count)
        var distances = Self.correlations(profiles.map { $0.map { $0.isNaN ? 0 : $0 } }).map { 1 - ($0.isNaN ? 0 : $0) }
        self.init(labels: labels, tree: AverageLinkage.cluster(dissimilarity: &distances, count: labels.count),
                  distance: "1 - Pearson r of the profiles")
    }

    /// The n x n Pearson correlations of `profiles` (row-major, 1 on the diagonal).
    static func correlations(_ profiles: [[Double]]) -> [Double] {
        let n = profiles.count
        var r = [Double](repeating: 1, count: n * n)
        for i in 0..<n {
            for j in 0..<i {
                r[i * n + j] = VectorCorrelation.pearson(profiles[i], profiles[j])
                r[j * n + i] = r[i * n + j]
            }
        }
        return r
    }

    /// The labels in display order.
    public var displayLabels: [String] { order.map { labels[$0] } }
}
