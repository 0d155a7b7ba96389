import Testing
@testable import RGMap

/// A table cut into parts and parsed at once must read exactly as when parsed in one go,
/// errors included (same line, column and message).
@Suite struct LineAlignedPartsTests {
    /// A table with a byte-order mark, CRLF line ends, blank lines and NA cells.
    static func table(rows: Int, badRow: Int? = nil) -> String {
        var text = "\u{FEFF}gene\tS1\tS2\tS3\r\n"
        var rng = RandomSource(seed: 9)
        for r in 0..<rows {
            if r % 50 == 7 { text += "\r\n" }
            let cells = (0..<3).map { c in r == badRow && c == 1 ? "x1" : (r + c) % 31 == 0 ? "NA" : String(rng.normal()) }
            text += "G\(r)\t" + cells.joined(separator: "\t") + "\r\n"
        }
        return text
    }

    @Test(arguments: [2, 3, 7])
    func partsReadLikeOneStream(parts: Int) throws {
        let path = Fixtures.file(named: "big.tsv", Self.table(rows: 3000))
        #expect(LineAlignedParts.plan(path: path, from: 0, startLine: 1, parts: parts, minimumBytes: 0)?.ranges.count == parts)
        let serial = try NumericTableReader.read(path: path, parts: 1)
        let cut = try NumericTableReader.read(path: path, parts: parts, parallelAbove: 0)
        #expect(cut.matrix.rowLabels == serial.matrix.rowLabels && cut.rowLines == serial.rowLines)
        #expect(sameValues(cut.matrix.values, serial.matrix.values))
        #expect(serial.matrix.rowCount == 3000 && cut.rowLines.last == serial.rowLines.last)
    }

    @Test func reportsTheFirstErrorInFileOrder() throws {
        let path = Fixtures.file(named: "bad.tsv", Self.table(rows: 3000, badRow: 2500))
        let serial = inputError { _ = try NumericTableReader.read(path: path, parts: 1) }
        let cut = inputError { _ = try NumericTableReader.read(path: path, parts: 4, parallelAbove: 0) }
        #expect(serial != nil && cut?.description == serial?.description)
    }

    @Test func doesNotCutFilesWithQuotes() throws {
        let path = Fixtures.file(named: "quoted.tsv", "gene\tS1\n\"G\n1\"\t1\n" + String(repeating: "G\t1\n", count: 10))
        #expect(LineAlignedParts.plan(path: path, from: 8, startLine: 2, parts: 2, minimumBytes: 0) == nil)
    }
}
