import Testing
@testable import RGMap

/// The engine's own decisions: the ±1 snap, block sizes, sort orders, how pair counts and the
/// covariates' degrees of freedom are kept, which variables are constant; coefficients against R
/// on the `tiny` set (pairs over 2, 3 and 4 samples).
@Suite struct CorrelationEngineTests {
    @Test func snapsCoefficientsWithinFourUnitsOfRoundingToPlusOrMinusOne() {
        let u = Double.ulpOfOne
        #expect(CorrelationEngine.clamp(1 - 4 * u) == 1 && CorrelationEngine.clamp(1 + 1e-9) == 1)
        #expect(CorrelationEngine.clamp(1 - 5 * u) == 1 - 5 * u)
        #expect(CorrelationEngine.clamp(-1 + 4 * u) == -1 && CorrelationEngine.clamp(-1 - 1e-9) == -1)
        #expect(CorrelationEngine.clamp(-1 + 5 * u) == -1 + 5 * u)
        #expect(CorrelationEngine.clamp(0.25) == 0.25 && CorrelationEngine.clamp(.nan).isNaN)
    }

    @Test func geneBlocksStayBetween64And65536Rows() {
        #expect(CorrelationEngine.geneBlock(samples: 1 << 16, features: 10) == 64)   // 2^22 / 2^16 = 64
        #expect(CorrelationEngine.geneBlock(samples: 1 << 20, features: 10) == 64)   // floor of 64
        #expect(CorrelationEngine.geneBlock(samples: 100, features: 1 << 12) == 1024) // 2^22 / 4096
        #expect(CorrelationEngine.geneBlock(samples: 10, features: 3) == 1 << 16)     // cap
        #expect(CorrelationEngine.geneBlock(samples: 0, features: 0) == 1 << 16)
    }

    @Test func ordersListPresentValuesAscendingTiesByIndex() {
        let n = Double.nan
        let matrix = LabeledMatrix(rowLabels: ["a", "b"], columnLabels: ["1", "2", "3", "4"], values: [3, n, 1, 3, 0.5, -2, n, n])
        #expect(CorrelationEngine.orders(matrix) == [[2, 0, 3], [1, 0]])
    }

    @Test(arguments: CorrelationMethod.allCases)
    func matchesRPairByPairOverTwoThreeAndFourSamples(_ method: CorrelationMethod) throws {
        let cohort = try RFixtures.cohort("tiny")
        let result = CorrelationEngine(method: method, covariates: nil).correlateUnadjusted(cohort.features!, cohort.omics!)
        let genes = cohort.omics!.rowLabels, features = cohort.features!.rowLabels
        for row in try RFixtures.table("tiny_expected.tsv") where row["method"] == method.rawValue {
            let k = features.firstIndex(of: row["feature"]!)! * genes.count + genes.firstIndex(of: row["gene"]!)!
            #expect(Int(result.pairs[k]) == Int(row["n"]!))
            // 1e-12 (Pearson, Spearman), 1e-10 (bicor): the agreement with R that docs/methods.md states.
            #expect(agrees(result.r[k], RFixtures.number(row["r"]), absolute: method == .bicor ? 1e-10 : 1e-12),
                    "\(row["feature"]!) x \(row["gene"]!)")
        }
        #expect(result.covariateDF == nil)
    }

    @Test(arguments: CorrelationMethod.allCases)
    func keepsOneCountWithoutMissingValues(_ method: CorrelationMethod) throws {
        let x = LabeledMatrix(rowLabels: ["f"], columnLabels: ["1", "2", "3", "4"], values: [1, 2, 3, 5])
        let y = LabeledMatrix(rowLabels: ["g", "h"], columnLabels: x.columnLabels, values: [2, 1, 4, 3, 7, 7, 7, 7])
        let result = CorrelationEngine(method: method, covariates: nil).correlateUnadjusted(x, y)
        #expect(result.pairs == .constant(4))
        #expect(result.r[1].isNaN && result.constantGenes == ["h"] && result.constantFeatures.isEmpty)
    }

    @Test(arguments: CorrelationMethod.allCases)
    func aCovariateLevelAbsentFromAPairsSamplesCostsNoDegreeOfFreedom(_ method: CorrelationMethod) throws {
        // Scanner A/B/C as two indicators. Feature "partial" lacks every scanner C sample: on its
        // pairs the C indicator is all zero, so the design has rank 2 there (1 covariate DF), 3 elsewhere (2).
        let scanner = ["A", "B", "C", "A", "B", "C", "A", "B", "C", "A"]
        let samples = scanner.indices.map { "s\($0)" }
        let covariates = LabeledMatrix(rowLabels: ["scanner=B", "scanner=C"], columnLabels: samples,
                                       values: scanner.map { $0 == "B" ? 1 : 0 } + scanner.map { $0 == "C" ? 1 : 0 })
        var rng = RandomSource(seed: 5)
        let full = samples.map { _ in rng.normal() }
        let partial = scanner.map { $0 == "C" ? Double.nan : rng.normal() }
        let x = LabeledMatrix(rowLabels: ["full", "partial"], columnLabels: samples, values: full + partial)
        let y = LabeledMatrix(rowLabels: ["g"], columnLabels: samples, values: samples.map { _ in rng.normal() })
        let result = try CorrelationEngine(method: method, covariates: covariates).correlate(x, y)
        #expect(result.pairs == .matrix([10, 7]))
        #expect(result.covariateDF == .matrix([2, 1]))
        #expect(!result.r[0].isNaN && !result.r[1].isNaN)
        let complete = try CorrelationEngine(method: method, covariates: covariates).correlate(x.selectingRows([0]), y)
        #expect(complete.pairs == .constant(10) && complete.covariateDF == .constant(2))
    }

    @Test func namesVariablesConstantOverAllTheirSamplesOrWithFewerThanTwo() throws {
        let n = Double.nan
        let x = LabeledMatrix(rowLabels: ["ok", "flat", "single"], columnLabels: ["1", "2", "3", "4"],
                              values: [1, 2, 3, 4, n, 5, 5, 5, n, n, 2, n])
        let y = LabeledMatrix(rowLabels: ["g", "empty"], columnLabels: x.columnLabels, values: [4, 1, 3, 2, n, n, n, n])
        for method in CorrelationMethod.allCases {
            let result = CorrelationEngine(method: method, covariates: nil).correlateUnadjusted(x, y)
            #expect(result.constantFeatures == ["flat", "single"] && result.constantGenes == ["empty"], "\(method)")
            #expect(!result.r[0].isNaN && result.r[1...].allSatisfy(\.isNaN), "\(method): \(result.r)")
        }
    }
}
