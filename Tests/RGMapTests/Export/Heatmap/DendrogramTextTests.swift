import Foundation
import Testing
@testable import RGMap

/// Dendrograms as text: Newick and the JSON merge list of R's hclust (docs/formats.md, "Dendrograms").
@Suite struct DendrogramTextTests {
    @Test func newickHasHeightDifferencesAndQuotesOddLabels() throws {
        // ((a, b) at 1, c) at 3.5: a and b hang 1 below their parent, that parent 2.5 below the root
        // (lengths in the tables' shortest round-trip form).
        let tree = Dendrogram(merges: [(-1, -2), (-3, 1)], heights: [1, 3.5])
        #expect(tree.newick(labels: ["a", "b", "c"]) == "(c:3.5,(a:1.0,b:1.0):2.5);")
        #expect(tree.newick(labels: ["x y", "it's", "ok_1.2-3"]) == "(ok_1.2-3:3.5,('x y':1.0,'it''s':1.0):2.5);")
        #expect(Dendrogram(merges: [], heights: []).newick(labels: ["solo"]) == "solo;")
        let json = try JSONSerialization.jsonObject(with: tree.mergeListJSON(labels: ["a", "b\"", "c"], distance: "1 - r")) as! [String: Any]
        #expect(json["labels"] as? [String] == ["a", "b\"", "c"])
        #expect(json["merge"] as? [[Int]] == [[-1, -2], [-3, 1]])
        #expect(json["height"] as? [Double] == [1, 3.5])
        #expect(json["order"] as? [Int] == [3, 1, 2])
        #expect(json["method"] as? String == "average" && json["distance"] as? String == "1 - r")
    }

    @Test func newickOfADeepChainDoesNotRecurse() {
        // A 20000-leaf caterpillar: each merge adds one leaf to the previous cluster.
        let n = 20000
        let tree = Dendrogram(merges: [(-1, -2)] + (2..<n).map { (-($0 + 1), $0 - 1) }, heights: (1..<n).map(Double.init))
        let newick = tree.newick(labels: (0..<n).map { "g\($0)" })
        #expect(newick.hasPrefix("(g\(n - 1):\(Double(n - 1)),(g\(n - 2):"))
        #expect(newick.filter { $0 == "(" }.count == n - 1 && newick.hasSuffix(");"))
    }

    /// A Newick tree as a reader sees it: leaves left to right, and each node's height above
    /// the leaves (a leaf at 0, a parent at its child's height plus the child's branch length).
    final class NewickNode {
        var label = "", length = 0.0, children: [NewickNode] = []
        var leaves: [NewickNode] { children.isEmpty ? [self] : children.flatMap(\.leaves) }
        var height: Double { children.first.map { $0.height + $0.length } ?? 0 }
        /// The largest spread of the heights its children give it (0 for an ultrametric tree).
        var spread: Double {
            let heights = children.map { $0.height + $0.length }
            return max((heights.max() ?? 0) - (heights.min() ?? 0), children.map(\.spread).max() ?? 0)
        }
    }

    static func parseNewick(_ text: String) throws -> NewickNode {
        var characters = Array(text.unicodeScalars)[...]
        func label() -> String {
            var out = ""
            if characters.first == "'" {
                characters = characters.dropFirst()
                while let c = characters.first {
                    characters = characters.dropFirst()
                    if c == "'" { if characters.first == "'" { out += "'"; characters = characters.dropFirst() } else { break } } else { out.unicodeScalars.append(c) }
                }
            } else {
                while let c = characters.first, !"(),:;".unicodeScalars.contains(c) { out.unicodeScalars.append(c); characters = characters.dropFirst() }
            }
            return out
        }
        func node() -> NewickNode {
            let made = NewickNode()
            if characters.first == "(" {
                repeat { characters = characters.dropFirst(); made.children.append(node()) } while characters.first == ","
                characters = characters.dropFirst()  // ")"
            } else {
                made.label = label()
            }
            if characters.first == ":" {
                characters = characters.dropFirst()
                var number = ""
                while let c = characters.first, !"),;".unicodeScalars.contains(c) { number.unicodeScalars.append(c); characters = characters.dropFirst() }
                made.length = Double(number) ?? .nan
            }
            return made
        }
        let root = node()
        #expect(String(String.UnicodeScalarView(characters)) == ";", "one tree, ended by ;")
        return root
    }

