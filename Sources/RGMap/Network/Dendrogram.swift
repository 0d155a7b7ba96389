/// A binary merge tree in R's `hclust` form.
public struct Dendrogram: Sendable, Equatable {
    /// Per merge step (n - 1 of them): the two merged clusters, negative = leaf (1-based),
    /// positive = the cluster formed at that earlier step (1-based). As R orders them: a
    /// leaf before a cluster, two leaves or two clusters by increasing number.
    public var merges: [(Int, Int)]
    /// Height of each merge, non-decreasing.
    public var heights: [Double]

    public static func == (a: Dendrogram, b: Dendrogram) -> Bool {
        a.heights == b.heights && a.merges.elementsEqual(b.merges) { $0 == $1 }
    }

    /// The leaves (0-based) in the order R's `hclust` draws them: from the last merge down,
    /// each cluster replaced by its first then its second member.
    public var order: [Int] {
        guard let last = merges.last else { return merges.isEmpty ? [0] : [] }
        var order = [last.0, last.1]
        var position = 0
        while position < order.count {
            let item = order[position]
            if item > 0 {
                let (first, second) = merges[item - 1]
                order.replaceSubrange(position...position, with: [first, second])
            } else {
                position += 1
            }
        }
        return order.map { -$0 - 1 }
    }
}

extension Dendrogram {
    /// R's `cutree(tree, h = height)`: the groups formed by the merges up to the first one
    /// above `height`, numbered 1, 2, ... in the order of their first leaf.
    public func groups(atHeight height: Double) -> [Int] {
        let n = merges.count + 1
        let applied = heights.firstIndex { $0 > height } ?? merges.count
        var parent = Array(0..<n)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        var representative: [Int] = []  // a leaf of each merge's cluster
        for (left, right) in merges[0..<applied] {
            let a = left < 0 ? -left - 1 : representative[left - 1]
            let b = right < 0 ? -right - 1 : representative[right - 1]
            parent[root(b)] = root(a)
            representative.append(a)
        }
        var number: [Int: Int] = [:]
        return (0..<n).map { leaf in
            let r = root(leaf)
            if let existing = number[r] { return existing }
            number[r] = number.count + 1
            return number.count
        }
    }
}
