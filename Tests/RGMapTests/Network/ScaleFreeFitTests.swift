import Testing
@testable import RGMap

/// ``ScaleFreeFit``: WGCNA 1.72's scaleFreeFitIndex (scripts/make_network_unit_fixtures.R)
/// on connectivities with values on bin limits, bins whose mean is 0, empty bins, a heavy
/// tail and a real network's, for 10, 5 and 20 bins; and by hand.
@Suite struct ScaleFreeFitTests {
    @Test func matchesScaleFreeFitIndex() throws {
        var k: [String: [Double]] = [:]
        for row in try RFixtures.table("unit_scale_free_k.tsv", in: "network") { k[row["case"]!, default: []].append(RFixtures.number(row["k"])) }
        let expected = try RFixtures.table("unit_scale_free_fit.tsv", in: "network")
        #expect(expected.count == 15)
        for row in expected {
            let bins = Int(RFixtures.number(row["bins"]))
            let fit = ScaleFreeFit(connectivity: k[row["case"]!]!, bins: bins)
            // 1e-12: the fits are lm's on 5-20 points of exact inputs; both QR factorizations round alike to ~1e-15.
            #expect(agrees(fit.rSquared, RFixtures.number(row["r_squared"]), absolute: 1e-12), "\(row["case"]!) \(bins)")
            #expect(agrees(fit.slope, RFixtures.number(row["slope"]), absolute: 1e-12), "\(row["case"]!) \(bins)")
            #expect(agrees(fit.truncatedRSquared, RFixtures.number(row["truncated_adjusted_r_squared"]), absolute: 1e-12),
                    "\(row["case"]!) \(bins)")
        }
    }

    @Test func fitsAnExactPowerLaw() {
        // p(k) proportional to k^-2 over the bins' means: R^2 1 and slope -2 up to the 1e-9 offset.
        var k: [Double] = []
        for bin in 1...10 { k += Array(repeating: Double(bin), count: Int(10_000 / Double(bin * bin))) }
        let fit = ScaleFreeFit(connectivity: k)
        #expect(abs(fit.slope + 2) < 0.02 && fit.rSquared > 0.99 && fit.signedRSquared == fit.rSquared)
    }

    @Test func signedRSquaredIsNegativeForARisingFrequency() {
        // k = b repeated b times (b = 1...10): the frequency rises with k, so the slope is positive.
        let fit = ScaleFreeFit(connectivity: (1...10).flatMap { Array(repeating: Double($0), count: $0) })
        #expect(fit.slope > 0 && fit.rSquared > 0 && fit.signedRSquared == -fit.rSquared)
    }

    @Test func sequenceIsRsSeqWithLengthOut() {
        // seq(0, 1, length.out = 11): from + i * by, the last exactly `to` (0.1 * 3 is not 0.3 in binary).
        let values = ScaleFreeFit.sequence(from: 0, to: 1, count: 11)
        #expect(values.count == 11 && values[3] == 0.1 * 3 && values[10] == 1)
        #expect(ScaleFreeFit.sequence(from: 2, to: 5, count: 1) == [2])
        #expect(ScaleFreeFit.sequence(from: -1, to: 1, count: 5) == [-1, -0.5, 0, 0.5, 1])
    }
}
