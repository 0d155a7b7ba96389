import Foundation

/// Writes delimited text: `\n` line ends, UTF-8, fields quoted only when they
/// hold the delimiter, a quote or a line break (quotes doubled, RFC 4180).
/// Numbers are written in Swift's shortest round-trip form; `NaN` as `NA`.
struct DelimitedTableWriter {
    let delimiter: Delimiter
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(handle: FileHandle, delimiter: Delimiter) {
        self.handle = handle
        self.delimiter = delimiter
        buffer.reserveCapacity(1 << 20)
    }

    mutating func writeRow(_ fields: [String]) throws {
        for (i, field) in fields.enumerated() {
            if i > 0 { buffer.append(delimiter.rawValue) }
            appendField(field)
        }
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// A row of a label then numbers.
    mutating func writeRow(label: String, values: ArraySlice<Double>) throws {
        appendField(label)
        for value in values {
            buffer.append(delimiter.rawValue)
            NumberText.append(value, to: &buffer)
        }
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// The whole matrix with a header row (`corner` names the label column).
    mutating func writeMatrix(_ matrix: LabeledMatrix, corner: String) throws {
        try writeRow([corner] + matrix.columnLabels)
        for r in 0..<matrix.rowCount { try writeRow(label: matrix.rowLabels[r], values: matrix.row(r)) }
    }

    mutating func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func appendField(_ field: String) {
        let bytes = field.utf8
        let needsQuotes = bytes.contains { $0 == delimiter.rawValue || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            buffer.append(contentsOf: bytes)
            return
        }
        buffer.append(0x22)
        for byte in bytes {
            if byte == 0x22 { buffer.append(0x22) }
            buffer.append(byte)
        }
        buffer.append(0x22)
    }
}

extension OutputDirectory {
    /// Writes a text table atomically.
    func writeTable(_ relativePath: String, delimiter: Delimiter, header: [String], rows: [[String]],
                    preamble: [String] = []) throws {
        try write(relativePath) { handle in
            var writer = DelimitedTableWriter(handle: handle, delimiter: delimiter)
            for line in preamble { try handle.write(contentsOf: Data((line + "\n").utf8)) }
            try writer.writeRow(header)
            for row in rows { try writer.writeRow(row) }
            try writer.flush()
        }
    }

    /// Writes a labelled matrix atomically.
    func writeMatrix(_ relativePath: String, _ matrix: LabeledMatrix, corner: String, delimiter: Delimiter = .tab) throws {
        try write(relativePath) { handle in
            var writer = DelimitedTableWriter(handle: handle, delimiter: delimiter)
            try writer.writeMatrix(matrix, corner: corner)
            try writer.flush()
        }
    }
}
