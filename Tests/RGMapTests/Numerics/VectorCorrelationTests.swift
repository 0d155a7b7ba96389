import Testing
@testable import RGMap

@Suite struct VectorCorrelationTests {
    @Test func matchesRsCor() throws {
        for row in try NumericFixtures.table("vector_pairs.tsv") {
            let x = NumericFixtures.numbers(row["x"]), y = NumericFixtures.numbers(row["y"])
            // 1e-14: a two-pass Pearson of fewer than 10 values of order 1 against R's (long-double means).
            #expect(agrees(VectorCorrelation.pearson(x, y), RFixtures.number(row["pearson"]), absolute: 1e-14), "\(row["case"]!)")
        }
    }

    @Test func perfectAndConstantCases() {
        // By hand: y = 3 - 2x, deviations (-1, 0, 1) and (2, 0, -2): -4 / sqrt(2 * 8) = -1 exactly;
        // a constant side has no correlation (0 / 0). Slices work as arrays do.
        #expect(VectorCorrelation.pearson([1.0, 2, 3], [1.0, -1, -3]) == -1)
        #expect(VectorCorrelation.pearson([9.0, 1, 2, 3][1...], [1.0, -1, -3]) == -1)
        #expect(VectorCorrelation.pearson([1.0, 2, 4], [2.0, 2, 2]).isNaN)
    }
}
