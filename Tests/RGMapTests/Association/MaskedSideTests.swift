import Testing
@testable import RGMap

/// One side of the pairwise-complete Pearson, checked by hand.
@Suite struct MaskedSideTests {
    // Row a: 1, NA, 3, 5 (mean 3, sd 2); row b: complete 2, 4, 4, 6 (mean 4, sd sqrt(8/3)); row c: NA, NA, 7, 7 (constant).
    let matrix = LabeledMatrix(rowLabels: ["a", "b", "c", "d"], columnLabels: ["s1", "s2", "s3", "s4"],
                               values: [1, .nan, 3, 5, 2, 4, 4, 6, .nan, .nan, 7, 7, 0, 1, 2, 3])

    @Test func standardizesEachVariableOverItsOwnValuesWithZeroWhereMissing() {
        let side = MaskedSide(matrix, rows: 0..<3)
        #expect(side.rows == 3 && side.n == 4)
        let b = 1 / (8.0 / 3).squareRoot()
        // a: (x - 3) / 2; b: (x - 4) / sd; c: constant, so only centred (scale 1).
        #expect(side.values == [-1, 0, 0, 1, -2 * b, 0, 0, 2 * b, 0, 0, 0, 0])
        #expect(side.counts == [3, 4, 2])
        #expect(side.sums == [0, -2 * b + 0 + 0 + 2 * b, 0])
        #expect(side.sumsOfSquares == [2, 4 * b * b + 4 * b * b, 0])
    }

    @Test func listsMissingSamplesPerRow() {
        let side = MaskedSide(matrix, rows: 0..<3)
        #expect(side.missingStart == [0, 1, 1, 3])
        #expect(side.missingSamples == [1, 0, 1])
        #expect(Array(side.missing(0)) == [0] && side.missing(1).isEmpty && Array(side.missing(2)) == [1, 2])
        #expect(side.hasMissing)
        #expect(side.missingFraction == 3.0 / 12)
        #expect(side.mask() == [1, 0, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1])
    }

    @Test func takesAnyRangeOfRowsAndTransposes() {
        let side = MaskedSide(matrix, rows: 3..<4)  // d: 0, 1, 2, 3 -> mean 1.5, sd sqrt(5/3)
        let s = 1 / (5.0 / 3).squareRoot()
        #expect(side.rows == 1 && !side.hasMissing && side.missingFraction == 0)
        #expect(side.values == [-1.5 * s, -0.5 * s, 0.5 * s, 1.5 * s])
        let both = MaskedSide(matrix, rows: 0..<2)
        #expect(both.transposedValues() == [both.values[0], both.values[4], both.values[1], both.values[5],
                                            both.values[2], both.values[6], both.values[3], both.values[7]])
        #expect(MaskedSide(matrix, rows: 0..<0).missingFraction == 0)
    }
}
