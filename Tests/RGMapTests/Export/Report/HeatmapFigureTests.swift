import Testing
@testable import RGMap

/// A heatmap layer drawn as SVG: one cell per entry, in display order, coloured by its value,
/// its tooltip naming row, column and value; labels escaped; everything inside the figure.
@Suite struct HeatmapFigureTests {
    static let rowLabels = ["a<b", "c&d"], columnLabels = ["\"x\"", "y", "z"]
    /// Rows x columns in input order.
    static let values: [Double] = [-1, -0.5, 0, 0.25, 1, .nan]

    /// 2 x 3: rows in input order under a two-leaf tree, columns clustered so that they show
    /// as y, "x", z ({x, z} at 0.2, then y at 0.9: R's order puts the leaf y first).
    static func heatmap() -> Heatmap {
        let rows = ClusteredAxis(labels: rowLabels, tree: Dendrogram(merges: [(-1, -2)], heights: [0.5]), distance: "d")
        let columns = ClusteredAxis(labels: columnLabels, tree: Dendrogram(merges: [(-1, -3), (-2, 1)], heights: [0.2, 0.9]), distance: "d")
        return Heatmap(rows: rows, columns: columns, layers: [.init(name: "r", values: values)], corner: "feature")
    }

    static func figure(cellHeight: Double = 12, cellText: ((Int, Int) -> String)? = nil, swatch: ((Int) -> String)? = nil) -> HeatmapFigure {
        HeatmapFigure(heatmap: heatmap(), layer: "r", color: { ColorScale.diverging($0) }, legend: ("r", -1, 1),
                      tooltip: { "\(rowLabels[$0]) × \(columnLabels[$1]): \(NumberText.text(values[$0 * 3 + $1]))" },
                      cellText: cellText, rowSwatch: swatch, cellHeight: cellHeight)
    }

    @Test func oneCellPerEntryInDisplayOrderWithItsColourAndTooltip() throws {
        #expect(Self.heatmap().columns.order == [1, 0, 2])
        let root = try Markup.parse(Self.figure().rendered(label: "test heatmap"))
        let cells = root.descendants("rect").filter { $0.title != nil }
        #expect(cells.count == 6)
        var seen = Set<String>()
        for cell in cells {
            let title = try #require(cell.title)
            // The tooltip names the entry; the cell sits at its display position and has its value's colour.
            let row = try #require(Self.rowLabels.firstIndex { title.hasPrefix($0 + " × ") })
            let column = try #require(Self.columnLabels.firstIndex { title.contains(" × \($0): ") })
            let value = Self.values[row * 3 + column]
            #expect(title == "\(Self.rowLabels[row]) × \(Self.columnLabels[column]): \(NumberText.text(value))")
            #expect(cell.attributes["fill"] == ColorScale.diverging(value), "\(title)")
            let i = Double(row), j = Double([1, 0, 2].firstIndex(of: column)!)
            let (x, y, width, height) = (cell.number("x")!, cell.number("y")!, cell.number("width")!, cell.number("height")!)
            #expect(height == 12 && width == 60, "cells 12 high; 3 columns get the 60 px maximum")
            #expect(x == 70 + j * 60 && y == 70 + i * 12, "\(title) at (\(x), \(y))")
            seen.insert(title)
        }
        #expect(seen.count == 6)
        #expect(cells.first { $0.title!.hasSuffix(": NA") }?.attributes["fill"] == "#dddddd")
        #expect(root.descendants("path").count == 2, "a dendrogram per clustered axis")
        #expect(SVGGeometry.outside(root).isEmpty, "\(SVGGeometry.outside(root))")
    }

