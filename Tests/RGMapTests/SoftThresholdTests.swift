import Testing
@testable import RGMap

/// `pickSoftThreshold` of WGCNA 1.72 (scripts/make_network_fixtures.R) on real microarray
/// data and on simulated data with missing values, for each network type.
@Suite struct SoftThresholdTests {
    static func expression(_ name: String) throws -> LabeledMatrix {
        try NumericTableReader.read(path: Fixtures.path("network/\(name)_expr.tsv")).matrix
    }

    @Test(arguments: ["bladder", "sim"], NetworkType.allCases)
    func matchesPickSoftThreshold(data: String, type: NetworkType) throws {
        let file = "soft_threshold_\(data)_\(type.rawValue.replacingOccurrences(of: "-", with: "_")).tsv"
        let expected = try RFixtures.table(file, in: "network")
        let table = SoftThreshold.table(try Self.expression(data), networkType: type)
        #expect(table.map(\.power) == expected.map { Int(RFixtures.number($0["power"])) })
        // 1e-6: the issue's tolerance for the table (R sums connectivities in long double).
        for (row, reference) in zip(table, expected) {
            #expect(agrees(row.fit.rSquared, RFixtures.number(reference["sft_r2"]), absolute: 1e-6), "power \(row.power)")
            #expect(agrees(row.fit.slope, RFixtures.number(reference["slope"]), absolute: 1e-6), "power \(row.power)")
            #expect(agrees(row.fit.truncatedRSquared, RFixtures.number(reference["truncated_r2"]), absolute: 1e-6),
                    "power \(row.power)")
            for (mine, column) in [(row.meanK, "mean_k"), (row.medianK, "median_k"), (row.maxK, "max_k")] {
                #expect(agrees(mine, RFixtures.number(reference[column]), relative: 1e-6), "power \(row.power) \(column)")
            }
        }
        let estimate = RFixtures.number(expected[0]["power_estimate"])
        #expect(SoftThreshold.powerEstimate(table) == (estimate.isNaN ? nil : Int(estimate)))
    }

    @Test func fitsAnExactPowerLaw() {
        // p(k) proportional to k^-2 over the bins' means: R^2 1 and slope -2 up to the 1e-9 offset.
        var k: [Double] = []
        for bin in 1...10 { k += Array(repeating: Double(bin), count: Int(10_000 / Double(bin * bin))) }
        let fit = ScaleFreeFit(connectivity: k)
        #expect(abs(fit.slope + 2) < 0.02 && fit.rSquared > 0.99 && fit.signedRSquared == fit.rSquared)
    }
}
