import Testing
@testable import RGMap

@Suite struct NothingLeftTests {
    @Test func saysWhatWasDroppedAndWhy() throws {
        let empty = LabeledMatrix(rowLabels: [], columnLabels: ["s1", "s2"], values: [])
        var counts = PreprocessReport.TableCounts(before: 7, after: 0)
        counts.incomplete = 1
        counts.lowExpression = 2
        counts.allMissing = ["a", "b", "c", "d"]
        let error = try #require(throws: AnalysisError.self) { try NothingLeft.check(empty, role: .omics, counts: counts) }
        #expect(error.kind == .tooFewVariables)
        #expect(error.message.settings == [.completeGenes, .minExpression])
        #expect(error.description == "omics: no gene left after preprocessing: all 7 dropped, 1 with a missing value (completeGenes), "
                + "2 below minExpression, 4 with every value missing ('a', 'b', 'c', ...)")
        let features = try #require(throws: AnalysisError.self) { try NothingLeft.check(empty, role: .features, counts: nil) }
        #expect(features.description == "features: no feature left after preprocessing")
    }

    @Test func aTableWithVariablesOrNoTablePasses() throws {
        try NothingLeft.check(nil, role: .omics, counts: nil)
        try NothingLeft.check(LabeledMatrix(rowLabels: ["g"], columnLabels: ["s"], values: [1]), role: .omics, counts: nil)
    }
}