    @Test func labelsAreEscapedAndReadBackWhole() throws {
        let text = Self.figure().rendered(label: "labels <&>")
        #expect(!text.contains("a<b") && !text.contains("c&d") && text.contains("a&lt;b") && text.contains("c&amp;d"))
        let root = try Markup.parse(text)
        let labels = root.descendants("text").map(\.allText)
        for label in Self.rowLabels + Self.columnLabels { #expect(labels.contains(label), "\(label)") }
        #expect(root.attributes["aria-label"] == "labels <&>")
        // Row labels follow the rows' order; column labels read upwards in the columns' order.
        let columnTexts = root.descendants("text").filter { $0.attributes["transform"] != nil && Self.columnLabels.contains($0.allText) }
        #expect(columnTexts.sorted { $0.number("x")! < $1.number("x")! }.map(\.allText) == ["y", "\"x\"", "z"])
        #expect(columnTexts.allSatisfy { $0.attributes["transform"]!.hasPrefix("rotate(-90 ") })
    }

    @Test func longLabelsAreShortenedWithAnEllipsis() {
        let long = String(repeating: "w", count: 50)
        #expect(HeatmapFigure.shortened(long, to: 40) == String(repeating: "w", count: 39) + "…")
        #expect(HeatmapFigure.shortened("short", to: 40) == "short")
        #expect(HeatmapFigure.shortened(String(repeating: "k", count: 24), to: 24).count == 24)
    }

    @Test func legendRunsFromTheHighEndAtTheTopToTheLowEnd() throws {
        let root = try Markup.parse(Self.figure().rendered(label: "legend"))
        let legend = root.descendants("rect").filter { $0.title == nil && $0.number("width") == 12 }
        #expect(legend.count == 20)
        let sorted = legend.sorted { $0.number("y")! < $1.number("y")! }
        #expect(sorted.first?.attributes["fill"] == ColorScale.diverging(1) && sorted.last?.attributes["fill"] == ColorScale.diverging(-1))
        let texts = root.descendants("text").map(\.allText)
        #expect(texts.contains("r") && texts.contains("1") && texts.contains("-1"))
    }

    @Test func cellTextAndRowSwatchesWhenAsked() throws {
        let swatches = ["#40e0d0", "#0000ff"]
        let figure = Self.figure(cellHeight: 24, cellText: { "\(Self.values[$0 * 3 + $1])\n(\($0),\($1))" }, swatch: { swatches[$0] })
        let root = try Markup.parse(figure.rendered(label: "with text"))
        let texts = root.descendants("text")
        // Two lines per cell, centred; dark cells (|value| > 0.6) get white text.
        let second = texts.filter { $0.allText.hasPrefix("(") }
        #expect(second.count == 6)
        let minusOne = try #require(texts.first { $0.allText == "-1.0" })
        #expect(minusOne.attributes["fill"] == "#fff" && texts.first { $0.allText == "0.25" }?.attributes["fill"] == "#222")
        let marks = root.descendants("rect").filter { $0.attributes["stroke"] == "#666" }
        #expect(marks.map { $0.attributes["fill"]! } == swatches, "one swatch per row, in display order")
        #expect(SVGGeometry.outside(root).isEmpty)
        // Cells too small for text get none.
        let small = try Markup.parse(Self.figure(cellHeight: 12, cellText: { _, _ in "t" }).rendered(label: "small"))
        #expect(!small.descendants("text").contains { $0.allText == "t" })
    }

    @Test func anAxisWithoutATreeHasNoDendrogram() throws {
        var heatmap = Self.heatmap()
        heatmap.rows = ClusteredAxis(fixed: Self.rowLabels)
        heatmap.columns = ClusteredAxis(fixed: Self.columnLabels)
        var figure = Self.figure()
        figure.heatmap = heatmap
        let root = try Markup.parse(figure.rendered(label: "fixed"))
        #expect(root.descendants("path").isEmpty)
        // Without trees the grid starts 10 px in: the first cell in input order is at (10, 10).
        let first = try #require(root.descendants("rect").first { $0.title?.hasPrefix("a<b × \"x\"") == true })
        #expect(first.number("x") == 10 && first.number("y") == 10)
    }
}
