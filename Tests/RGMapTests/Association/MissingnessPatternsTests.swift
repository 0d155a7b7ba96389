import Testing
@testable import RGMap

@Suite struct MissingnessPatternsTests {
    @Test func groupsRowsByTheSamplesTheyLackInOrderOfTheirFirstRow() {
        let n = Double.nan
        let matrix = LabeledMatrix(rowLabels: ["a", "b", "c", "d", "e", "f"], columnLabels: ["s1", "s2", "s3"], values: [
            1, 2, 3,   // a: complete
            n, 2, 3,   // b: lacks s1
            1, 2, n,   // c: lacks s3
            4, 5, 6,   // d: complete
            n, 0, 1,   // e: lacks s1, as b
            n, n, n,   // f: lacks all
        ])
        let patterns = MissingnessPatterns(matrix)
        #expect(patterns.complete == [0, 3])
        #expect(patterns.groups.map(\.rows) == [[1, 4], [2], [5]])
        #expect(patterns.groups.map(\.mask) == [[false, true, true], [true, true, false], [false, false, false]])
        #expect(patterns.hasMissing)
    }

    @Test func completeMatrixHasNoGroups() {
        let patterns = MissingnessPatterns(LabeledMatrix(rowLabels: ["a", "b"], columnLabels: ["s1", "s2"], values: [1, 2, 3, 4]))
        #expect(patterns.complete == [0, 1] && patterns.groups.isEmpty && !patterns.hasMissing)
    }
}
