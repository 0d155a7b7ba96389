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
        // 1e-6: the agreement with WGCNA for the table that docs/methods.md states (R sums connectivities in long double).
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

    @Test func defaultsArePickSoftThresholds() throws {
        let r = try ModuleDetectionOptionsTests.defaults(of: "pickSoftThreshold")
        #expect(SoftThreshold.defaultPowers.map(String.init).joined(separator: " ") == r["powerVector"])
        #expect(r["RsquaredCut"] == "0.85" && r["nBreaks"] == "10")
        // powerEstimate: the lowest power whose R^2 exceeds RsquaredCut (0.85), strictly; nil when none does.
        func row(_ power: Int, _ r2: Double) -> SoftThreshold.Row {
            var fit = ScaleFreeFit(connectivity: [1, 2, 3])
            fit.rSquared = r2
            return SoftThreshold.Row(power: power, fit: fit, meanK: 0, medianK: 0, maxK: 0)
        }
        #expect(SoftThreshold.powerEstimate([row(1, 0.5), row(2, 0.85), row(3, 0.86), row(4, 0.95)]) == 3)
        #expect(SoftThreshold.powerEstimate([row(1, 0.5), row(2, 0.85)]) == nil)
        #expect(SoftThreshold.powerEstimate([row(1, 0.5), row(2, 0.85)], rSquaredCut: 0.8) == 2)
        // The default of 10 bins: the same fit as asking for nBreaks = 10.
        let k = (1...200).map { Double($0 % 37) + 0.5 * Double($0 % 5) }
        #expect(ScaleFreeFit(connectivity: k) == ScaleFreeFit(connectivity: k, bins: 10))
    }
}
