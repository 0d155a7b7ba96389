import Testing
@testable import RGMap

/// A ranked list sorted for the walk: decreasing score, ties in universe order (R's stable
/// sort), unranked genes left out, weights |score|.
@Suite struct RankedListTests {
    @Test func sortsByDecreasingScoreKeepingTiesInUniverseOrder() {
        let order = RankedOrder(RankedList(name: "f", scores: [0.5, .nan, 2, 0.5, -1, 0, -0.0]))
        // R: x <- c(0.5, NA, 2, 0.5, -1, 0, 0); names(sort(setNames(x, 1:7), decreasing = TRUE)) is 3 1 4 6 7 5 (1-based).
        #expect(order.genes == [2, 0, 3, 5, 6, 4])
        #expect(order.weights == [2, 0.5, 0.5, 0, 0, 1])
        #expect(order.rankOfGene == [1, -1, 0, 2, 5, 3, 4])
        #expect(order.count == 6)
        // One tie of nonzero scores (the two 0.5); zeros tying do not count.
        #expect(order.ties == 1)
    }

    @Test func aSetIsItsRankedMembersAscending() {
        let order = RankedOrder(RankedList(name: "f", scores: [0.5, .nan, 2, 0.5, -1, 0, 0]))
        #expect(order.ranks(of: [4, 1, 0]) == [1, 5])
        #expect(order.ranks(of: [1]).isEmpty)
        #expect(order.ranks(of: [6, 5, 4, 3, 2, 0]) == [0, 1, 2, 3, 4, 5])
    }

    @Test func aStrictOrderHasNoTiesAndAnEmptyListNothing() {
        let order = RankedOrder(RankedList(name: "g", scores: [-3, 1, 2]))
        #expect(order.genes == [2, 1, 0] && order.weights == [2, 1, 3] && order.ties == 0)
        let empty = RankedOrder(RankedList(name: "none", scores: [.nan, .nan]))
        #expect(empty.count == 0 && empty.rankOfGene == [-1, -1] && empty.ties == 0)
    }
}
