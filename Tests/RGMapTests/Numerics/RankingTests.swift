import Testing
@testable import RGMap

@Suite struct RankingTests {
    @Test func averageRanksLikeR() {
        // rank(c(3, 1, 4, 1, 5, 9, 2, 6, 5)) in R.
        #expect(TwoSampleTests.ranksAndTies([3, 1, 4, 1, 5, 9, 2, 6, 5]).ranks == [4, 1.5, 5, 1.5, 6.5, 9, 3, 8, 6.5])
    }

    @Test func reranksOnASubsetWithoutSorting() {
        let values: [Double] = [3, 1, .nan, 1, 5, 2]
        let order = values.withUnsafeBufferPointer { Ranking.order($0.baseAddress!, count: 6) }
        #expect(order == [1, 3, 5, 0, 4])
        let subset = [true, false, false, true, true, true]
        var ranks = [Double](repeating: -1, count: 6)
        values.withUnsafeBufferPointer { v in
            subset.withUnsafeBufferPointer { s in
                ranks.withUnsafeMutableBufferPointer {
                    _ = Ranking.averageRanks(v.baseAddress!, order: order, subset: s.baseAddress!, into: $0.baseAddress!, count: 6)
                }
            }
        }
        #expect(ranks == [3, 0, 0, 1, 4, 2])
    }

    @Test func averageRanksOfAllValuesLikeR() {
        // rank(c(10, 20, 10, 30, 20, 10)) in R: 2 2 2 (positions 1-3), 4.5 4.5, 6.
        let values: [Double] = [10, 20, 10, 30, 20, 10]
        let order = values.withUnsafeBufferPointer { Ranking.order($0.baseAddress!, count: 6) }
        #expect(order == [0, 2, 5, 1, 4, 3])  // ties in index order
        var ranks = [Double](repeating: -1, count: 6)
        let ranked = values.withUnsafeBufferPointer { v in
            ranks.withUnsafeMutableBufferPointer { Ranking.averageRanks(v.baseAddress!, order: order, subset: nil, into: $0.baseAddress!, count: 6) }
        }
        #expect(ranked == 6 && ranks == [2, 4.5, 2, 6, 4.5, 2])
    }

    @Test func missingValuesAreNeitherOrderedNorRanked() {
        let values: [Double] = [.nan, 2, .nan, 1]
        let order = values.withUnsafeBufferPointer { Ranking.order($0.baseAddress!, count: 4) }
        #expect(order == [3, 1])
        var ranks = [Double](repeating: -1, count: 4)
        let ranked = values.withUnsafeBufferPointer { v in
            ranks.withUnsafeMutableBufferPointer { Ranking.averageRanks(v.baseAddress!, order: order, subset: nil, into: $0.baseAddress!, count: 4) }
        }
        #expect(ranked == 2 && ranks == [0, 2, 0, 1])
    }
}
