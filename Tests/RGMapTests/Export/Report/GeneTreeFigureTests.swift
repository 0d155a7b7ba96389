import Testing
@testable import RGMap

/// The gene dendrogram with its two colour bars (WGCNA's plotDendroAndColors): one rect per run
/// of equal modules in leaf order, in the module's colour, under the leaves they colour.
@Suite struct GeneTreeFigureTests {
    /// The four-leaf tree of DendrogramDrawingTests: leaf order 1, 3, 0, 2.
    static let tree = DendrogramDrawingTests.tree

    /// The bar rects of one row (`y` of its top), left to right.
    static func bar(_ root: MarkupElement, y: Double) -> [MarkupElement] {
        root.descendants("rect").filter { $0.number("y") == y && $0.title != nil }.sorted { $0.number("x")! < $1.number("x")! }
    }

    @Test func barsFollowTheLeafOrderOneRectPerRun() throws {
        // Modules by input leaf: in leaf order 1, 3, 0, 2 the final ones read 1 1 1 2, the unmerged 1 4 3 2.
        let figure = GeneTreeFigure(tree: Self.tree, modules: [1, 1, 2, 1], unmerged: [3, 1, 2, 4])
        let root = try Markup.parse(figure.rendered(label: "gene tree"))
        // Hand-computed layout: plot from x = 110, (1180 - 110 - 10) / 4 = 265 px per leaf; bars at y = 300 and 320.
        let merged = Self.bar(root, y: 300), cut = Self.bar(root, y: 320)
        #expect(merged.map { $0.number("x")! } == [110, 905] && merged.map { $0.number("width")! } == [795, 265])
        // R's col2rgb: turquoise 64 224 208, blue 0 0 255, brown 165 42 42, yellow 255 255 0.
        #expect(merged.map { $0.attributes["fill"]! } == ["#40e0d0", "#0000ff"])
        #expect(merged.map { $0.title! } == ["module 1 (turquoise), 3 genes in this run", "module 2 (blue), 1 genes in this run"])
        #expect(cut.map { $0.attributes["fill"]! } == ["#40e0d0", "#ffff00", "#a52a2a", "#0000ff"])
        #expect(cut.map { $0.number("x")! } == [110, 375, 640, 905])
        #expect(root.descendants("path").count == 1)
        let texts = root.descendants("text").map(\.allText)
        #expect(texts.contains("Merged") && texts.contains("Tree cut") && texts.contains("height"))
        // The height axis is labelled with the lowest and the highest merge.
        #expect(texts.contains("1") && texts.contains("4"))
        #expect(SVGGeometry.outside(root).isEmpty, "\(SVGGeometry.outside(root))")
    }

    @Test func theTreeSitsAboveTheBarsWithItsLeavesOverTheirSlots() throws {
        let figure = GeneTreeFigure(tree: Self.tree, modules: [1, 2, 3, 4], unmerged: [1, 2, 3, 4])
        let root = try Markup.parse(figure.rendered(label: "gene tree"))
        let links = SVGGeometry.polylines(try #require(root.descendants("path").first?.attributes["d"]))
        // Leaves end on the tree's bottom edge (y = 6 + 290), centred in their bar's slot.
        let leafEnds = links.prefix(2).flatMap { [$0[0], $0[3]] }
        #expect(leafEnds.allSatisfy { $0.y == 296 })
        #expect(leafEnds.map(\.x) == [242.5, 507.5, 772.5, 1037.5])
        let slots = Self.bar(root, y: 300)
        for (end, slot) in zip(leafEnds, slots) { #expect(end.x == slot.number("x")! + slot.number("width")! / 2) }
        // The module of the leaf over each slot: leaf order 1, 3, 0, 2 gives modules 2, 4, 1, 3.
        #expect(slots.map { $0.attributes["fill"]! } == [2, 4, 1, 3].map { ModuleColors.hex(of: $0) })
    }

    @Test func aSingleGeneTreeHasOneRectPerBarAndNoLinks() throws {
        let figure = GeneTreeFigure(tree: Dendrogram(merges: [], heights: []), modules: [0], unmerged: [5])
        let root = try Markup.parse(figure.rendered(label: "one gene"))
        #expect(root.descendants("path").isEmpty)
        #expect(Self.bar(root, y: 300).map { $0.attributes["fill"]! } == ["#bebebe"])
        #expect(Self.bar(root, y: 320).map { $0.title! } == ["module 5 (green), 1 genes in this run"])
        #expect(SVGGeometry.outside(root).isEmpty)
    }
}
