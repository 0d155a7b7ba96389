import Foundation
import Testing
@testable import RGMap

/// The report page: self-contained, the sections docs/formats.md lists, each figure one
/// well-formed SVG, tooltips naming row, column and value, text escaped.
@Suite struct ReportPageTests {
    static let figureIDs = ["fig-soft-threshold", "fig-gene-tree", "fig-module-feature", "fig-associations", "fig-eigengene-adjacency"]

    /// A page with every part: 3 modules x 2 features, the association heatmap of
    /// AssociationHeatmapTests, R's eigengene fixture, a soft-threshold table, hubs, enrichment.
    static func fullContent() throws -> ReportContent {
        var content = ReportContent()
        content.facts = [("omics", "a<b.tsv & \"c\""), ("genes", "300")]
        content.softThreshold = (SoftThresholdFigureTests.table, 0.85, 3)
        content.geneTree = .init(tree: DendrogramDrawingTests.tree, modules: [1, 1, 2, 0], unmerged: [1, 3, 2, 0], genesInOtherBlocks: 12)
        let association = ModuleFeatureAssociation(moduleR: [0.7, -0.2, 0.1, -0.9, 0.05, 0.3], moduleP: [0.001, 0.4, 0.6, 1e-5, 0.8, 0.2],
                                                   moduleQ: [0.003, 0.5, 0.7, 6e-5, 0.8, 0.3], geneSignificance: [], geneSignificanceP: [])
        content.moduleFeature = ModuleHeatmaps.moduleFeature(association, modules: [1, 2, 0], features: ["f<1>", "f2"], featureCount: 2,
                                                             eigengeneOrder: ["ME2", "ME1"])
        content.associations = AssociationHeatmap.make(AssociationHeatmapTests.map, features: 3, genes: 4)
        content.eigengeneAdjacency = ModuleHeatmaps.eigengeneAdjacency(try ClusteredAxisTests.matrix("eigengenes.tsv"), modules: [1, 2, 3, 4, 5])
        content.hubs = [.init(feature: "f<1>", gene: "G1", module: 1, gs: 0.9, kme: 0.95, rank: 1)]
        content.featuresWithHubs = 1
        content.hubRules = HubRules()
        content.enrichment = try ReportTablesTests.highlights(ora: [ReportTablesTests.row("M1", "GO:1", q: 0.01)], gsea: [])
        return content
    }

