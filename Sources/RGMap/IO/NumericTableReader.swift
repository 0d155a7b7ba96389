/// A numeric matrix as it stands in a delimited text file.
struct DelimitedNumericTable {
    /// Rows and columns as in the file: row labels from the first column, column labels from the header.
    var matrix: LabeledMatrix
    var delimiter: Delimiter
    var isGzip: Bool
    /// Name of the label column in the header (empty when the header has no cell for it).
    var labelColumnName: String
    /// Physical line of each data row, for error messages about a row found later.
    var rowLines: [Int]
    var headerLine: Int
    /// Things worth telling the user (for example a GCT header that was skipped).
    var notes: [String]
}

/// Reads a delimited text file whose cells (all but the first column and the header) are numbers.
///
/// The header may omit the label column's name (R's `write.table` default).
/// GCT files (`#1.2` / `#1.3`) are recognised: their two preamble lines are
/// skipped and the `Description` column is dropped.
enum NumericTableReader {
    static func read(path: String, delimiter: Delimiter? = nil,
                     progress: ProgressCallback? = nil) throws -> DelimitedNumericTable {
        var reader = try DelimitedRecordReader(path: path, delimiter: delimiter)
        var notes: [String] = []
        var header = try reader.readHeader()
        var skipDescription = false
        if header[0].hasPrefix("#1.2") || header[0].hasPrefix("#1.3") {
            // GCT: version line, dimensions line, then "Name Description sample...".
            _ = try reader.next()
            guard try reader.next() else { throw InputError(file: path, message: "GCT file ends before its header") }
            header = reader.strings()
            skipDescription = true
            notes.append("GCT format: preamble skipped, Description column dropped")
        }
        let headerLine = reader.lineNumber
        try reader.requireDataRow(afterHeaderOn: headerLine)
        let firstDataFields = reader.fieldCount
        let labelColumnName: String
        var columnLabels: [String]
        if firstDataFields == header.count + 1 {
            labelColumnName = ""
            columnLabels = header
        } else if firstDataFields == header.count {
            labelColumnName = header[0]
            columnLabels = Array(header.dropFirst())
        } else {
            throw InputError(file: path, line: reader.lineNumber, column: min(firstDataFields, header.count) + 1,
                             message: "ragged row: \(firstDataFields) fields, but the header has \(header.count)")
        }
        let skipped = skipDescription ? 1 : 0
        if skipDescription { columnLabels.removeFirst() }
        guard !columnLabels.isEmpty else {
            throw InputError(file: path, line: headerLine, message: "no data columns: expected labels and at least one value column")
        }
        let expectedFields = columnLabels.count + 1 + skipped
        // Reserve for the rows the stream size suggests (from the first row's length), so the
        // matrix is built in place instead of being copied as it grows.
        let estimatedRows = reader.estimatedStreamSize / max(reader.recordByteCount, 1) + 16
        var values: [Double] = []
        values.reserveCapacity(min(estimatedRows, 1 << 28 / max(columnLabels.count, 1)) * columnLabels.count)
        var rowLabels: [String] = []
        var rowLines: [Int] = []
        var progressTick = 0
        repeat {
            if reader.fieldCount != expectedFields {
                throw InputError(file: path, line: reader.lineNumber, column: min(reader.fieldCount, expectedFields) + 1,
                                 message: "ragged row: \(reader.fieldCount) fields, expected \(expectedFields)")
            }
            rowLabels.append(reader.string(0))
            rowLines.append(reader.lineNumber)
            for column in (1 + skipped)..<expectedFields {
                switch CellValue.read(reader.field(column)) {
                case .number(let value): values.append(value)
                case .missing: values.append(.nan)
                case .infinite:
                    throw InputError(file: path, line: reader.lineNumber, column: column + 1,
                                     message: "infinite value \(reader.string(column).quotedForMessage()): expected a finite number or NA")
                case .text:
                    throw InputError(file: path, line: reader.lineNumber, column: column + 1,
                                     message: "expected a number or NA in column \(columnLabels[column - 1 - skipped].quotedForMessage()), found \(reader.string(column).quotedForMessage())")
                }
            }
            progressTick += 1
            if progressTick == 4096, let progress {
                progressTick = 0
                progress(reader.fileBytesRead, reader.fileSize)
            }
        } while try reader.next()
        try LabelChecks.requireUnique(rowLabels, file: path, what: "row label") { index in (rowLines[index], 1) }
        try LabelChecks.requireUnique(columnLabels, file: path, what: "column label") { index in
            (headerLine, index + 1 + (labelColumnName.isEmpty ? 0 : 1) + skipped)
        }
        if values.capacity > values.count + values.count / 4 { values = Array(values) }  // return an overestimate
        let matrix = LabeledMatrix(rowLabels: rowLabels, columnLabels: columnLabels, values: values)
        return DelimitedNumericTable(matrix: matrix, delimiter: reader.delimiterKind, isGzip: reader.isGzip,
                                     labelColumnName: labelColumnName, rowLines: rowLines,
                                     headerLine: headerLine, notes: notes)
    }
}

/// Called now and then by long loaders with (bytes done, bytes total).
public typealias ProgressCallback = (_ done: Int, _ total: Int) -> Void
