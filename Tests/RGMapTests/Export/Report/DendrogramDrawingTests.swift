import Testing
@testable import RGMap

/// A dendrogram drawn as elbow links: leaves in the tree's order in equal slots, each merge's
/// bar at its height, the bars joined to their children.
@Suite struct DendrogramDrawingTests {
    /// Four leaves: {2, 4} at height 1, {1, 3} at 2, both at 4. R's order puts {2, 4} first:
    /// leaves (0-based) 1, 3, 0, 2.
    static let tree = Dendrogram(merges: [(-2, -4), (-1, -3), (1, 2)], heights: [1, 2, 4])

    static func drawn(_ tree: Dendrogram, leaves: DendrogramDrawing.Leaves) throws -> (MarkupElement, [[(x: Double, y: Double)]]) {
        var svg = SVGDocument(width: 500, height: 200)
        DendrogramDrawing.draw(tree, into: &svg, x: 10, y: 20, width: 400, height: 100, leaves: leaves)
        let root = try Markup.parse(svg.rendered(label: "tree"))
        let paths = root.descendants("path")
        #expect(paths.count == 1)
        return (root, SVGGeometry.polylines(paths.first?.attributes["d"] ?? ""))
    }

    @Test func fourLeavesWithRootUpJoinAtTheMergeHeights() throws {
        #expect(Self.tree.order == [1, 3, 0, 2])
        let (root, links) = try Self.drawn(Self.tree, leaves: .bottom)
        // Hand-computed: slots of 400 / 4 = 100 from x = 10, leaf k of the order at 10 + 50 + 100 k;
        // heights 1...4 map to y = 120 (the leaf edge) ... 20, i.e. y = 120 - (h - 1) / 3 * 100.
        let expected: [[(x: Double, y: Double)]] = [
            [(60, 120), (60, 120), (160, 120), (160, 120)],      // leaves 2 and 4 (slots 1, 2) at h 1: on the leaf edge
            [(260, 120), (260, 86.7), (360, 86.7), (360, 120)],  // leaves 1 and 3 (slots 3, 4) at h 2
            [(110, 120), (110, 20), (310, 20), (310, 86.7)],     // the two clusters, from their bars' midpoints, at h 4
        ]
        #expect(links.count == 3)
        for (link, want) in zip(links, expected) {
            #expect(link.map(\.x) == want.map(\.x) && link.map(\.y) == want.map(\.y), "\(link) vs \(want)")
        }
        #expect(SVGGeometry.outside(root).isEmpty)
    }

    @Test func rootLeftPutsTheLeavesOnTheRightEdge() throws {
        let (_, links) = try Self.drawn(Self.tree, leaves: .right)
        // The same drawing turned: along = y from 20 (slots of 100 / 4 = 25), depth = x from 410 leftwards (400 px for 1...4).
        let expected: [[(x: Double, y: Double)]] = [
            [(410, 32.5), (410, 32.5), (410, 57.5), (410, 57.5)],
            [(410, 82.5), (276.7, 82.5), (276.7, 107.5), (410, 107.5)],
            [(410, 45), (10, 45), (10, 95), (276.7, 95)],
        ]
        for (link, want) in zip(links, expected) {
            #expect(link.map(\.x) == want.map(\.x) && link.map(\.y) == want.map(\.y), "\(link) vs \(want)")
        }
    }

    /// Generic check on R's tree of the heatmap fixture: every link starts where its children
    /// end (a leaf on the leaf edge in its slot, a cluster at its bar's middle and height),
    /// and its bar lies at the merge's height.
    @Test func everyLinkJoinsItsChildrenOnRsTree() throws {
        let rows = try RFixtures.table("rows_tree.tsv", in: "heatmap")
        let tree = Dendrogram(merges: rows.map { (Int($0["left"]!)!, Int($0["right"]!)!) }, heights: rows.map { RFixtures.number($0["height"]) })
        let (root, links) = try Self.drawn(tree, leaves: .bottom)
        let n = tree.merges.count + 1, slot = 400 / Double(n)
        let low = tree.heights.min()!, high = tree.heights.max()!
        func y(_ h: Double) -> Double { 120 - (h - low) / (high - low) * 100 }
        var top: [(x: Double, y: Double)] = []  // per merge: middle of its bar
        var slotOfLeaf = [Double](repeating: 0, count: n)
        for (k, leaf) in tree.order.enumerated() { slotOfLeaf[leaf] = 10 + (Double(k) + 0.5) * slot }
        func end(_ node: Int) -> (x: Double, y: Double) { node < 0 ? (slotOfLeaf[-node - 1], 120) : top[node - 1] }
        #expect(links.count == tree.merges.count)
        for (step, link) in links.enumerated() {
            let (a, b) = (end(tree.merges[step].0), end(tree.merges[step].1)), bar = y(tree.heights[step])
            // Coordinates are written to 0.1 px.
            let close = { (u: Double, v: Double) in abs(u - v) <= 0.05 + 1e-9 }
            #expect(link.count == 4 && close(link[0].x, a.x) && close(link[0].y, a.y) && close(link[1].y, bar) && close(link[2].y, bar)
                    && close(link[3].x, b.x) && close(link[3].y, b.y), "merge \(step + 1)")
            top.append(((a.x + b.x) / 2, bar))
        }
        #expect(SVGGeometry.outside(root).isEmpty)
    }

    @Test func aSingleLeafDrawsNothing() {
        var svg = SVGDocument(width: 100, height: 100)
        DendrogramDrawing.draw(Dendrogram(merges: [], heights: []), into: &svg, x: 0, y: 0, width: 100, height: 100, leaves: .bottom)
        #expect(svg.body.isEmpty)
    }
}
