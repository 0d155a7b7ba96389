import Testing
@testable import RGMap

@Suite struct LabeledMatrixTests {
    let matrix = LabeledMatrix(rowLabels: ["r1", "r2"], columnLabels: ["a", "b", "c"], values: [1, 2, 3, 4, 5, 6])

    @Test func transposes() {
        let t = matrix.transposed()
        #expect(t.rowLabels == ["a", "b", "c"] && t.columnLabels == ["r1", "r2"])
        #expect(t.values == [1, 4, 2, 5, 3, 6])
        #expect(t.transposed() == matrix)
    }

    @Test func transposesAcrossTileBoundaries() {
        let rows = 67, cols = 45
        let big = LabeledMatrix(rowLabels: (0..<rows).map(String.init), columnLabels: (0..<cols).map(String.init),
                                values: (0..<(rows * cols)).map(Double.init))
        let t = big.transposed()
        #expect((0..<rows).allSatisfy { r in (0..<cols).allSatisfy { c in t[c, r] == big[r, c] } })
    }

    @Test func selectsRowsAndColumnsWithGaps() {
        #expect(matrix.selectingRows([1]).values == [4, 5, 6])
        let picked = matrix.selectingColumns([2, nil, 0], labels: ["c", "x", "a"])
        #expect(sameValues(picked.values, [3, .nan, 1, 6, .nan, 4]))
        #expect(picked.columnLabels == ["c", "x", "a"])
        #expect(picked.missingCount == 2)
    }
}

extension LabeledMatrixTests {
    @Test func findsCompleteRowsAndRelabels() {
        let gappy = LabeledMatrix(rowLabels: ["a", "b", "c"], columnLabels: ["x", "y"], values: [1, .nan, 3, 4, .nan, .nan])
        #expect(gappy.completeRows == [1] && gappy.missingCount == 3)
        #expect(matrix.relabelingRows(["p", "q"]).rowLabels == ["p", "q"] && matrix.relabelingRows(["p", "q"]).values == matrix.values)
        #expect(matrix.relabelingColumns(["u", "v", "w"]).columnLabels == ["u", "v", "w"])
        // Without labels, a gap column is named "" and the others keep theirs.
        #expect(matrix.selectingColumns([1, nil]).columnLabels == ["b", ""])
        #expect(LabeledMatrix(rowLabels: ["r"], columnLabels: ["a", "b"], repeating: 0.5).values == [0.5, 0.5])
    }
}

@Suite struct LabeledMatrixInPlaceTests {
    @Test func keepsRowsInPlace() {
        var matrix = LabeledMatrix(rowLabels: ["a", "b", "c", "d"], columnLabels: ["x", "y"], values: [1, 2, 3, 4, 5, 6, 7, 8])
        matrix.keepRows([1, 3])
        #expect(matrix.rowLabels == ["b", "d"])
        #expect(matrix.values == [3, 4, 7, 8])
        matrix.keepRows([0, 1])
        #expect(matrix.values == [3, 4, 7, 8])
    }
}
