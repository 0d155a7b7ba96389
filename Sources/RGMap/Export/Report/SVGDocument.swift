import Foundation

/// A small writer of inline SVG: shapes appended as text, coordinates rounded to 0.1 px
/// (smaller differences are invisible and only inflate the file).
struct SVGDocument {
    let width: Double
    let height: Double
    private(set) var body = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Text made safe for XML character data and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, title: String? = nil, stroke: String? = nil) {
        let n = Self.number
        body += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"\(fill)\""
        if let stroke { body += " stroke=\"\(stroke)\" stroke-width=\"0.5\"" }
        if let title { body += "><title>\(Self.escape(title))</title></rect>" } else { body += "/>" }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = "#444", width: Double = 1, dash: Bool = false) {
        let n = Self.number
        body += "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\""
            + (dash ? " stroke-dasharray=\"4 3\"/>" : "/>")
    }

    /// A path from `d` (already formatted commands).
    mutating func path(_ d: String, stroke: String = "#333", width: Double = 0.7, fill: String = "none") {
        body += "<path d=\"\(d)\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\" fill=\"\(fill)\"/>"
    }

    mutating func circle(x: Double, y: Double, radius: Double, fill: String, title: String? = nil) {
        let n = Self.number
        body += "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(radius))\" fill=\"\(fill)\""
        if let title { body += "><title>\(Self.escape(title))</title></circle>" } else { body += "/>" }
    }

    enum Anchor: String { case start, middle, end }

    /// Text at (x, y); `rotate` turns it about that point (degrees, -90 = reading upwards).
    mutating func text(_ text: String, x: Double, y: Double, size: Double = 11, anchor: Anchor = .start, rotate: Double = 0,
                       bold: Bool = false, fill: String = "#222") {
        let n = Self.number
        body += "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" text-anchor=\"\(anchor.rawValue)\" fill=\"\(fill)\""
        if rotate != 0 { body += " transform=\"rotate(\(n(rotate)) \(n(x)) \(n(y)))\"" }
        if bold { body += " font-weight=\"bold\"" }
        body += ">\(Self.escape(text))</text>"
    }

    /// The finished element, scaling to the width of its container.
    func rendered(label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" "
            + "width=\"\(Self.number(width))\" style=\"max-width:100%;height:auto\" role=\"img\" aria-label=\"\(Self.escape(label))\" "
            + "font-family=\"Helvetica, Arial, sans-serif\">" + body + "</svg>"
    }
}
