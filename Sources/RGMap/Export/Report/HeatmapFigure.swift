import Foundation

/// Draws a ``Heatmap`` layer as an SVG figure: cells, labels, dendrograms, a colour legend.
struct HeatmapFigure {
    var heatmap: Heatmap
    /// The layer coloured.
    var layer: String
    /// Colour of a cell's value.
    var color: (Double) -> String
    /// Legend: its title and the values at its two ends.
    var legend: (title: String, low: Double, high: Double)
    /// Tooltip text of a cell (row, column in input order).
    var tooltip: (Int, Int) -> String
    /// Text written in a cell when cells are large enough (nil: none).
    var cellText: ((Int, Int) -> String)?
    /// Colour swatch before a row label (nil: none).
    var rowSwatch: ((Int) -> String)?
    var width = 1180.0
    var cellHeight = 12.0
    var rowLabelWidth = 230.0
    var columnLabelHeight = 110.0
    var dendrogramSize = 70.0

    func rendered(label: String) -> String {
        let rows = heatmap.rows, columns = heatmap.columns
        let values = heatmap.layer(layer)!.values
        let c = columns.labels.count
        let left = rows.tree == nil ? 10.0 : dendrogramSize, top = columns.tree == nil ? 10.0 : dendrogramSize
        let legendWidth = 70.0
        let cellWidth = min(60, (width - left - rowLabelWidth - legendWidth) / Double(c))
        let gridWidth = cellWidth * Double(c), gridHeight = cellHeight * Double(rows.order.count)
        var svg = SVGDocument(width: width, height: top + gridHeight + columnLabelHeight)
        if let tree = rows.tree {
            DendrogramDrawing.draw(tree, into: &svg, x: 2, y: top, width: left - 6, height: gridHeight, leaves: .right)
        }
        if let tree = columns.tree {
            DendrogramDrawing.draw(tree, into: &svg, x: left, y: 4, width: gridWidth, height: top - 8, leaves: .bottom)
        }
        let textFits = cellWidth >= 34 && cellHeight >= 22
        for (i, row) in rows.order.enumerated() {
            for (j, column) in columns.order.enumerated() {
                let value = values[row * c + column], x = left + Double(j) * cellWidth, y = top + Double(i) * cellHeight
                svg.rect(x: x, y: y, width: cellWidth, height: cellHeight, fill: color(value), title: tooltip(row, column))
                if textFits, let cellText {
                    let lines = cellText(row, column).split(separator: "\n")
                    for (k, line) in lines.enumerated() {
                        svg.text(String(line), x: x + cellWidth / 2, y: y + cellHeight / 2 + (Double(k) - Double(lines.count - 1) / 2) * 10 + 3,
                                 size: 8.5, anchor: .middle, fill: abs(value) > 0.6 ? "#fff" : "#222")
                    }
                }
            }
            let font = min(11, max(5, cellHeight * 0.8))
            var labelX = left + gridWidth + 4
            if let rowSwatch {
                svg.rect(x: labelX, y: top + Double(i) * cellHeight + 1, width: 10, height: cellHeight - 2, fill: rowSwatch(row), stroke: "#666")
                labelX += 14
            }
            svg.text(Self.shortened(rows.labels[row], to: 40), x: labelX, y: top + (Double(i) + 0.5) * cellHeight + font * 0.35, size: font)
        }
        let columnFont = min(10, max(4, cellWidth * 0.85))
        for (j, column) in columns.order.enumerated() {
            let x = left + (Double(j) + 0.5) * cellWidth + columnFont * 0.35
            svg.text(Self.shortened(columns.labels[column], to: 24), x: x, y: top + gridHeight + 4, size: columnFont, anchor: .end, rotate: -90)
        }
        drawLegend(into: &svg, x: left + gridWidth + rowLabelWidth + 10, y: top, height: min(160, max(80, gridHeight)))
        return svg.rendered(label: label)
    }

    private func drawLegend(into svg: inout SVGDocument, x: Double, y: Double, height: Double) {
        let steps = 20
        for k in 0..<steps {
            let t = 1 - Double(k) / Double(steps - 1)
            svg.rect(x: x, y: y + Double(k) * height / Double(steps), width: 12, height: height / Double(steps) + 0.5,
                     fill: color(legend.low + t * (legend.high - legend.low)))
        }
        svg.text(legend.title, x: x, y: y - 4, size: 10, bold: true)
        svg.text(Self.format(legend.high), x: x + 15, y: y + 8, size: 9)
        svg.text(Self.format(legend.low), x: x + 15, y: y + height, size: 9)
    }

    static func format(_ value: Double) -> String { String(format: "%g", value) }

    /// A label cut to `limit` characters with an ellipsis (the tooltip keeps the full name).
    static func shortened(_ label: String, to limit: Int) -> String {
        label.count <= limit ? label : String(label.prefix(limit - 1)) + "…"
    }
}
