import Testing
@testable import RGMap

@Suite struct LoadedTableTests {
    let numeric = LoadedTable(role: .omics, path: "o.tsv", format: "TSV", content: .numeric(
        LabeledMatrix(rowLabels: ["g1", "g2"], columnLabels: ["s1", "s2", "s3"], values: [1, .nan, 3, 4, 5, .nan])),
                              notes: ["a note"])
    let text = LoadedTable(role: .covariates, path: "c.tsv", format: "TSV", content: .text(
        header: ["sample", "age", "site"], rows: [["s1", "50", "A"], ["s2", "61", "B"]]))

    @Test func labelsAndShapeOfNumericTables() {
        #expect(numeric.labels(.rows) == ["g1", "g2"] && numeric.labels(.columns) == ["s1", "s2", "s3"])
        #expect(numeric.shape == (2, 3))
    }

    @Test func textTablesLabelRowsByTheirFirstCellAndColumnsByTheHeaderAfterIt() {
        #expect(text.labels(.rows) == ["s1", "s2"] && text.labels(.columns) == ["age", "site"])
        #expect(text.shape == (2, 2))
    }

    @Test func summariesCountMissingCellsOfNumericTablesOnly() {
        let summary = TableSummary(numeric)
        #expect(summary.role == .omics && summary.path == "o.tsv" && summary.format == "TSV")
        #expect(summary.rows == 2 && summary.columns == 3 && summary.missingValues == 2 && summary.notes == ["a note"])
        let textSummary = TableSummary(text)
        #expect(textSummary.missingValues == nil && textSummary.rows == 2 && textSummary.columns == 2)
    }
}
