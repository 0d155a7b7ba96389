/// A small delimited table kept as text, for tables whose columns are typed later
/// (covariates: numeric or categorical, decided after sample matching).
struct TextTable {
    var header: [String]
    /// Data rows; every row has `header.count` fields.
    var rows: [[String]]
    var rowLines: [Int]
    var headerLine: Int
    var delimiter: Delimiter
    var isGzip: Bool
}

enum TextTableReader {
    static func read(path: String, delimiter: Delimiter? = nil) throws -> TextTable {
        var reader = try DelimitedRecordReader(path: path, delimiter: delimiter)
        var header = try reader.readHeader()
        let headerLine = reader.lineNumber
        try reader.requireDataRow(afterHeaderOn: headerLine)
        if reader.fieldCount == header.count + 1 { header.insert("", at: 0) }  // R write.table header
        try LabelChecks.requireUnique(header, file: path, what: "column name") { (headerLine, $0 + 1) }
        var rows: [[String]] = []
        var lines: [Int] = []
        repeat {
            guard reader.fieldCount == header.count else {
                throw reader.raggedRow(expected: header.count, detail: "\(header.count) as in the header")
            }
            rows.append(try reader.labels())
            lines.append(reader.lineNumber)
        } while try reader.next()
        try LabelChecks.requireUnique(rows.map { $0[0] }, file: path, what: "row label") { (lines[$0], 1) }
        return TextTable(header: header, rows: rows, rowLines: lines, headerLine: headerLine,
                         delimiter: reader.delimiterKind, isGzip: reader.isGzip)
    }
}
