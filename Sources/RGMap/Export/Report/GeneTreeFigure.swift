/// The gene dendrogram of the first (largest) block with colour bars of the final and the
/// unmerged modules under it, as WGCNA's `plotDendroAndColors`.
struct GeneTreeFigure {
    var tree: Dendrogram
    /// Module of each leaf (tree leaf order is `tree.order`): final and before merging.
    var modules: [Int]
    var unmerged: [Int]
    var width = 1180.0

    func rendered(label: String) -> String {
        let labelWidth = 110.0, treeHeight = 300.0, bar = 18.0
        var svg = SVGDocument(width: width, height: treeHeight + 2 * bar + 30)
        let plotWidth = width - labelWidth - 10
        DendrogramDrawing.draw(tree, into: &svg, x: labelWidth, y: 6, width: plotWidth, height: treeHeight - 10, leaves: .bottom)
        let low = tree.heights.min() ?? 0, high = tree.heights.max() ?? 1
        svg.line(x1: labelWidth - 4, y1: 6, x2: labelWidth - 4, y2: treeHeight - 4, stroke: "#666")
        svg.text(SVGDocument.number(high), x: labelWidth - 8, y: 12, size: 9, anchor: .end)
        svg.text(SVGDocument.number(low), x: labelWidth - 8, y: treeHeight - 4, size: 9, anchor: .end)
        svg.text("height", x: labelWidth - 30, y: treeHeight / 2, size: 10, anchor: .middle, rotate: -90)
        for (row, (name, labels)) in [("Merged", modules), ("Tree cut", unmerged)].enumerated() {
            let y = treeHeight + Double(row) * (bar + 2)
            svg.text(name, x: labelWidth - 8, y: y + bar * 0.7, size: 10, anchor: .end)
            drawBar(labels, into: &svg, x: labelWidth, y: y, width: plotWidth, height: bar)
        }
        return svg.rendered(label: label)
    }

    /// One rect per run of equal colours in leaf order.
    private func drawBar(_ labels: [Int], into svg: inout SVGDocument, x: Double, y: Double, width: Double, height: Double) {
        let order = tree.merges.isEmpty ? [0] : tree.order
        let slot = width / Double(order.count)
        var start = 0
        for k in 1...order.count where k == order.count || labels[order[k]] != labels[order[start]] {
            let module = labels[order[start]]
            svg.rect(x: x + Double(start) * slot, y: y, width: Double(k - start) * slot, height: height, fill: ModuleColors.hex(of: module),
                     title: "module \(module) (\(ModuleColors.color(of: module))), \(k - start) genes in this run")
            start = k
        }
    }
}
