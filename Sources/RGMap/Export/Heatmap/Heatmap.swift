/// The data of one plot-ready heatmap: two axes and one or more matrices over them.
public struct Heatmap: Sendable {
    /// One matrix of the heatmap, rows x columns, row-major, axes in input order.
    public struct Layer: Sendable, Equatable {
        /// File stem it is written under (`r`, `q`, `adjacency`, ...).
        public var name: String
        public var values: [Double]
    }

    public var rows: ClusteredAxis
    public var columns: ClusteredAxis
    public var layers: [Layer]
    /// Header of the label column (`feature`, `module`).
    public var corner: String

    /// A layer's values in display order, as a labelled matrix.
    public func display(_ layer: Layer) -> LabeledMatrix {
        let c = columns.labels.count
        var values: [Double] = []
        values.reserveCapacity(layer.values.count)
        for row in rows.order { for column in columns.order { values.append(layer.values[row * c + column]) } }
        return LabeledMatrix(rowLabels: rows.displayLabels, columnLabels: columns.displayLabels, values: values)
    }

    /// The layer named `name`.
    public func layer(_ name: String) -> Layer? { layers.first { $0.name == name } }
}

/// The smallest q and the largest |r| among the `pairs` (indices into `q` and `r`), NaN
/// when none is known: what ``topRanked(_:count:q:strength:)`` ranks an item by.
func strongestPair(_ pairs: some Sequence<Int>, q: [Double], r: [Double]) -> (q: Double, r: Double) {
    var bestQ = Double.nan, bestR = Double.nan
    for pair in pairs {
        if !q[pair].isNaN, bestQ.isNaN || q[pair] < bestQ { bestQ = q[pair] }
        let size = abs(r[pair])
        if !size.isNaN, bestR.isNaN || size > bestR { bestR = size }
    }
    return (bestQ, bestR)
}

/// Picks the `count` best of `n` items: smallest `q`, then largest `strength`, then input
/// order; items whose q is NaN come last.
func topRanked(_ n: Int, count: Int, q: [Double], strength: [Double]) -> [Int] {
    let sorted = (0..<n).sorted { a, b in
        let qa = q[a].isNaN ? .infinity : q[a], qb = q[b].isNaN ? .infinity : q[b]
        if qa != qb { return qa < qb }
        let sa = strength[a].isNaN ? -1 : strength[a], sb = strength[b].isNaN ? -1 : strength[b]
        return sa != sb ? sa > sb : a < b
    }
    return Array(sorted.prefix(count))
}
