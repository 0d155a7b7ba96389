import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element of a parsed XML fragment (the report's SVG figures and HTML tables): its
/// attributes, its children and the character data directly inside it.
final class MarkupElement {
    let name: String
    let attributes: [String: String]
    fileprivate(set) var children: [MarkupElement] = []
    /// Character data directly inside, and children, in document order.
    fileprivate var content: [Either] = []
    fileprivate enum Either { case text(String), element(MarkupElement) }

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// Every element below this one named `name`, in document order.
    func descendants(_ name: String) -> [MarkupElement] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) }
    }

    /// The character data directly inside, entities decoded.
    var text: String {
        content.map { if case .text(let text) = $0 { text } else { "" } }.joined()
    }

    /// The text inside, children's included, in document order, entities decoded.
    var allText: String {
        content.map { switch $0 { case .text(let text): text; case .element(let child): child.allText } }.joined()
    }

    /// The text of a `<title>` child (an SVG element's tooltip).
    var title: String? { children.first { $0.name == "title" }?.allText }

    func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }
}

/// Parses XML strictly, and finds the SVG fragments of the report page.
enum Markup {
    struct NotWellFormed: Error, CustomStringConvertible {
        let description: String
    }

    /// `text` as one element. Throws unless it is well-formed XML: Linux's XMLParser returns
    /// true for some malformed input (a mismatched end tag, an unclosed root), so its reported
    /// errors, the nesting and the single root are checked here as well.
    static func parse(_ text: String) throws -> MarkupElement {
        final class Builder: NSObject, XMLParserDelegate {
            var stack: [MarkupElement] = []
            var roots: [MarkupElement] = []
            var errors: [String] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                let element = MarkupElement(name: name, attributes: attributes)
                if let parent = stack.last {
                    parent.children.append(element)
                    parent.content.append(.element(element))
                } else {
                    roots.append(element)
                }
                stack.append(element)
            }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                guard let open = stack.popLast(), open.name == name else { errors.append("</\(name)> closes nothing open"); return }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.content.append(.text(string)) }
            func parser(_ parser: XMLParser, parseErrorOccurred error: Error) { errors.append("\(error) at line \(parser.lineNumber)") }
        }
        let parser = XMLParser(data: Data(text.utf8))
        let builder = Builder()
        parser.delegate = builder
        let parsed = parser.parse()
        if let error = parser.parserError { builder.errors.append("\(error)") }
        if !builder.stack.isEmpty { builder.errors.append("unclosed <\(builder.stack.map(\.name).joined(separator: "> <"))>") }
        guard parsed, builder.errors.isEmpty, builder.roots.count == 1 else {
            throw NotWellFormed(description: "not well-formed XML (\(builder.roots.count) roots): \(builder.errors.joined(separator: "; "))")
        }
        return builder.roots[0]
    }

    /// Every `<svg ...>...</svg>` of a page, in order (SVG elements do not nest in the report).
    static func svgFragments(of html: String) -> [String] {
        var fragments: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            fragments.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return fragments
    }

    /// The element `<tag id="id"...>...</tag>` of a page as a string (the first `</tag>` after it closes it).
    static func fragment(_ tag: String, id: String, in html: String) -> String? {
        guard let start = html.range(of: "<\(tag) id=\"\(id)\""),
              let end = html.range(of: "</\(tag)>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// An HTML fragment made XML: its void `<br>` elements closed.
    static func xhtml(_ html: String) -> String { html.replacingOccurrences(of: "<br>", with: "<br/>") }
}

/// Geometry of a parsed SVG figure.
enum SVGGeometry {
    /// Width and height of the root's `viewBox="0 0 W H"`.
    static func viewBox(_ svg: MarkupElement) -> (width: Double, height: Double)? {
        let parts = (svg.attributes["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
        guard parts.count == 4, parts[0] == 0, parts[1] == 0 else { return nil }
        return (parts[2], parts[3])
    }

    /// The vertices of a path made of `M x,y` and `L x,y` commands, grouped by `M`.
    static func polylines(_ d: String) -> [[(x: Double, y: Double)]] {
        var lines: [[(x: Double, y: Double)]] = []
        var scanner = d[...]
        while let command = scanner.first {
            scanner = scanner.dropFirst()
            let end = scanner.firstIndex { $0 == "M" || $0 == "L" } ?? scanner.endIndex
            let pair = scanner[..<end].split(separator: ",").compactMap { Double($0) }
            scanner = scanner[end...]
            guard pair.count == 2 else { return [] }
            if command == "M" { lines.append([]) }
            lines[lines.count - 1].append((pair[0], pair[1]))
        }
        return lines
    }

    /// The points an element puts on the canvas: a rect's corners, a line's ends, a circle's
    /// centre, a text's anchor, a path's vertices.
    static func points(_ element: MarkupElement) -> [(x: Double, y: Double)] {
        let n = { (name: String) in element.number(name) ?? .nan }
        switch element.name {
        case "rect": return [(n("x"), n("y")), (n("x") + n("width"), n("y") + n("height"))]
        case "line": return [(n("x1"), n("y1")), (n("x2"), n("y2"))]
        case "circle": return [(n("cx"), n("cy"))]
        case "text": return [(n("x"), n("y"))]
        case "path": return polylines(element.attributes["d"] ?? "").flatMap { $0 }
        default: return []
        }
    }

    /// Descriptions of the drawn elements with a point outside the viewBox (or not a number).
    static func outside(_ svg: MarkupElement) -> [String] {
        guard let box = viewBox(svg) else { return ["no viewBox 0 0 W H"] }
        // SVGDocument rounds every number to 0.1 px: a corner (x + width) may be off by 0.1.
        let slack = 0.1
        return ["rect", "line", "circle", "text", "path"].flatMap { svg.descendants($0) }.compactMap { element in
            let bad = points(element).filter { !($0.x >= -slack && $0.x <= box.width + slack && $0.y >= -slack && $0.y <= box.height + slack) }
            return bad.isEmpty && !points(element).isEmpty ? nil : "<\(element.name) \(element.attributes)>"
        }
    }
}
