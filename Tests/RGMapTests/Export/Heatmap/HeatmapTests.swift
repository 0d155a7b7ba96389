import Testing
@testable import RGMap

/// The ranking the heatmaps select their rows and columns by.
@Suite struct HeatmapTests {
    @Test func rankingPutsUnknownQLastAndBreaksTiesByInputOrder() {
        #expect(topRanked(4, count: 4, q: [.nan, 0.1, 0.1, 0.1], strength: [1, 0.2, 0.5, 0.5]) == [2, 3, 1, 0])
        #expect(topRanked(3, count: 1, q: [0.2, 0.1, 0.3], strength: [0, 0, 0]) == [1])
    }

    @Test func rankingPutsUnknownStrengthBelowZero() {
        #expect(topRanked(3, count: 3, q: [0.1, 0.1, 0.1], strength: [.nan, 0, 0.2]) == [2, 1, 0])
        #expect(topRanked(2, count: 5, q: [0.5, 0.1], strength: [1, 1]) == [1, 0], "asking for more than there are gives all")
    }

    @Test func strongestPairIsTheSmallestKnownQAndTheLargestKnownAbsoluteR() {
        let q: [Double] = [0.2, .nan, 0.05, 0.3], r: [Double] = [0.1, -0.9, .nan, 0.4]
        #expect(strongestPair([0, 1, 2, 3], q: q, r: r) == (0.05, 0.9))
        let one = strongestPair([1], q: q, r: r)
        #expect(one.q.isNaN && one.r == 0.9)
        let none = strongestPair([Int](), q: q, r: r)
        #expect(none.q.isNaN && none.r.isNaN)
        let onlyNaN = strongestPair([1, 2], q: [0, .nan, .nan], r: [0, .nan, .nan])
        #expect(onlyNaN.q.isNaN && onlyNaN.r.isNaN)
    }

    @Test func displayShowsEachLayerInTheAxesOrder() {
        var rows = ClusteredAxis(fixed: ["r0", "r1"]), columns = ClusteredAxis(fixed: ["c0", "c1", "c2"])
        rows.order = [1, 0]
        columns.order = [2, 0, 1]
        let heatmap = Heatmap(rows: rows, columns: columns, layers: [.init(name: "r", values: [0, 1, 2, 10, 11, 12]), .init(name: "q", values: [])],
                              corner: "feature")
        let shown = heatmap.display(heatmap.layer("r")!)
        #expect(shown.rowLabels == ["r1", "r0"] && shown.columnLabels == ["c2", "c0", "c1"])
        #expect(shown.values == [12, 10, 11, 2, 0, 1])
        #expect(heatmap.layer("p") == nil && heatmap.layer("q")?.values == [])
    }
}

/// Equal, or both NaN.
func sameNumber(_ a: Double, _ b: Double) -> Bool { a == b || (a.isNaN && b.isNaN) }
