import Testing
@testable import RGMap

@Suite struct NetworkSettingsTests {
    static func table(_ fits: [Double], estimate: Int?) -> SoftThresholdTable {
        let rows = fits.enumerated().map { index, r2 in
            var fit = ScaleFreeFit(connectivity: [1, 2, 3, 4])
            fit.rSquared = r2
            return SoftThreshold.Row(power: index + 1, fit: fit, meanK: 1, medianK: 1, maxK: 1)
        }
        return SoftThresholdTable(rows: rows, powerEstimate: estimate, rSquaredCut: 0.85)
    }

    @Test func aFixedPowerIsUsedAsGiven() throws {
        var settings = NetworkSettings()
        settings.power = .fixed(8)
        #expect(try settings.chosenPower(Self.table([0.1], estimate: nil)) == 8)
        #expect(NetworkSettings().power == .fixed(6), "blockwiseModules' default power")
    }

    @Test func anAutomaticPowerIsTheTablesEstimateOrAnErrorNamingTheBest() throws {
        var settings = NetworkSettings()
        settings.power = .automatic
        #expect(try settings.chosenPower(Self.table([0.5, 0.9], estimate: 2)) == 2)
        let error = try #require(throws: AnalysisError.self) { try settings.chosenPower(Self.table([0.5, 0.75, 0.6], estimate: nil)) }
        #expect(error.kind == .noPowerReachesFit)
        #expect(error.description == "power auto: no candidate power reaches scale-free R^2 > 0.85 (best: 0.75 at power 2); "
                + "see network/soft_threshold.tsv and give power N")
    }
}
