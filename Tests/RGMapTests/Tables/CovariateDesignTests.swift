import Testing
@testable import RGMap

@Suite struct CovariateDesignTests {
    @Test func encodesNumericAndCategoricalCovariates() {
        let design = CovariateDesign.encode(names: ["age", "scanner", "site"],
                                            values: [["61", "55", "70"], ["GE", "SIEMENS", "GE"], ["A", "A", "A"]],
                                            samples: ["s1", "s2", "s3"])
        #expect(design.matrix.rowLabels == ["age", "scanner=SIEMENS"])
        #expect(design.matrix.values == [61, 55, 70, 0, 1, 0])
        #expect(design.variables.map(\.kind) == [.numeric, .categorical, .categorical])
        #expect(design.variables[1].levels == ["GE", "SIEMENS"])
        #expect(design.notes == ["covariate 'site' has one level: dropped"])
    }

    @Test func treatsNumericLookingLevelsMixedWithTextAsCategorical() {
        let design = CovariateDesign.encode(names: ["stage"], values: [["1", "2", "3A"]], samples: ["a", "b", "c"])
        #expect(design.matrix.rowLabels == ["stage=2", "stage=3A"])
    }

    @Test func findsSamplesWithMissingCovariates() {
        #expect(CovariateDesign.missingSamples([["1", "NA", "3"], ["x", "y", ""]]) == [1, 2])
    }
}
