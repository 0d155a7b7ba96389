import Testing
@testable import RGMap

@Suite struct TextTableReaderTests {
    @Test func keepsCellsAsTextWithLinesAndDelimiter() throws {
        let table = try TextTableReader.read(path: Fixtures.path("formats/covariates.tsv"))
        #expect(table.header == ["sample", "age", "scanner", "stage"])
        #expect(table.rows.count == 6 && table.rows.allSatisfy { $0.count == 4 })
        #expect(table.rows[4] == ["TCGA-AA-0005", "66", "SIEMENS", "NA"])
        #expect(table.headerLine == 1 && table.rowLines == Array(2...7))
        #expect(table.delimiter == .tab && !table.isGzip)
    }

    @Test func acceptsRsHeaderWithoutALabelCell() throws {
        let table = try TextTableReader.read(path: Fixtures.file(named: "r.csv", "age,site\nP1,50,A\nP2,61,B\n"))
        #expect(table.header == ["", "age", "site"] && table.rows == [["P1", "50", "A"], ["P2", "61", "B"]])
        #expect(table.delimiter == .comma)
    }

    @Test func refusesRaggedRowsRepeatedNamesAndHeaderOnlyFiles() {
        let ragged = inputError { _ = try TextTableReader.read(path: Fixtures.file(named: "a.tsv", "s\tage\tsex\nP1\t50\tF\nP2\t61\n")) }
        #expect(ragged?.line == 3 && ragged?.message == "ragged row: 2 fields, expected 3 as in the header")
        let column = inputError { _ = try TextTableReader.read(path: Fixtures.path("bad/covariates_duplicate_column.tsv")) }
        #expect(column?.line == 1 && column?.column == 3
                && column?.message == "duplicated column name 'age' (also at column 2): labels must be unique")
        let row = inputError { _ = try TextTableReader.read(path: Fixtures.file(named: "b.tsv", "s\tage\nP1\t1\nP2\t2\nP1\t3\n")) }
        #expect(row?.line == 4 && row?.column == 1 && row?.message == "duplicated row label 'P1' (also at line 2): labels must be unique")
        #expect(inputError { _ = try TextTableReader.read(path: Fixtures.path("bad/header_only.tsv")) }?.line == 1)
    }
}