    /// R's tree of the profiles' rows as rgmap clusters it (ClusteredAxisTests checks it is R's).
    static func rowsTree() throws -> (tree: Dendrogram, labels: [String]) {
        let x = try ClusteredAxisTests.matrix("profiles.tsv")
        let axis = ClusteredAxis(labels: x.rowLabels, clusteringProfiles: (0..<x.rowCount).map { Array(x.row($0)) })
        return (try #require(axis.tree), axis.labels)
    }

    @Test func newickReadsAsRsTreeLeavesInRsOrderJoinedAtRsHeights() throws {
        let (tree, labels) = try Self.rowsTree()
        let root = try Self.parseNewick(tree.newick(labels: labels))
        let order = try RFixtures.table("rows_tree_order.tsv", in: "heatmap").map { labels[Int($0["order"]!)! - 1] }
        #expect(root.leaves.map(\.label) == order, "leaves left to right in R's hclust order")
        // Ultrametric: every leaf at height 0, the root at the last merge (sums of shortest round-trip lengths: rounding only).
        #expect(root.spread < 1e-12 && abs(root.height - tree.heights.last!) < 1e-12)
        // The height where two leaves join is R's cophenetic distance.
        let cophenetic = try ClusteredAxisTests.matrix("rows_tree_cophenetic.tsv")
        func joins(_ node: NewickNode, _ a: String, _ b: String) -> Double? {
            for child in node.children { if let h = joins(child, a, b) { return h } }
            let names = Set(node.leaves.map(\.label))
            return names.contains(a) && names.contains(b) ? node.height : nil
        }
        var worst = 0.0
        for i in 0..<labels.count {
            for j in 0..<i {
                let height = try #require(joins(root, labels[i], labels[j]))
                worst = max(worst, abs(height - cophenetic[i, j]))
            }
        }
        // 1e-12: rgmap's merge heights agree with R's to 1e-12 (ClusteredAxisTests).
        #expect(worst < 1e-12, "largest difference from cophenetic(): \(worst)")
    }

    @Test func mergeListJSONHoldsRsHclustFields() throws {
        let (tree, labels) = try Self.rowsTree()
        let mine = try #require(try JSONSerialization.jsonObject(with: tree.mergeListJSON(labels: labels, distance: "1 - r/2")) as? [String: Any])
        let r = try #require(try JSONSerialization.jsonObject(with: Data(Fixtures.text("heatmap/rows_tree_hclust.json").utf8)) as? [String: Any])
        #expect(mine["labels"] as? [String] == r["labels"] as? [String])
        #expect(mine["merge"] as? [[Int]] == r["merge"] as? [[Int]])
        #expect(mine["order"] as? [Int] == r["order"] as? [Int])
        let heights = try #require(mine["height"] as? [Double]), rHeights = try #require(r["height"] as? [Double])
        // 1e-12: rgmap's heights agree with R's to 1e-12, and jsonlite wrote R's with 15 significant digits.
        #expect(heights.count == rHeights.count && zip(heights, rHeights).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(mine["method"] as? String == "average" && mine["distance"] as? String == "1 - r/2")
        #expect(String(decoding: try tree.mergeListJSON(labels: labels, distance: "1 - r/2"), as: UTF8.self).contains("\"1 - r/2\"}\n"),
                "slashes unescaped, one line")
    }

    @Test func aSingleItemHasTheDocumentedTree() throws {
        let solo = Dendrogram(merges: [], heights: [])
        let json = try #require(try JSONSerialization.jsonObject(with: solo.mergeListJSON(labels: ["only one"], distance: "d")) as? [String: Any])
        #expect(json["labels"] as? [String] == ["only one"] && (json["merge"] as? [Any])?.isEmpty == true)
        #expect((json["height"] as? [Any])?.isEmpty == true && json["order"] as? [Int] == [1])
        #expect(solo.newick(labels: ["only one"]) == "'only one';")
    }

    @Test func labelsOutsideThePlainSetAreQuoted() throws {
        let cases = [("plain_1.2-x", "plain_1.2-x"), ("", "''"), ("a:b", "'a:b'"), ("(x);", "'(x);'"), ("naïve", "'naïve'"), ("O'Neil", "'O''Neil'"),
                     ("b\"\\c", "'b\"\\c'")]
        for (label, quoted) in cases { #expect(Dendrogram.newickLabel(label) == quoted, "\(label)") }
        // Whatever the labels, a reader gets them back.
        let labels = cases.map(\.0)
        let tree = Dendrogram(merges: [(-1, -2), (-3, -4), (-5, -6), (-7, 1), (2, 3), (4, 5)], heights: [1, 2, 3, 4, 5, 6])
        #expect(try Self.parseNewick(tree.newick(labels: labels)).leaves.map(\.label) == tree.order.map { labels[$0] })
        let json = try #require(try JSONSerialization.jsonObject(with: tree.mergeListJSON(labels: labels, distance: "d")) as? [String: Any])
        #expect(json["labels"] as? [String] == labels)
    }
}
