import Foundation

/// WGCNA's soft-threshold figure: scale-free fit (signed R²) and mean connectivity
/// against the power, the R² cut and the power used marked.
struct SoftThresholdFigure {
    var table: [SoftThreshold.Row]
    var rSquaredCut: Double
    var power: Double

    func rendered(label: String) -> String {
        var svg = SVGDocument(width: 1180, height: 340)
        let powers = table.map { Double($0.power) }
        panel(&svg, x: 70, title: "Scale-free topology fit (signed R²)", yLabel: "signed R²", powers: powers,
              values: table.map(\.fit.signedRSquared), fixedRange: (min(-1, table.map(\.fit.signedRSquared).min() ?? 0), 1), cut: rSquaredCut)
        panel(&svg, x: 660, title: "Mean connectivity", yLabel: "mean k", powers: powers, values: table.map(\.meanK), fixedRange: nil, cut: nil)
        return svg.rendered(label: label)
    }

    private func panel(_ svg: inout SVGDocument, x: Double, title: String, yLabel: String, powers: [Double], values: [Double],
                       fixedRange: (Double, Double)?, cut: Double?) {
        let width = 470.0, height = 240.0, y = 40.0
        let xLow = 0.0, xHigh = (powers.max() ?? 1) + 1
        let finite = values.filter(\.isFinite)
        var (yLow, yHigh) = fixedRange ?? (0, (finite.max() ?? 1) * 1.08)
        if yHigh <= yLow { yHigh = yLow + 1 }
        func px(_ v: Double) -> Double { x + (v - xLow) / (xHigh - xLow) * width }
        func py(_ v: Double) -> Double { y + height - (v - yLow) / (yHigh - yLow) * height }
        svg.text(title, x: x + width / 2, y: 20, size: 13, anchor: .middle, bold: true)
        svg.rect(x: x, y: y, width: width, height: height, fill: "none", stroke: "#888")
        for tick in Self.ticks(yLow, yHigh) {
            svg.line(x1: x - 4, y1: py(tick), x2: x, y2: py(tick), stroke: "#888")
            svg.text(Self.label(tick), x: x - 6, y: py(tick) + 3, size: 9, anchor: .end)
        }
        for tick in Self.ticks(xLow, xHigh) where tick > xLow {
            svg.line(x1: px(tick), y1: y + height, x2: px(tick), y2: y + height + 4, stroke: "#888")
            svg.text(Self.label(tick), x: px(tick), y: y + height + 15, size: 9, anchor: .middle)
        }
        svg.text("soft-threshold power", x: x + width / 2, y: y + height + 32, size: 10, anchor: .middle)
        svg.text(yLabel, x: x - 42, y: y + height / 2, size: 10, anchor: .middle, rotate: -90)
        if let cut { svg.line(x1: x, y1: py(cut), x2: x + width, y2: py(cut), stroke: "#c0392b", dash: true) }
        svg.line(x1: px(power), y1: y, x2: px(power), y2: y + height, stroke: "#2c7fb8", dash: true)
        for (p, v) in zip(powers, values) where v.isFinite {
            let used = p == power
            svg.circle(x: px(p), y: py(v), radius: used ? 4 : 2.5, fill: used ? "#2c7fb8" : "#c0392b",
                       title: "power \(SVGDocument.number(p)): \(Self.label(v))")
            svg.text(SVGDocument.number(p), x: px(p), y: py(v) - 6, size: 9, anchor: .middle, fill: used ? "#2c7fb8" : "#c0392b")
        }
    }

    /// About five round ticks between `low` and `high`.
    static func ticks(_ low: Double, _ high: Double) -> [Double] {
        let raw = (high - low) / 5, magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        return stride(from: (low / step).rounded(.up) * step, through: high, by: step).map { $0 }
    }

    static func label(_ value: Double) -> String { String(format: "%g", (value * 1e6).rounded() / 1e6) }
}
