import Testing
@testable import RGMap

/// The report's SVG writer: numbers to 0.1 px, text escaped, every shape well-formed XML.
@Suite struct SVGDocumentTests {
    @Test func numbersAreRoundedToATenthWithoutATrailingZero() {
        // Hand-computed: round(x * 10) / 10, integers without a decimal point.
        let cases: [(Double, String)] = [(1180, "1180"), (12.34, "12.3"), (12.36, "12.4"), (0.96, "1"), (-3.27, "-3.3"),
                                         (-0.04, "0"), (86.66666, "86.7"), (1e-9, "0")]
        for (value, text) in cases { #expect(SVGDocument.number(value) == text, "\(value)") }
    }

    @Test func escapesTheFiveXMLSpecialCharacters() throws {
        let raw = "a<b & \"c\" > 'd' ≥ é"
        #expect(SVGDocument.escape(raw) == "a&lt;b &amp; &quot;c&quot; &gt; &#39;d&#39; ≥ é")
        // In character data and in an attribute value alike, a parser reads back the original.
        let parsed = try Markup.parse("<t a=\"\(SVGDocument.escape(raw))\">\(SVGDocument.escape(raw))</t>")
        #expect(parsed.text == raw && parsed.attributes["a"] == raw)
    }

    @Test func shapesAreWellFormedWithEscapedTitlesAndLabels() throws {
        var svg = SVGDocument(width: 200, height: 100.25)
        svg.rect(x: 1.04, y: 2, width: 50, height: 20.06, fill: "#ff0000", title: "a<b & \"c\"")
        svg.rect(x: 0, y: 0, width: 10, height: 10, fill: "none", stroke: "#888")
        svg.line(x1: 0, y1: 50, x2: 200, y2: 50, stroke: "#c0392b", width: 1.5, dash: true)
        svg.circle(x: 30, y: 40, radius: 2.5, fill: "#2c7fb8", title: "power 3: 0.9")
        svg.path("M1,2L3,4", stroke: "#333", width: 0.7)
        svg.text("x < y & z", x: 100, y: 90, size: 9, anchor: .middle, rotate: -90, bold: true)
        let root = try Markup.parse(svg.rendered(label: "figure \"one\" & <two>"))
        #expect(root.name == "svg" && root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["viewBox"] == "0 0 200 100.3" && root.attributes["role"] == "img")
        #expect(root.attributes["aria-label"] == "figure \"one\" & <two>")
        let rects = root.descendants("rect")
        #expect(rects.count == 2)
        #expect(rects[0].attributes["x"] == "1" && rects[0].attributes["height"] == "20.1" && rects[0].attributes["fill"] == "#ff0000")
        #expect(rects[0].title == "a<b & \"c\"" && rects[0].attributes["stroke"] == nil)
        #expect(rects[1].title == nil && rects[1].attributes["stroke"] == "#888" && rects[1].attributes["stroke-width"] == "0.5")
        let line = try #require(root.descendants("line").first)
        #expect(line.attributes["stroke-dasharray"] == "4 3" && line.attributes["stroke-width"] == "1.5" && line.number("y2") == 50)
        let circle = try #require(root.descendants("circle").first)
        #expect(circle.number("cx") == 30 && circle.number("r") == 2.5 && circle.title == "power 3: 0.9")
        #expect(root.descendants("path").first?.attributes["d"] == "M1,2L3,4")
        let text = try #require(root.descendants("text").first)
        #expect(text.allText == "x < y & z" && text.attributes["text-anchor"] == "middle" && text.attributes["font-weight"] == "bold")
        #expect(text.attributes["transform"] == "rotate(-90 100 90)")
        #expect(SVGGeometry.outside(root).isEmpty)
    }

    @Test func aShapeOutsideTheViewBoxIsCaught() throws {
        // The geometry check the figure tests rely on must be able to fail.
        var svg = SVGDocument(width: 100, height: 50)
        svg.rect(x: 90, y: 10, width: 20, height: 10, fill: "#000")
        svg.path("M10,10L10,60")
        let root = try Markup.parse(svg.rendered(label: "x"))
        #expect(SVGGeometry.outside(root).count == 2)
        #expect(throws: Markup.NotWellFormed.self) { try Markup.parse("<svg><rect></svg>") }
        #expect(throws: Markup.NotWellFormed.self) { try Markup.parse("<svg><text>a < b</text></svg>") }
    }
}
