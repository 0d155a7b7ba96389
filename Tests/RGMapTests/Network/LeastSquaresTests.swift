import Testing
@testable import RGMap

/// ``LeastSquares`` against R's `lm` (scripts/make_network_unit_fixtures.R): one and two
/// predictors, two nearly collinear ones (x and 10^x over [0.1, 0.2], as in the scale-free
/// fit's truncated model) and a steep line; and by hand.
@Suite struct LeastSquaresTests {
    @Test func matchesLm() throws {
        var data: [String: [(y: Double, x1: Double, x2: Double)]] = [:]
        for row in try RFixtures.table("unit_lm_data.tsv", in: "network") {
            data[row["case"]!, default: []].append((RFixtures.number(row["y"]), RFixtures.number(row["x1"]), RFixtures.number(row["x2"])))
        }
        let fits = try RFixtures.table("unit_lm_fits.tsv", in: "network")
        #expect(fits.count == 4)
        for row in fits {
            let points = data[row["case"]!]!
            let twoPredictors = !points[0].x2.isNaN
            let predictors = [points.map(\.x1)] + (twoPredictors ? [points.map(\.x2)] : [])
            let fit = LeastSquares.fit(points.map(\.y), predictors: predictors)
            let expected = ["intercept", "b1"] + (twoPredictors ? ["b2"] : [])
            #expect(fit.coefficients.count == expected.count)
            let scale = points.map { abs($0.y) }.max()!
            for (coefficient, name) in zip(fit.coefficients, expected) {
                // 1e-12 relative: Householder QR as lm's (1e-14 measured on the collinear case); 1e-14 of the
                // largest |y|: the steep line's intercept (0.5 next to y up to 5e6) is only determined to that.
                #expect(agrees(coefficient, RFixtures.number(row[name]), absolute: 1e-14 * scale, relative: 1e-12), "\(row["case"]!) \(name)")
            }
            // 1e-12: R^2 and adjusted R^2 come from residual sums that agree far closer than the coefficients.
            #expect(agrees(fit.rSquared, RFixtures.number(row["r_squared"]), absolute: 1e-12), "\(row["case"]!)")
            #expect(agrees(fit.adjustedRSquared, RFixtures.number(row["adjusted_r_squared"]), absolute: 1e-12), "\(row["case"]!)")
        }
    }

    @Test func recoversAnExactPlane() {
        // y = 2 + 3 x1 - x2 on five points: coefficients exact to rounding, R^2 1.
        let x1: [Double] = [0, 1, 2, 3, 4], x2: [Double] = [1, 0, 4, 2, 3]
        let y = zip(x1, x2).map { 2 + 3 * $0 - $1 }
        let fit = LeastSquares.fit(y, predictors: [x1, x2])
        // 1e-12: a handful of roundings on values of order 10.
        #expect(zip(fit.coefficients, [2.0, 3, -1]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(abs(fit.rSquared - 1) < 1e-12 && abs(fit.adjustedRSquared - 1) < 1e-12)
    }

    @Test func handComputedLine() {
        // y = (1, 3, 2, 4) on x = (1, 2, 3, 4): slope 4 / 5 = 0.8, intercept 2.5 - 0.8 x 2.5 = 0.5;
        // residuals (-0.3, 0.9, -0.9, 0.3), 1.8 of a total 5: R^2 = 0.64, adjusted 1 - 0.36 x 3/2 = 0.46.
        let fit = LeastSquares.fit([1, 3, 2, 4], predictors: [[1, 2, 3, 4]])
        // 1e-12: as above.
        #expect(abs(fit.coefficients[0] - 0.5) < 1e-12 && abs(fit.coefficients[1] - 0.8) < 1e-12)
        #expect(abs(fit.rSquared - 0.64) < 1e-12 && abs(fit.adjustedRSquared - 0.46) < 1e-12)
    }
}
