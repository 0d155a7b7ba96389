import Testing
@testable import RGMap

@Suite struct AdjustedRandIndexTests {
    @Test func isOneForTheSamePartitionUnderOtherNames() {
        #expect(adjustedRandIndex([0, 0, 1, 1, 2], [5, 5, 3, 3, 0]) == 1)
    }

    @Test func matchesAHandComputedValue() {
        // Contingency rows (2, 1) and (0, 2):
        // sum C(n_ij, 2) = 1 + 0 + 0 + 1 = 2; rows C(3,2) + C(2,2) = 4; columns C(2,2) + C(3,2) = 4;
        // expected 4 * 4 / C(5,2) = 1.6; maximum 4; ARI = (2 - 1.6) / (4 - 1.6) = 1/6.
        let value = adjustedRandIndex([1, 1, 1, 2, 2], [7, 7, 8, 8, 8])
        #expect(abs(value - 1.0 / 6) < 1e-15)
    }
}
