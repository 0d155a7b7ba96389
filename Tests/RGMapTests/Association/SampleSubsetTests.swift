import Testing
@testable import RGMap

@Suite struct SampleSubsetTests {
    @Test func countsAndContainsTheMaskedSamples() {
        let all = SampleSubset(mask: nil, sampleCount: 5)
        #expect(all.count == 5 && (0..<5).allSatisfy(all.contains) && all.residualizer == nil)
        let some = SampleSubset(mask: [true, false, true, true, false], sampleCount: 5)
        #expect(some.count == 3 && some.contains(0) && !some.contains(1) && some.contains(3) && !some.contains(4))
        #expect(some.covariateDegreesOfFreedom == 0)
    }

    /// The covariates' degrees of freedom are lm's rank minus the intercept (scripts/make_numeric_fixtures.R).
    @Test(arguments: ResidualizerTests.cases)
    func covariatesTakeTheDesignRankMinusTheIntercept(_ name: String) throws {
        let (covariates, mask, rank, _) = try ResidualizerTests.setting(name)
        let subset = try SampleSubset(mask: mask, sampleCount: covariates.columnCount, covariates: covariates)
        #expect(subset.covariateDegreesOfFreedom == rank - 1)
        #expect(subset.count == mask.map { $0.filter { $0 }.count } ?? covariates.columnCount)
        #expect(subset.residualizer?.rank == rank)
    }
}
