/// Draws a dendrogram as one SVG path of elbow links.
enum DendrogramDrawing {
    /// Where the leaves sit: along the bottom edge (root up) or the right edge (root left).
    enum Leaves { case bottom, right }

    /// Draws `tree` into the box; leaf k of the tree's order is centred in the k-th of
    /// `tree.order.count` equal slots along the leaf edge. Heights map linearly from the
    /// lowest merge (at the leaf edge) to the highest (the far edge).
    static func draw(_ tree: Dendrogram, into svg: inout SVGDocument, x: Double, y: Double, width: Double, height: Double,
                     leaves: Leaves, stroke: String = "#333") {
        guard !tree.merges.isEmpty else { return }
        let n = tree.merges.count + 1
        let along = leaves == .bottom ? width : height, across = leaves == .bottom ? height : width
        let slot = along / Double(n)
        var slotOfLeaf = [Double](repeating: 0, count: n)
        for (k, leaf) in tree.order.enumerated() { slotOfLeaf[leaf] = (Double(k) + 0.5) * slot }
        let low = tree.heights.min()!, high = tree.heights.max()!
        let span = high > low ? high - low : 1
        func depth(_ h: Double) -> Double { (h - low) / span * across }
        var position = [(along: Double, depth: Double)]()  // per merge
        position.reserveCapacity(n - 1)
        func point(_ node: Int) -> (along: Double, depth: Double) { node < 0 ? (slotOfLeaf[-node - 1], 0) : position[node - 1] }
        // Maps (along, depth) to SVG coordinates.
        func xy(_ a: Double, _ d: Double) -> String {
            leaves == .bottom ? "\(SVGDocument.number(x + a)),\(SVGDocument.number(y + height - d))"
                : "\(SVGDocument.number(x + width - d)),\(SVGDocument.number(y + a))"
        }
        var d = ""
        for (step, merge) in tree.merges.enumerated() {
            let a = point(merge.0), b = point(merge.1), h = depth(tree.heights[step])
            d += "M" + xy(a.along, a.depth) + "L" + xy(a.along, h) + "L" + xy(b.along, h) + "L" + xy(b.along, b.depth)
            position.append(((a.along + b.along) / 2, h))
        }
        svg.path(d, stroke: stroke, width: n > 2000 ? 0.3 : 0.7)
    }
}
