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
    /// Fields before the first value column on a data row (the label, and GCT's Description).
    var valueColumnOffset: Int
    /// Things worth telling the user (for example a GCT header that was skipped).
    var notes: [String]
}

/// Reads a delimited text file whose cells (all but the first column and the header) are numbers.
///
/// The header may omit the label column's name (R's `write.table` default).
/// GCT files (`#1.2` / `#1.3`) are recognised: their two preamble lines are
/// skipped and the `Description` column is dropped.
enum NumericTableReader {
    /// - Parameters:
    ///   - parts: how many parts a large plain file is cut into and parsed at once.
    ///   - parallelAbove: the least size of the data rows worth cutting (8 MiB, as
    ///     ``LineAlignedParts/plan(path:from:startLine:parts:minimumBytes:)``).
    /// Long on purpose: the header rules (GCT, label column, description) and the choice between one
    /// streaming pass and parallel parts belong together; the rows are parsed by `RowLayout`.
    static func read(path: String, delimiter: Delimiter? = nil, progress: ProgressCallback? = nil,
                     parts: Int = Parallel.threads, parallelAbove: Int = 8 << 20) throws -> DelimitedNumericTable {
        var reader = try DelimitedRecordReader(path: path, delimiter: delimiter)
        var notes: [String] = []
        var header = try reader.readHeader()
        var skipDescription = false
        if header[0].hasPrefix("#1.2") || header[0].hasPrefix("#1.3") {
            // GCT: version line, dimensions line, then "Name Description sample...".
            _ = try reader.next()
            guard try reader.next() else { throw InputError(file: path, message: "GCT file ends before its header") }
            header = try reader.labels()
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
            throw reader.raggedRow(expected: header.count, detail: "\(header.count) as in the header (or \(header.count + 1) with a label column the header does not name)")
        }
        let skipped = skipDescription ? 1 : 0
        if skipDescription {
            guard !columnLabels.isEmpty else {
                throw InputError(file: path, line: headerLine, message: "GCT header without a Description column: expected Name, Description, then the samples")
            }
            columnLabels.removeFirst()
        }
        guard !columnLabels.isEmpty else {
            throw InputError(file: path, line: headerLine, message: "no data columns: expected labels and at least one value column")
        }
        let expectedFields = columnLabels.count + 1 + skipped
        let layout = RowLayout(path: path, expectedFields: expectedFields, skipped: skipped, columnLabels: columnLabels)
        var rows: ParsedRows
        let parts = reader.isGzip ? nil
            : LineAlignedParts.plan(path: path, from: reader.recordOffset, startLine: reader.lineNumber, parts: parts,
                                  minimumBytes: parallelAbove)
        if let parts {
            rows = try parseInParallel(parts, layout: layout, delimiter: reader.delimiter, progress: progress)
        } else {
            // Reserve for the rows the stream size suggests (from the first row's length), so
            // the matrix is built in place instead of being copied as it grows.
            let estimatedRows = reader.estimatedStreamSize / max(reader.recordByteCount, 1) + 16  // + 16: slack for shorter rows
            rows = try layout.parse(&reader, estimatedRows: estimatedRows, progress: progress)
        }
        let rowLabels = rows.labels, rowLines = rows.lines
        try LabelChecks.requireUnique(rowLabels, file: path, what: "row label") { index in (rowLines[index], 1) }
        try LabelChecks.requireUnique(columnLabels, file: path, what: "column label") { index in
            (headerLine, index + 1 + (labelColumnName.isEmpty ? 0 : 1) + skipped)
        }
        // Capacity more than a quarter above use (an overestimate of the rows): copy to the exact size.
        if rows.values.capacity > rows.values.count + rows.values.count / 4 { rows.values = Array(rows.values) }
        let matrix = LabeledMatrix(rowLabels: rowLabels, columnLabels: columnLabels, values: rows.values)
        return DelimitedNumericTable(matrix: matrix, delimiter: reader.delimiterKind, isGzip: reader.isGzip,
                                     labelColumnName: labelColumnName, rowLines: rowLines,
                                     headerLine: headerLine, valueColumnOffset: 1 + skipped, notes: notes)
    }

