/// The "tree" method of dynamicTreeCut (`cutreeDynamicTree`, 1.63): it needs only the tree.
///
/// The tree is cut statically at `maxTreeHeight`; in the leaf order of the tree, each static
/// cluster's run of joining heights is split where the heights cross their mean (or the
/// midpoint towards the maximum, then the minimum) with enough low points before the cut;
/// small pieces are re-attached; with `deepSplit` the pieces are split again until nothing
/// changes. Pieces of at least `minModuleSize` leaves are the modules.
public enum DynamicTreeCut {
    /// Module labels per leaf: 1, 2, ... by decreasing size, 0 = none.
    /// `maxTreeHeight` nil or above 99% of the highest merge means 99% of it.
    public static func cut(_ tree: Dendrogram, maxTreeHeight: Double? = nil, deepSplit: Bool = true,
                           minModuleSize: Int = 50) -> [Int] {
        let n = tree.heights.count + 1
        guard n > 1 else { return [0] }
        let top = tree.heights.max()!
        var height = maxTreeHeight ?? 0.99 * top
        if height > top { height = 0.99 * top }
        let staticLabels = staticCut(tree, height: height, minSize: minModuleSize)
        // Per leaf, in the tree's leaf order: the height at which it joins the tree.
        var joinHeight = [Double](repeating: 0, count: n)
        for (step, (left, right)) in tree.merges.enumerated() {
            if left < 0 { joinHeight[-left - 1] = tree.heights[step] }
            if right < 0 { joinHeight[-right - 1] = tree.heights[step] }
        }
        let order = tree.order
        let orderedHeights = order.map { joinHeight[$0] }
        var pieces = runs(of: order.map { staticLabels[$0] })
        guard !pieces.isEmpty else { return [Int](repeating: 0, count: n) }
        while true {
            let split = pieces.flatMap { piece in
                IndividualCluster(heights: Array(orderedHeights[piece]), minModuleSize: minModuleSize)
                    .pieces(mode: .mean).map { ($0.lowerBound + piece.lowerBound)...($0.upperBound + piece.lowerBound) }
            }
            let changed = split.count != pieces.count
            pieces = split
            if !deepSplit || !changed { break }
        }
        var orderedLabels = [Int](repeating: 0, count: n)
        var label = 0
        for piece in pieces where piece.count >= minModuleSize {
            label += 1
            for position in piece { orderedLabels[position] = label }
        }
        var labels = [Int](repeating: 0, count: n)
        for (position, leaf) in order.enumerated() { labels[leaf] = orderedLabels[position] }
        return ModuleMerging.relabelledBySize(labels)
    }

    /// dynamicTreeCut's `.cutTreeStatic`: groups of `cutree(h = height)` with at least
    /// `minSize` leaves, numbered by decreasing size (ties by group number); -1 elsewhere.
    static func staticCut(_ tree: Dendrogram, height: Double, minSize: Int) -> [Int] {
        let groups = tree.groups(atHeight: height)
        var sizes = [Int](repeating: 0, count: (groups.max() ?? 0) + 1)
        for group in groups { sizes[group] += 1 }
        let large = (1..<sizes.count).filter { sizes[$0] >= minSize }.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        var number = [Int](repeating: -1, count: sizes.count)
        for (rank, group) in large.enumerated() { number[group] = rank + 1 }
        return groups.map { number[$0] }
    }

    /// dynamicTreeCut's `.locateCluster`: the runs of equal positive labels, as closed
    /// ranges of positions. Kept as R has it: a run followed by a different label at the
    /// very last position is reported up to that last position.
    static func runs(of labels: [Int]) -> [ClosedRange<Int>] {
        let n = labels.count
        var flags: [Int] = []
        for i in 0..<n {
            let changed = i == 0 ? labels[0] > 0 : labels[i] != labels[i - 1]
            if changed || (i == n - 1 && labels[i] > 0) { flags.append(i) }
        }
        guard flags.count >= 2 else { return [] }
        var result: [ClosedRange<Int>] = []
        for k in 0..<(flags.count - 1) where labels[flags[k]] > 0 {
            if flags[k + 1] == n - 1 {
                result.append(flags[k]...(n - 1))
                break
            }
            result.append(flags[k]...(flags[k + 1] - 1))
        }
        return result
    }
}

/// dynamicTreeCut's `.processIndividualCluster`: splits one static cluster's run of joining
/// heights (in leaf order) into pieces.
struct IndividualCluster {
    let heights: [Double]
    let minModuleSize: Int

    /// The reference line the heights are compared with, tried in this order.
    enum Mode { case mean, upper, lower }

    func pieces(mode: Mode) -> [ClosedRange<Int>] {
        let m = heights.count
        let average = RSummation.mean(count: m) { heights[$0] }
        let line: Double
        switch mode {
        case .mean: line = average
        case .upper: line = (average + heights.max()!) / 2
        case .lower: line = (average + heights.min()!) / 2
        }
        let difference = heights.map { $0 - line }
        // Candidate ends: below the line, with the next point above it; plus both ends.
        var cuts = (0..<m).map { i in difference[i] < 0 && difference[min(i + 1, m - 1)] > 0 }
        cuts[0] = true
        cuts[m - 1] = true
        let candidates = (0..<m).filter { cuts[$0] }
        guard candidates.count > 2 else { return retry(mode) ?? [0...(m - 1)] }
        // A good end has enough points at or below the line just before it (R counts 0
        // when the whole segment is at or below it).
        let minTailRun = minModuleSize / 3 + 1
        for k in 1..<(candidates.count - 1) {
            let segment = (candidates[k - 1] + 1)...candidates[k]
            let tail = segment.reversed().prefix { difference[$0] <= 0 }.count
            if tail == segment.count || tail < minTailRun { cuts[candidates[k]] = false }
        }
        attachSmallPieces(&cuts)
        var ends = (0..<m).filter { cuts[$0] }
        // A too small last piece joins the one before it.
        if ends.count > 2 && ends[ends.count - 1] - ends[ends.count - 2] + 1 < minModuleSize {
            cuts[ends[ends.count - 2]] = false
            ends = (0..<m).filter { cuts[$0] }
        }
        guard ends.count > 2 else { return retry(mode) ?? [0...(m - 1)] }
        return (0..<(ends.count - 1)).map { k in (k == 0 ? 0 : ends[k] + 1)...ends[k + 1] }
    }

    /// The next reference line to try when a line gives a single piece.
    private func retry(_ mode: Mode) -> [ClosedRange<Int>]? {
        switch mode {
        case .mean: return pieces(mode: .upper)
        case .upper: return pieces(mode: .lower)
        case .lower: return nil
        }
    }

    /// A piece lower on average than the piece to its left, and smaller than twice the
    /// minimum module size, joins it (R leaves out the very first point of that first mean).
    private func attachSmallPieces(_ cuts: inout [Bool]) {
        guard cuts.filter({ $0 }).count > 3 else { return }
        var current = 1
        while true {
            let ends = cuts.indices.filter { cuts[$0] }
            guard current <= ends.count - 2 else { break }
            let previous = (ends[current - 1] + 1)...ends[current]
            let piece = (ends[current] + 1)...ends[current + 1]
            let previousMean = RSummation.mean(count: previous.count) { heights[previous.lowerBound + $0] }
            let pieceMean = RSummation.mean(count: piece.count) { heights[piece.lowerBound + $0] }
            if pieceMean < previousMean && piece.count < 2 * minModuleSize {
                cuts[ends[current]] = false
            } else {
                current += 1
            }
        }
    }
}
