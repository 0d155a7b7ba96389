import Foundation
import Testing
@testable import RGMap

@Suite struct NumericTableReaderTests {
    let expected = LabeledMatrix(rowLabels: Fixtures.expressionGenes, columnLabels: Fixtures.expressionSamples,
                                 values: Fixtures.expressionValues)

    func assertExpected(_ matrix: LabeledMatrix) {
        #expect(matrix.rowLabels == expected.rowLabels)
        #expect(matrix.columnLabels == expected.columnLabels)
        #expect(sameValues(matrix.values, expected.values))
    }

    @Test(arguments: ["formats/omics.tsv", "formats/omics.tsv.gz", "formats/omics.gct"])
    func readsTheGenesBySamplesFixtures(_ file: String) throws {
        let table = try NumericTableReader.read(path: Fixtures.path(file))
        assertExpected(table.matrix)
        #expect(table.delimiter == .tab)
    }

    @Test func readsQuotedCRLFCSVWithByteOrderMarkAndEmptyMissingCells() throws {
        let table = try NumericTableReader.read(path: Fixtures.path("formats/omics_samples_in_rows.csv"))
        #expect(table.delimiter == .comma)
        #expect(table.labelColumnName == "sample")
        assertExpected(table.matrix.transposed())
    }

    @Test func acceptsAHeaderWithoutALabelCell() throws {
        // R's write.table(row.names = TRUE) omits the first header cell.
        let table = try NumericTableReader.read(path: Fixtures.file(named: "r.tsv", "S1\tS2\nTP53\t1\t2\nEGFR\t3\tNaN\n"))
        #expect(table.labelColumnName == "")
        #expect(table.matrix.columnLabels == ["S1", "S2"])
        #expect(sameValues(table.matrix.values, [1, 2, 3, .nan]))
    }

    @Test func readsEveryMissingToken() throws {
        let table = try NumericTableReader.read(path: Fixtures.file(named: "na.tsv", "g\ta\tb\tc\td\te\tf\nx\tNA\tNaN\tnan\t.\t\t-0.5e1\n"))
        #expect(sameValues(table.matrix.values, [.nan, .nan, .nan, .nan, .nan, -5]))
    }

    @Test func locatesBadCells() {
        let error = inputError { _ = try NumericTableReader.read(path: Fixtures.path("bad/nonnumeric.tsv")) }
        #expect(error == InputError(file: Fixtures.path("bad/nonnumeric.tsv"), line: 3, column: 3, value: "2.5x",
                                    message: "expected a number or NA in column 'S2', found '2.5x'"))
        let infinite = inputError { _ = try NumericTableReader.read(path: Fixtures.file(named: "inf.tsv", "g\ta\nx\t-Inf\n")) }
        #expect(infinite?.message.description.hasPrefix("infinite value '-Inf'") == true)
        let overflow = inputError { _ = try NumericTableReader.read(path: Fixtures.file(named: "big.tsv", "g\ta\nx\t1e400\n")) }
        #expect(overflow?.message.description.hasPrefix("infinite value") == true)
    }

    @Test func rejectsRaggedRowsDuplicatesAndEmptyFiles() {
        let ragged = inputError { _ = try NumericTableReader.read(path: Fixtures.path("bad/ragged.tsv")) }
        #expect(ragged?.line == 3 && ragged?.column == 4)
        let duplicate = inputError { _ = try NumericTableReader.read(path: Fixtures.path("bad/duplicate_sample.tsv")) }
        #expect(duplicate?.message == "duplicated column label 'S1' (also at column 2): labels must be unique")
        let duplicateRow = inputError { _ = try NumericTableReader.read(path: Fixtures.file(named: "d.tsv", "g\ta\nx\t1\ny\t2\nx\t3\n")) }
        #expect(duplicateRow?.line == 4 && duplicateRow?.message.description.contains("also at line 2") == true)
        #expect(inputError { _ = try NumericTableReader.read(path: Fixtures.path("bad/empty.tsv")) }?.message
                == "empty file: expected a header line")
        #expect(inputError { _ = try NumericTableReader.read(path: Fixtures.path("bad/header_only.tsv")) }?.line == 1)
    }

    @Test func serialAndParallelParsesAgreeOnABlankLineAtACut() throws {
        // Parts are cut at line breaks; a blank line right after a cut leaves a gap to close.
        let path = Fixtures.scratchFolder() + "/blank.tsv"
        var text = "gene\tS1\tS2\n"
        for i in 0..<40 { text += "G\(i)\t\(i)\t\(i * 2)\n" + (i % 7 == 0 ? "\n" : "") }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let serial = try NumericTableReader.read(path: path, parts: 1)
        let parallel = try NumericTableReader.read(path: path, parts: 3, parallelAbove: 0)
        #expect(serial.matrix == parallel.matrix && serial.rowLines == parallel.rowLines)
    }
}
