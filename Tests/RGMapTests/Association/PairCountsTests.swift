import Testing
@testable import RGMap

@Suite struct PairCountsTests {
    @Test func constantCountsAnswerEveryPair() {
        let counts = PairCounts.constant(12)
        #expect(counts[0] == 12 && counts[999] == 12 && counts.maximum == 12)
    }

    @Test func matrixCountsAnswerPerPair() {
        let counts = PairCounts.matrix([3, 9, 4])
        #expect(counts[1] == 9 && counts[2] == 4 && counts.maximum == 9)
        #expect(PairCounts.matrix([]).maximum == 0)
    }

    @Test func takingTheMatrixLeavesAPlaceholder() {
        var counts = PairCounts.matrix([5, 6])
        #expect(counts.takeMatrix() == [5, 6])
        #expect(counts == .constant(0))
        var constant = PairCounts.constant(7)
        #expect(constant.takeMatrix() == nil && constant == .constant(7))
    }
}
