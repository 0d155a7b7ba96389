import Testing
@testable import RGMap

@Suite struct RankingAndMedianTests {
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

    @Test func mediansBySelection() {
        var rng = RandomSource(seed: 9)
        for count in [1, 2, 3, 10, 11, 100, 101] {
            for _ in 0..<20 {
                // Few distinct values: many ties, the hard case for selection.
                var values = (0..<count).map { _ in Double(rng.index(7)) }
                let sorted = values.sorted()
                let expected = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2
                let median = values.withUnsafeMutableBufferPointer { Median.inPlace($0.baseAddress!, count: count) }
                #expect(median == expected)
            }
        }
    }

    @Test func radixSortsOnTheChosenBits() {
        var rng = RandomSource(seed: 4)
        let keys = (0..<5000).map { _ in rng.next() }
        var buffer = keys, scratch = [UInt64](repeating: 0, count: keys.count)
        let sorted = buffer.withUnsafeMutableBufferPointer { b in
            scratch.withUnsafeMutableBufferPointer { s in
                Array(UnsafeBufferPointer(start: RadixSort.sort(b.baseAddress!, scratch: s.baseAddress!, count: keys.count,
                                                                lowBit: 20, bits: 44), count: keys.count))
            }
        }
        #expect(sorted.map { $0 >> 20 } == keys.map { $0 >> 20 }.sorted())
    }
}