    static func svg(_ html: String, figure id: String) throws -> MarkupElement {
        let fragment = try #require(Markup.fragment("figure", id: id, in: html), "\(id)")
        let svgs = Markup.svgFragments(of: fragment)
        #expect(svgs.count == 1, "\(id) holds one svg")
        return try Markup.parse(try #require(svgs.first))
    }

    /// No script, stylesheet, image, frame or font is fetched: the only URL is the SVG namespace.
    static func expectSelfContained(_ html: String) {
        let lower = html.lowercased()
        for marker in ["<script", "<link", "<iframe", "<img", "<object", "<embed", " src=", "href=", "url(", "@import"] {
            #expect(!lower.contains(marker), "page holds \(marker)")
        }
        let urls = lower.components(separatedBy: "http").count - 1
        #expect(urls == lower.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1, "every http is the SVG namespace")
    }

    @Test func anEmptyRunStillHasEverySectionAndSaysWhyItIsEmpty() throws {
        let html = ReportPage.html(ReportContent(), title: "rgmap report")
        Self.expectSelfContained(html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">") && html.hasSuffix("</html>\n"))
        for id in Self.figureIDs {
            let svg = try Self.svg(html, figure: id)
            #expect(SVGGeometry.outside(svg).isEmpty, "\(id)")
        }
        let messages = try Self.figureIDs.map { try Self.svg(html, figure: $0).descendants("text").map(\.allText) }
        #expect(messages == [["no network was built"], ["no network was built"], ["no module-feature correlations"],
                             ["no association map"], ["no modules"]])
        #expect(Markup.fragment("section", id: "tab-hubs", in: html) != nil && Markup.fragment("section", id: "tab-enrichment", in: html) != nil)
    }

    @Test func aFullRunIsSelfContainedAndEveryFigureWellFormedAndInside() throws {
        let html = ReportPage.html(try Self.fullContent(), title: "report")
        Self.expectSelfContained(html)
        #expect(Markup.svgFragments(of: html).count == 5)
        for id in Self.figureIDs {
            let svg = try Self.svg(html, figure: id)
            #expect(SVGGeometry.outside(svg).isEmpty, "\(id): \(SVGGeometry.outside(svg))")
            #expect(!svg.descendants("rect").isEmpty, "\(id) draws something")
        }
        // Each table section is well-formed once its <br> are closed.
        for id in ["tab-hubs", "tab-enrichment"] {
            _ = try Markup.parse(Markup.xhtml(try #require(Markup.fragment("section", id: id, in: html))))
        }
        #expect(html.contains("The network was built in blocks; this is the first, 12 genes are in the others."))
    }

    @Test func titleAndFactsAreEscaped() throws {
        let html = ReportPage.html(try Self.fullContent(), title: "run <1> & \"two\"")
        #expect(html.contains("<title>run &lt;1&gt; &amp; &quot;two&quot;</title>") && html.contains("<h1>run &lt;1&gt; &amp; &quot;two&quot;</h1>"))
        let facts = try Markup.parse(try #require(html.range(of: "<dl class=\"facts\">.*</dl>", options: .regularExpression).map { String(html[$0]) }))
        #expect(facts.descendants("dt").map(\.allText) == ["omics", "genes"])
        #expect(facts.descendants("dd").map(\.allText) == ["a<b.tsv & \"c\"", "300"])
        #expect(!html.contains("f<1>"))
    }

    @Test func moduleFeatureCellsNameModuleFeatureAndTheirNumbers() throws {
        let svg = try Self.svg(ReportPage.html(try Self.fullContent(), title: "t"), figure: "fig-module-feature")
        let cells = svg.descendants("rect").filter { $0.title != nil }
        #expect(cells.count == 6)
        // Module 1 x feature 1: r 0.7, p 0.001, q 0.003 (r to 3 decimals, p and q to 2 significant digits).
        let cell = try #require(cells.first { $0.title == "ME1 × f<1>: r = 0.700, p = 0.001, q = 0.003" })
        #expect(cell.attributes["fill"] == ColorScale.diverging(0.7))
        #expect(cells.contains { $0.title == "ME0 × f2: r = 0.300, p = 0.2, q = 0.3" })
        // Rows follow the eigengene order, ME0 last; each row has its module's colour swatch.
        let rowLabels = svg.descendants("text").filter { ["ME1", "ME2", "ME0"].contains($0.allText) }
        #expect(rowLabels.sorted { $0.number("y")! < $1.number("y")! }.map(\.allText) == ["ME2", "ME1", "ME0"])
        let swatches = svg.descendants("rect").filter { $0.attributes["stroke"] == "#666" }.sorted { $0.number("y")! < $1.number("y")! }
        #expect(swatches.map { $0.attributes["fill"]! } == ["#0000ff", "#40e0d0", "#bebebe"])
        // Cells are large enough for r and p written inside.
        #expect(svg.descendants("text").contains { $0.allText == "0.70" } && svg.descendants("text").contains { $0.allText == "(1e-03)" })
    }

    @Test func associationColoursEndAtTheLargestRShown() throws {
        let svg = try Self.svg(ReportPage.html(try Self.fullContent(), title: "t"), figure: "fig-associations")
        let cells = svg.descendants("rect").filter { $0.title != nil }
        #expect(cells.count == 12)
        // The largest |r| shown is 0.9: the scale ends there (0.9 is full red, -0.6 two thirds of the way to blue).
        #expect(cells.first { $0.title == "f2 × g3: r = 0.900, q = 0.001" }?.attributes["fill"] == ColorScale.diverging(1))
        #expect(cells.first { $0.title == "f1 × g3: r = -0.600, q = 0.01" }?.attributes["fill"] == ColorScale.diverging(-0.6, limit: 0.9))
        #expect(cells.first { $0.title!.hasPrefix("f2 × g2: r = ") }?.attributes["fill"] == "#dddddd", "r = NA is grey")
        let texts = svg.descendants("text").map(\.allText)
        #expect(texts.contains("0.9") && texts.contains("-0.9"))
    }

    @Test func eigengeneAdjacencyIsOnTheSequentialScale() throws {
        let svg = try Self.svg(ReportPage.html(try Self.fullContent(), title: "t"), figure: "fig-eigengene-adjacency")
        let cells = svg.descendants("rect").filter { $0.title != nil }
        #expect(cells.count == 25)
        let adjacency = try ClusteredAxisTests.matrix("eigengene_adjacency.tsv")
        // R's (1 + cor) / 2 of ME1 and ME3 is 0.92090278639544065 (Fixtures/heatmap).
        let cell = try #require(cells.first { $0.title == "ME1 × ME3: 0.921" })
        #expect(cell.attributes["fill"] == ColorScale.sequential(adjacency[0, 2]))
        #expect(cells.filter { $0.title!.hasSuffix(": 1.000") }.count == 5, "the diagonal")
    }
}
