import Testing
@testable import RGMap

@Suite struct MedianTests {
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

    @Test func medianOfNothingIsNaN() {
        var values: [Double] = [5]
        #expect(values.withUnsafeMutableBufferPointer { Median.inPlace($0.baseAddress!, count: 0) }.isNaN)
    }

    @Test func selectionPartitionsAroundTheKthSmallest() {
        var rng = RandomSource(seed: 12)
        for k in [0, 1, 17, 38, 39] {
            let original = (0..<40).map { _ in Double(rng.index(15)) }
            var values = original
            let kth = values.withUnsafeMutableBufferPointer { Median.select($0.baseAddress!, count: 40, k: k) }
            #expect(kth == original.sorted()[k] && values[k] == kth)
            #expect(values[..<k].allSatisfy { $0 <= kth } && values[(k + 1)...].allSatisfy { $0 >= kth })
            #expect(values.sorted() == original.sorted())  // a permutation: nothing lost or duplicated
        }
    }
}
