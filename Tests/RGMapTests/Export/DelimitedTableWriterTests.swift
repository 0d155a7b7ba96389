import Foundation
import Testing
@testable import RGMap

@Suite struct DelimitedTableWriterTests {
    @Test func quotesOnlyWhenNeededAndRoundTrips() throws {
        let folder = Fixtures.scratchFolder()
        let output = try OutputDirectory(path: folder, force: false)
        let rows = [["a,b", "say \"hi\"", "plain"], ["multi\nline", "", "x"]]
        try output.writeTable("t.csv", delimiter: .comma, header: ["h1", "h2", "h3"], rows: rows)
        let text = try String(contentsOfFile: folder + "/t.csv", encoding: .utf8)
        #expect(text == "h1,h2,h3\n\"a,b\",\"say \"\"hi\"\"\",plain\n\"multi\nline\",,x\n")
        let read = try TextTableReader.read(path: folder + "/t.csv")
        #expect(read.rows == rows)
    }

    @Test func writesNumbersInShortestFormAndNAForMissing() throws {
        let folder = Fixtures.scratchFolder()
        let matrix = LabeledMatrix(rowLabels: ["g"], columnLabels: ["a", "b", "c"], values: [0.1, .nan, 1e-7])
        try OutputDirectory(path: folder, force: false).writeMatrix("m.tsv", matrix, corner: "gene")
        #expect(try String(contentsOfFile: folder + "/m.tsv", encoding: .utf8) == "gene\ta\tb\tc\ng\t0.1\tNA\t1e-07\n")
        let back = try NumericTableReader.read(path: folder + "/m.tsv").matrix
        #expect(sameValues(back.values, matrix.values))
    }

    @Test func quotesTheTabInTabSeparatedTablesAndWritesThePreambleAsIs() throws {
        let folder = Fixtures.scratchFolder()
        let output = try OutputDirectory(path: folder, force: false)
        try output.writeTable("t.tsv", delimiter: .tab, header: ["a", "b"], rows: [["x\ty", "carriage\rreturn"], ["1,2", "\"q\""]],
                              preamble: ["#version 2.4", "# a, \"b\""])
        #expect(try String(contentsOfFile: folder + "/t.tsv", encoding: .utf8)
                == "#version 2.4\n# a, \"b\"\na\tb\n\"x\ty\"\t\"carriage\rreturn\"\n1,2\t\"\"\"q\"\"\"\n")
    }

    @Test func aMatrixLargerThanTheBufferKeepsEveryRowInOrder() throws {
        // About 3 MB of text: the 1 MB buffer is flushed several times.
        let rows = 3000, columns = 100
        let matrix = LabeledMatrix(rowLabels: (0..<rows).map { "g\($0)" }, columnLabels: (0..<columns).map { "s\($0)" },
                                   values: (0..<(rows * columns)).map { Double($0) / 7 })
        let folder = Fixtures.scratchFolder()
        try OutputDirectory(path: folder, force: false).writeMatrix("m.tsv", matrix, corner: "gene")
        let back = try NumericTableReader.read(path: folder + "/m.tsv").matrix
        #expect(back.rowLabels == matrix.rowLabels && back.columnLabels == matrix.columnLabels && back.values == matrix.values)
    }
}
