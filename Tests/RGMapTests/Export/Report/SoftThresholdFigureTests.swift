import Testing
@testable import RGMap

/// WGCNA's soft-threshold figure: each power's signed R² and mean connectivity as points, the
/// R² cut as a line, the power used marked. Layout hand-computed from the figure's constants:
/// panels 470 x 240 at x = 70 and 660, y = 40; powers from 0 to the largest + 1.
@Suite struct SoftThresholdFigureTests {
    static func row(_ power: Int, rSquared: Double, slope: Double, meanK: Double) -> SoftThreshold.Row {
        var fit = ScaleFreeFit(connectivity: [1, 2, 3, 4])
        (fit.rSquared, fit.slope) = (rSquared, slope)
        return SoftThreshold.Row(power: power, fit: fit, meanK: meanK, medianK: meanK, maxK: 2 * meanK)
    }

    /// Signed R² -0.2 (positive slope), 0.6, 0.9; mean k 50, 20, 8; power 3 used, cut 0.85.
    static let table = [row(1, rSquared: 0.2, slope: 0.5, meanK: 50), row(2, rSquared: 0.6, slope: -1, meanK: 20),
                        row(3, rSquared: 0.9, slope: -1.2, meanK: 8)]

    static func rendered(_ table: [SoftThreshold.Row]) throws -> MarkupElement {
        try Markup.parse(SoftThresholdFigure(table: table, rSquaredCut: 0.85, power: 3).rendered(label: "soft threshold"))
    }

    @Test func pointsSitAtTheirPowerAndValue() throws {
        let root = try Self.rendered(Self.table)
        let points = root.descendants("circle")
        #expect(points.count == 6)
        // Left: x = 70 + p / 4 * 470, y = 280 - (R² + 1) / 2 * 240 (range -1...1).
        // Right: x = 660 + p / 4 * 470, y = 280 - k / 54 * 240 (range 0 to 1.08 times the largest k).
        let expected: [(String, Double, Double)] = [
            ("power 1: -0.2", 187.5, 184), ("power 2: 0.6", 305, 88), ("power 3: 0.9", 422.5, 52),
            ("power 1: 50", 777.5, 57.8), ("power 2: 20", 895, 191.1), ("power 3: 8", 1012.5, 244.4),
        ]
        for (title, x, y) in expected {
            let point = try #require(points.first { $0.title == title }, "\(title)")
            #expect(point.number("cx") == x && point.number("cy") == y, "\(title) at (\(point.number("cx")!), \(point.number("cy")!))")
            let used = title.hasPrefix("power 3")
            #expect(point.number("r") == (used ? 4 : 2.5) && point.attributes["fill"] == (used ? "#2c7fb8" : "#c0392b"))
        }
        #expect(SVGGeometry.outside(root).isEmpty, "\(SVGGeometry.outside(root))")
    }

    @Test func theCutAndThePowerUsedAreDashedLines() throws {
        let root = try Self.rendered(Self.table)
        let dashed = root.descendants("line").filter { $0.attributes["stroke-dasharray"] != nil }
        // The cut only on the R² panel, across it at y = 280 - (0.85 + 1) / 2 * 240 = 58.
        let cut = dashed.filter { $0.attributes["stroke"] == "#c0392b" }
        #expect(cut.count == 1)
        #expect(cut.first.map { [$0.number("x1"), $0.number("y1"), $0.number("x2"), $0.number("y2")] } == [70, 58, 540, 58])
        // The power used on both panels, top to bottom.
        let used = dashed.filter { $0.attributes["stroke"] == "#2c7fb8" }
        #expect(used.map { [$0.number("x1")!, $0.number("y1")!, $0.number("x2")!, $0.number("y2")!] } == [[422.5, 40, 422.5, 280], [1012.5, 40, 1012.5, 280]])
    }

    @Test func axesAreTickedAtRoundValues() throws {
        #expect(SoftThresholdFigure.ticks(-1, 1) == [-1, -0.5, 0, 0.5, 1])
        #expect(SoftThresholdFigure.ticks(0, 4) == [0, 1, 2, 3, 4])
        #expect(SoftThresholdFigure.ticks(0, 54) == [0, 20, 40])
        #expect(SoftThresholdFigure.ticks(0, 21) == [0, 5, 10, 15, 20])
        #expect(SoftThresholdFigure.label(0.30000000000000004) == "0.3" && SoftThresholdFigure.label(1234.5) == "1234.5")
        let texts = try Self.rendered(Self.table).descendants("text").map(\.allText)
        for label in ["-0.5", "0.5", "20", "40", "soft-threshold power", "signed R²", "mean k"] { #expect(texts.contains(label), "\(label)") }
    }

    @Test func undefinedValuesAreLeftOut() throws {
        let table = Self.table + [Self.row(4, rSquared: .nan, slope: .nan, meanK: .nan)]
        let root = try Self.rendered(table)
        #expect(root.descendants("circle").count == 6)
        #expect(!root.descendants("circle").contains { $0.title?.hasPrefix("power 4") == true })
        #expect(SVGGeometry.outside(root).isEmpty)
    }
}
