import Testing
@testable import RGMap

@Suite struct DataQualityTests {
    @Test func flagsNearConstantAndMuchMissingVariablesWithoutDroppingThem() throws {
        let omics = LabeledMatrix(rowLabels: ["mostlyZero", "fine", "gappy", "borderline"],
                                  columnLabels: (1...10).map { "s\($0)" }, values:
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 3]                          // 9 of 10 equal: near-constant
            + (1...10).map { Double($0) }                           // fine
            + [1, 2, .nan, 4, 5, .nan, 7, 8, .nan, 10]              // 30% missing
            + [1, 1, 1, 1, 1, 1, 1, 1, 2, .nan])                    // 8 of 9 present equal (89%): 10% missing
        let (result, report) = try Preprocessor.apply(Cohort.matched(omics), options: PreprocessOptions())
        #expect(result.omics!.rowCount == 4)
        #expect(report.omics!.nearConstant == ["mostlyZero"])
        #expect(report.omics!.manyMissing == ["gappy"])
        #expect(report.warnings == [
            "omics: 1 gene near-constant (one value in at least 90% of the samples, e.g. 'mostlyZero'): their correlations rest on the few samples that differ",
            "omics: 1 gene missing in more than 20% of the samples (e.g. 'gappy'): each of their pairs uses only the samples where both values are present",
        ])
    }

    /// The flags of the rows of a 10-sample matrix.
    static func flags(_ rows: [[Double]]) -> PreprocessReport.TableCounts {
        let matrix = LabeledMatrix(rowLabels: rows.indices.map { "v\($0)" }, columnLabels: (1...10).map { "s\($0)" },
                                   values: rows.flatMap { $0 })
        var counts = PreprocessReport.TableCounts(before: rows.count, after: rows.count)
        DataQuality.flag(matrix, in: &counts)
        return counts
    }

    @Test func manyMissingMeansMoreThanAFifth() {
        let n = Double.nan
        let counts = Self.flags([
            [1, 2, 3, 4, 5, 6, 7, 8, n, n],  // 20%: not more than a fifth
            [1, 2, 3, 4, 5, 6, 7, n, n, n],  // 30%
            [n, n, n, n, n, n, n, n, n, n],  // all missing: flagged, but not near-constant
        ])
        #expect(counts.manyMissing == ["v1", "v2"])
        #expect(counts.nearConstant.isEmpty)
    }

    @Test func nearConstantMeansOneValueInAtLeastNinetyPercentOfThePresentValues() {
        let n = Double.nan
        let counts = Self.flags([
            [2, 2, 2, 2, 2, 2, 2, 2, 2, 7],  // 9 of 10
            [2, 2, 2, 2, 2, 2, 2, 2, 5, 7],  // 8 of 10
            [3, 3, 3, 3, 3, 3, 3, 3, 3, n],  // 9 of 9 present
            [4, 1, 4, 1, 4, 1, 4, 1, 4, 1],  // 5 and 5
            [9, 0, 0, 0, 0, 0, 0, 0, 0, 0],  // the run need not come first
        ])
        #expect(counts.nearConstant == ["v0", "v2", "v4"])
        #expect(counts.manyMissing.isEmpty)
    }

    @Test func warnsPerTableFeaturesFirstInPluralsWithAtMostThreeExamples() {
        var features = PreprocessReport.TableCounts(before: 5, after: 5)
        features.nearConstant = ["a", "b", "c", "d"]
        var omics = PreprocessReport.TableCounts(before: 5, after: 5)
        omics.manyMissing = [String(repeating: "x", count: 40)]
        let report = PreprocessReport(log2Applied: false, features: features, omics: omics)
        #expect(report.warnings == [
            "features: 4 features near-constant (one value in at least 90% of the samples, e.g. 'a', 'b', 'c'): their correlations rest on the few samples that differ",
            "omics: 1 gene missing in more than 20% of the samples (e.g. '\(String(repeating: "x", count: 30))...'): each of their pairs uses only the samples where both values are present",
        ])
        #expect(PreprocessReport(log2Applied: true, features: nil, omics: nil).warnings.isEmpty)
    }
}