    /// The data rows of each part parsed at once, straight into one matrix (each part into
    /// its own stretch, sized by its line breaks, gaps closed after); the first part's error
    /// in file order is the one reported, as a serial parse would.
    private static func parseInParallel(_ parts: LineAlignedParts, layout: RowLayout, delimiter: UInt8,
                                        progress: ProgressCallback?) throws -> ParsedRows {
        let width = layout.columnLabels.count
        let bounds = parts.lineBreaks.map { $0 + 1 }
        let firstRow = bounds.indices.map { k in bounds[..<k].reduce(0, +) }
        let capacity = bounds.reduce(0, +)
        var results = [Result<ParsedRows, Error>](repeating: .success(ParsedRows()), count: parts.ranges.count)
        var values = [Double](unsafeUninitializedCapacity: capacity * width) { buffer, initialized in
            results.withUnsafeMutableBufferPointer { results in
                Parallel.perform(parts.ranges.count) { k in
                    results[k] = Result {
                        var reader = DelimitedRecordReader(source: try ByteSource(path: layout.path, range: parts.ranges[k]),
                                                           delimiter: delimiter, firstLine: parts.firstLines[k])
                        // Part 0 reports for all: the parts advance at about the same pace.
                        let scaled: ProgressCallback? = k == 0 ? progress.map { report in
                            { done, total in report(min(total, done * parts.ranges.count), total) }
                        } : nil
                        var sink = PointerSink(start: buffer.baseAddress! + firstRow[k] * width, capacity: bounds[k] * width)
                        return try layout.parse(&reader, positioned: false, into: &sink, progress: scaled)
                    }
                }
            }
            // Close the gaps left by blank lines, in order (parts only move down).
            var filled = 0
            for k in results.indices {
                guard case .success(let part) = results[k] else { break }
                let count = part.labels.count * width
                if filled != firstRow[k] * width {
                    (buffer.baseAddress! + filled).update(from: buffer.baseAddress! + firstRow[k] * width, count: count)
                }
                filled += count
            }
            initialized = filled
        }
        var joined = ParsedRows()
        for result in results {
            let part = try result.get()
            joined.labels += part.labels
            joined.lines += part.lines
        }
        precondition(values.count == joined.labels.count * width)
        swap(&joined.values, &values)
        return joined
    }
}

/// Rows read from a numeric table: labels, the line of each, values row-major.
private struct ParsedRows {
    var labels: [String] = []
    var lines: [Int] = []
    var values: [Double] = []
}

/// What every data row of a numeric table must look like, and how to read it.
private struct RowLayout: Sendable {
    let path: String
    let expectedFields: Int
    /// Fields after the label that are not values (GCT's Description).
    let skipped: Int
    let columnLabels: [String]

    /// Reads the rows into an array, from the reader's current record; `estimatedRows` sizes it.
    func parse(_ reader: inout DelimitedRecordReader, estimatedRows: Int, progress: ProgressCallback?) throws -> ParsedRows {
        var sink = ArraySink()
        // At most 2^28 values (2 GiB) reserved ahead on an estimate; beyond, the array grows as read.
        sink.values.reserveCapacity(min(estimatedRows, 1 << 28 / max(columnLabels.count, 1)) * columnLabels.count)
        var rows = try parse(&reader, positioned: true, into: &sink, progress: progress)
        rows.values = sink.values
        return rows
    }

    /// Reads the rows from the reader's current record (`positioned`) or from its next one,
    /// the values into `sink`; the returned rows hold the labels and lines.
    func parse<Sink: ValueSink>(_ reader: inout DelimitedRecordReader, positioned: Bool, into sink: inout Sink,
                                progress: ProgressCallback?) throws -> ParsedRows {
        var rows = ParsedRows()
        if !positioned {
            guard try reader.next() else { return rows }
        }
        var progressTick = 0
        repeat {
            if reader.fieldCount != expectedFields {
                throw reader.raggedRow(expected: expectedFields)
            }
            rows.labels.append(try reader.label(0))
            rows.lines.append(reader.lineNumber)
            for column in (1 + skipped)..<expectedFields {
                switch CellValue.read(reader.field(column)) {
                case .number(let value): try sink.append(value, path: path)
                case .missing: try sink.append(.nan, path: path)
                case .infinite:
                    throw InputError(file: path, line: reader.lineNumber, column: column + 1, value: reader.string(column),
                                     message: "infinite value \(reader.string(column).quotedForMessage()): expected a finite number or NA")
                case .text:
                    throw InputError(file: path, line: reader.lineNumber, column: column + 1, value: reader.string(column),
                                     message: Message(CellValue.notANumber(in: columnLabels[column - 1 - skipped], found: reader.string(column))))
                }
            }
            progressTick += 1
            if progressTick == 4096, let progress {  // report every 4096 rows: often enough, at no cost
                progressTick = 0
                progress(reader.fileBytesRead, reader.fileSize)
            }
        } while try reader.next()
        return rows
    }
}

/// Where parsed values go.
private protocol ValueSink {
    mutating func append(_ value: Double, path: String) throws
}

private struct ArraySink: ValueSink {
    var values: [Double] = []
    @inline(__always)
    mutating func append(_ value: Double, path: String) { values.append(value) }
}

/// A fixed stretch of memory (a part's share of the matrix).
private struct PointerSink: ValueSink {
    let start: UnsafeMutablePointer<Double>
    let capacity: Int
    var count = 0

    @inline(__always)
    mutating func append(_ value: Double, path: String) throws {
        // Cannot happen: a part has no more records than line breaks plus one.
        guard count < capacity else { throw InputError(file: path, message: "more rows than lines while reading in parts") }
        start[count] = value
        count += 1
    }
}

/// Called now and then by long loaders with (bytes done, bytes total).
public typealias ProgressCallback = (_ done: Int, _ total: Int) -> Void
