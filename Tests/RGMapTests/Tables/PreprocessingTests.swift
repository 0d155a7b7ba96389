import Testing
@testable import RGMap

@Suite struct PreprocessingTests {
    let omics = LabeledMatrix(rowLabels: ["a", "b", "c", "d", "e"], columnLabels: ["s1", "s2", "s3", "s4"], values: [
        0, 1, 3, 7,            // a: variance 9.58
        5, 5, 5, 5,            // b: constant
        .nan, .nan, .nan, .nan, // c: all missing
        1, 1, 2, .nan,         // d: variance 0.33
        0.1, 0.1, 0.1, 0.1,    // e: constant at a value with no exact binary form
    ])

    @Test func dropsAllMissingAndConstantGenesWithNames() throws {
        let (result, report) = try Preprocessor.apply(Cohort.matched(omics), options: PreprocessOptions())
        #expect(result.omics!.rowLabels == ["a", "d"])
        #expect(report.omics!.allMissing == ["c"])
        #expect(report.omics!.zeroVariance == ["b", "e"])
        #expect(report.omics!.before == 5 && report.omics!.after == 2)
    }

    @Test func appliesLog2ThenExpressionFilterThenTopVariance() throws {
        let options = PreprocessOptions(log2: true, minExpression: 1, minSamplesFraction: 0.5, topVariable: 1)
        let (result, report) = try Preprocessor.apply(Cohort.matched(omics), options: options)
        // log2(x+1): a = [0, 1, 2, 3]; d = [1, 1, 1.58, NA]; b = 2.58 (constant, dropped).
        #expect(report.log2Applied)
        #expect(report.omics!.lowExpression == 2)  // c (no values) and e (log2(1.1) < 1)
        #expect(report.omics!.notTopVariable == 1)
        #expect(result.omics!.rowLabels == ["a"])
        #expect(Array(result.omics!.row(0)) == [0, 1, 2, 3])
    }

    @Test func completeGenesDropsEveryGeneWithAMissingValue() throws {
        let (result, report) = try Preprocessor.apply(Cohort.matched(omics), options: PreprocessOptions(completeGenes: true))
        // c (all missing) and d (one missing) go first; then b and e are constant.
        #expect(report.omics!.incomplete == 2)
        #expect(result.omics!.rowLabels == ["a"])
    }

    @Test func refusesLog2OnNegativeValues() throws {
        let negative = LabeledMatrix(rowLabels: ["g"], columnLabels: ["s1", "s2", "s3"], values: [1, -0.5, 2])
        let error = try #require(throws: SettingError.self) { try Preprocessor.apply(Cohort.matched(negative), options: PreprocessOptions(log2: true)) }
        #expect(error.setting == .log2 && error.value == "-0.5")
        #expect(error.description == "log2: omics value -0.5 (gene 'g', sample 's2') is negative: the data look log-scaled already")
    }

    @Test func summarisesVariablesIgnoringMissingValues() {
        let summary = VariableSummary([2, .nan, 4, 9])
        #expect(summary.present == 3 && summary.mean == 5 && summary.variance == 13)
        #expect(!summary.isConstant)
        #expect(VariableSummary([.nan, 3, 3]).isConstant)
    }
}
