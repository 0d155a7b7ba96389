import Testing
@testable import RGMap

/// Welch's t and the Wilcoxon rank-sum test against R's t.test and wilcox.test
/// (Fixtures/numerics/two_sample.tsv): exact Wilcoxon below, above and at the centre of its
/// distribution, ties, a group of 55, a group of one, and constant data.
@Suite struct TwoSampleTestsTests {
    static let cases = try! NumericFixtures.table("two_sample.tsv")

    @Test(arguments: cases.map { $0["case"]! })
    func matchesTTestAndWilcoxTest(_ name: String) throws {
        let row = try #require(Self.cases.first { $0["case"] == name })
        let x = NumericFixtures.numbers(row["x"]), y = NumericFixtures.numbers(row["y"])
        // 1e-10 relative: the agreement docs/methods.md states for p_t and p_wilcox (R's mean and
        // variance differ from the two-pass ones in the last bits, which pt carries into p).
        #expect(agrees(TwoSampleTests.welch(x, y), RFixtures.number(row["p_t"]), relative: 1e-10), "t: \(name)")
        #expect(agrees(TwoSampleTests.wilcoxon(x, y), RFixtures.number(row["p_wilcox"]), relative: 1e-10), "wilcox: \(name)")
    }

    @Test func emptyGroupsHaveNoPValue() {
        #expect(TwoSampleTests.wilcoxon([], [1, 2]).isNaN && TwoSampleTests.wilcoxon([1], []).isNaN)
        #expect(TwoSampleTests.welch([1, 2], [3]).isNaN)
    }

    @Test func ranksAndTieSizes() {
        let (ranks, ties) = TwoSampleTests.ranksAndTies([5, 2, 7, 2, 5, 2, 1])
        // Sorted: 1 | 2 2 2 | 5 5 | 7 -> ranks 1, 3 (positions 2-4), 5.5 (5-6), 7.
        #expect(ranks == [5.5, 3, 7, 3, 5.5, 3, 1])
        #expect(ties == [3, 2])
        #expect(TwoSampleTests.ranksAndTies([3, 1, 2]).ties.isEmpty)
    }
}
