import Testing
@testable import RGMap

/// ``PackedLowerTriangle``: the strict lower triangle row by row, (i, j) with j < i at
/// i (i - 1) / 2 + j; and ``PackedDissimilarities``, 1 - similarity read from it.
@Suite struct PackedLowerTriangleTests {
    @Test func rowsStartAtTriangularNumbers() {
        #expect((0..<6).map { PackedLowerTriangle<Double>.offset(row: $0) } == [0, 0, 1, 3, 6, 10])
        #expect(PackedLowerTriangle<Double>.offset(row: 20000) == 199_990_000)
    }

    @Test func holdsEachPairOnceInEitherOrder() {
        var triangle = PackedLowerTriangle<Double>(count: 5)
        #expect(triangle.values == [Double](repeating: 0, count: 10))
        // Entry (i, j) = 10 i + j for j < i, stored row by row: (1,0), (2,0), (2,1), (3,0), ...
        triangle.values = [10, 20, 21, 30, 31, 32, 40, 41, 42, 43]
        for i in 0..<5 {
            for j in 0..<5 where i != j {
                #expect(triangle[i, j] == Double(10 * max(i, j) + min(i, j)), "\(i), \(j)")
            }
        }
        #expect(PackedLowerTriangle<Float>(count: 1).values.isEmpty && PackedLowerTriangle<Float>(count: 0).values.isEmpty)
        #expect(PackedLowerTriangle<Float>(count: 4, uninitialized: true).values.count == 6)
    }

    @Test func dissimilaritiesAreOneMinusSimilarityAndZeroOnTheDiagonal() {
        var similarity = PackedLowerTriangle<Float>(count: 3)
        similarity.values = [0.75, 0.25, 0.5]  // (1,0), (2,0), (2,1)
        let d = PackedDissimilarities(similarity: similarity)
        #expect(d.count == 3)
        #expect(d.distance(0, 1) == 0.25 && d.distance(1, 0) == 0.25 && d.distance(0, 2) == 0.75 && d.distance(2, 1) == 0.5)
        #expect((0..<3).allSatisfy { d.distance($0, $0) == 0 })
    }
}
