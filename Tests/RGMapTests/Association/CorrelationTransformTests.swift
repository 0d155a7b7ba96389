import Testing
@testable import RGMap

/// Unit-length transforms whose dot products are the correlation: against R's cor and WGCNA's
/// bicor (Fixtures/numerics/vector_pairs.tsv), and on sample subsets against a two-pass
/// Pearson written out here.
@Suite struct CorrelationTransformTests {
    static let pairs = try! NumericFixtures.table("vector_pairs.tsv")

    /// Transforms every row of `matrix` over `subset`.
    static func transform(_ matrix: LabeledMatrix, _ method: CorrelationMethod, _ subset: SampleSubset) -> (out: [Double], usable: [Bool]) {
        let orders = method == .spearman ? CorrelationEngine.orders(matrix) : nil
        var out = [Double](repeating: .nan, count: matrix.values.count)
        let usable = out.withUnsafeMutableBufferPointer {
            CorrelationTransform(method: method).apply(matrix, rows: Array(0..<matrix.rowCount), orders: orders, subset: subset,
                                                       into: $0.baseAddress!)
        }
        return (out, usable)
    }

    static func dot(_ out: [Double], _ i: Int, _ j: Int, n: Int) -> Double {
        (0..<n).reduce(0) { $0 + out[i * n + $1] * out[j * n + $1] }
    }

    /// Pearson over the samples of `mask`, two-pass.
    static func pearson(_ x: [Double], _ y: [Double], _ mask: [Bool]) -> Double {
        let pairs = (0..<x.count).filter { mask[$0] }.map { (x[$0], y[$0]) }
        let mx = pairs.reduce(0) { $0 + $1.0 } / Double(pairs.count), my = pairs.reduce(0) { $0 + $1.1 } / Double(pairs.count)
        let sxy = pairs.reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let sxx = pairs.reduce(0) { $0 + ($1.0 - mx) * ($1.0 - mx) }, syy = pairs.reduce(0) { $0 + ($1.1 - my) * ($1.1 - my) }
        return sxy / (sxx * syy).squareRoot()
    }

    @Test(arguments: CorrelationMethod.allCases)
    func dotProductsAreRsCoefficients(_ method: CorrelationMethod) throws {
        for row in Self.pairs {
            let x = NumericFixtures.numbers(row["x"]), y = NumericFixtures.numbers(row["y"])
            let matrix = LabeledMatrix(rowLabels: ["x", "y"], columnLabels: x.indices.map { "s\($0)" }, values: x + y)
            let (out, usable) = Self.transform(matrix, method, SampleSubset(mask: nil, sampleCount: x.count))
            #expect(usable == [true, true])
            let expected = RFixtures.number(row[method.rawValue])
            // The agreement docs/methods.md states: 1e-12 (Pearson, Spearman), 1e-10 (bicor: R's long double, WGCNA's sums).
            #expect(agrees(Self.dot(out, 0, 1, n: x.count), expected, absolute: method == .bicor ? 1e-10 : 1e-12),
                    "\(method) \(row["case"]!)")
            // Unit length: 1e-15 is a few roundings of the scaling.
            #expect(abs(Self.dot(out, 0, 0, n: x.count) - 1) < 1e-15)
        }
    }

    @Test(arguments: CorrelationMethod.allCases)
    func subsetsLeaveOtherSamplesAtZeroAndMarkConstantRows(_ method: CorrelationMethod) {
        let x: [Double] = [2.5, 9, 1.25, 4, 3.5, 7, 8.5, 0.5]
        let y: [Double] = [1, 30, 2, 3.5, 2.5, 4, 5.5, 6]
        let flat: [Double] = [4, 1, 4, 4, 4, 4, 4, 2]  // constant on the subset only
        let mask = [true, false, true, true, true, true, true, false]
        let matrix = LabeledMatrix(rowLabels: ["x", "y", "flat"], columnLabels: x.indices.map { "s\($0)" }, values: x + y + flat)
        let (out, usable) = Self.transform(matrix, method, SampleSubset(mask: mask, sampleCount: 8))
        #expect(usable == [true, true, false])
        #expect(out[16..<24].allSatisfy { $0 == 0 })
        #expect([1, 7, 9, 15].allSatisfy { out[$0] == 0 })
        // Without ties or outliers on the subset: Pearson of the values, of their ranks (1...6 in this
        // order), and bicor (checked against WGCNA in the test above) near Pearson.
        let ranksX: [Double] = [2, 0, 1, 4, 3, 5, 6, 0], ranksY: [Double] = [1, 0, 2, 4, 3, 5, 6, 0]
        let expected = method == .spearman ? Self.pearson(ranksX, ranksY, mask) : Self.pearson(x, y, mask)
        // 1e-12: the documented agreement of the map's Pearson and Spearman.
        if method != .bicor { #expect(agrees(Self.dot(out, 0, 1, n: 8), expected, absolute: 1e-12)) }
    }

    @Test func aVariableTheCovariatesExplainIsUnusable() throws {
        // Evenly spaced ages: their ranks are linear in age, so Spearman's ranks are explained too.
        let age: [Double] = [50, 55, 45, 70, 60, 65, 40]
        let covariates = LabeledMatrix(rowLabels: ["age"], columnLabels: age.indices.map { "s\($0)" }, values: age)
        let explained = age.map { 3 - 0.25 * $0 }
        let noisy: [Double] = [1.5, 0.25, 2, -1, 0.75, 3, 1]
        let matrix = LabeledMatrix(rowLabels: ["explained", "noisy"], columnLabels: covariates.columnLabels, values: explained + noisy)
        let subset = try SampleSubset(mask: nil, sampleCount: 7, covariates: covariates)
        for method in CorrelationMethod.allCases {
            let (out, usable) = Self.transform(matrix, method, subset)
            #expect(usable == [false, true], "\(method)")
            #expect(out[0..<7].allSatisfy { $0 == 0 })
            // The residuals of the usable one are orthogonal to the intercept and to age (Pearson's and
            // Spearman's; bicor weights them): 1e-14 is rounding noise on values of order 1.
            if method != .bicor {
                #expect(abs(out[7..<14].reduce(0, +)) < 1e-14)
                #expect(abs(zip(out[7..<14], age).reduce(0) { $0 + $1.0 * $1.1 }) < 1e-14 * 70)
            }
        }
    }

    @Test func centresOverTheSubsetAndNormalizes() {
        var values: [Double] = [1, 100, 3, 5]
        let subset = SampleSubset(mask: [true, false, true, true], sampleCount: 4)
        values.withUnsafeMutableBufferPointer { CorrelationTransform.centre($0.baseAddress!, subset: subset, n: 4) }
        #expect(values == [-2, 100, 0, 2])  // mean of 1, 3, 5; sample 1 untouched
        var vector: [Double] = [3, 0, -4, 0]
        #expect(vector.withUnsafeMutableBufferPointer { CorrelationTransform.normalize($0.baseAddress!, n: 4) })
        #expect(vector == [3 * 0.2, 0, -4 * 0.2, 0])  // times 1 / sqrt(25)
        var zero: [Double] = [0, 0]
        #expect(!zero.withUnsafeMutableBufferPointer { CorrelationTransform.normalize($0.baseAddress!, n: 2) })
    }
}
