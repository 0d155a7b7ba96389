import Foundation

extension Dendrogram {
    /// The tree in Newick: leaves by label, branch lengths the height differences (every
    /// leaf at height 0), children in merge order, so a reader draws the leaves in ``order``.
    ///
    /// Walks the tree with an explicit stack: a 20000-gene tree can be 20000 levels deep.
    public func newick(labels: [String]) -> String {
        precondition(labels.count == merges.count + 1, "one label per leaf")
        guard !merges.isEmpty else { return Self.newickLabel(labels[0]) + ";" }
        enum Item { case node(Int, parentHeight: Double?), text(String), close(height: Double, parentHeight: Double?) }
        var out = ""
        var stack: [Item] = [.node(merges.count, parentHeight: nil)]
        func length(_ parent: Double?, _ own: Double) -> String { parent.map { ":" + NumberText.text($0 - own) } ?? "" }
        while let item = stack.popLast() {
            switch item {
            case .text(let text):
                out += text
            case .close(let height, let parent):
                out += ")" + length(parent, height)
            case .node(let node, let parent):
                if node < 0 {
                    out += Self.newickLabel(labels[-node - 1]) + length(parent, 0)
                } else {
                    let (left, right) = merges[node - 1], height = heights[node - 1]
                    out += "("
                    stack += [.close(height: height, parentHeight: parent), .node(right, parentHeight: height), .text(","),
                              .node(left, parentHeight: height)]
                }
            }
        }
        return out + ";"
    }

    /// A Newick label, single-quoted (quotes doubled) unless it is plain `A-Za-z0-9_.-`.
    static func newickLabel(_ label: String) -> String {
        let plain = !label.isEmpty && label.unicodeScalars.allSatisfy {
            ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || "_.-".unicodeScalars.contains($0)
        }
        return plain ? label : "'" + label.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// The tree as the fields of R's `hclust` object in JSON: `labels` (input order),
    /// `merge` (R's signed 1-based pairs), `height`, `order` (1-based), `method`, `distance`.
    public func mergeListJSON(labels: [String], distance: String) throws -> Data {
        precondition(labels.count == merges.count + 1, "one label per leaf")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        func string(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        let merge = merges.map { "[\($0.0),\($0.1)]" }.joined(separator: ",")
        let height = heights.map(NumberText.text).joined(separator: ",")
        let order = self.order.map { String($0 + 1) }.joined(separator: ",")
        let text = "{\"labels\":\(try string(labels)),\"merge\":[\(merge)],\"height\":[\(height)],\"order\":[\(order)],"
            + "\"method\":\"average\",\"distance\":\(try string(distance))}\n"
        return Data(text.utf8)
    }
}
