#if canImport(Glibc)
import Glibc
#endif

/// Splits delimited text (TSV, CSV, MAF, GMT) into records and fields, streaming.
///
/// Byte level: no `String` is made unless the caller asks for one. Handles RFC 4180
/// quoting (a field that starts with `"` runs to the matching `"`, `""` inside
/// is a literal quote, delimiters and line breaks inside are data), CRLF line
/// ends, a UTF-8 byte-order mark, blank lines (skipped) and optional comment
/// lines. Unquoted fields are trimmed of surrounding spaces.
///
/// The field views returned by ``field(_:)`` stay valid until the next call to
/// ``next()``.
struct DelimitedRecordReader: ~Copyable {
    let path: String
    let delimiter: UInt8
    /// Lines whose first byte is this are skipped (for example `#` in MAF files).
    let commentByte: UInt8?

    private let source: ByteSource
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Start of the current record in `buffer`.
    private var recordStart = 0
    /// One past the last valid byte in `buffer`.
    private var filled = 0
    private var endOfInput = false
    private var atStartOfInput = true
    /// Field bounds relative to `recordStart`.
    private var fieldStarts: UnsafeMutablePointer<Int>
    private var fieldEnds: UnsafeMutablePointer<Int>
    private var fieldCapacity = 64  // initial field bounds; doubled when a record has more fields
    private var recordLength = 0
    private var nextLine = 1
    /// Stream offset of `buffer[0]`.
    private var bufferOffset = 0

    /// No table has a line this long (a million values of 256 characters); past it the
    /// input is taken for binary data instead of being buffered until memory runs out.
    static let maximumRecordBytes = 256 << 20

    /// Number of fields in the current record.
    private(set) var fieldCount = 0
    /// 1-based line on which the current record starts.
    private(set) var lineNumber = 0

    /// - Parameter firstLine: the line number of the source's first byte, when the source is
    ///   a part of a file that starts on a later line (no byte-order mark is looked for then).
    init(source: ByteSource, delimiter: UInt8, commentByte: UInt8? = nil, initialCapacity: Int = 1 << 20,
         firstLine: Int = 1) {
        self.source = source
        nextLine = firstLine
        atStartOfInput = firstLine == 1
        self.path = source.path
        self.delimiter = delimiter
        self.commentByte = commentByte
        capacity = initialCapacity
        buffer = .allocate(capacity: capacity)
        fieldStarts = .allocate(capacity: fieldCapacity)
        fieldEnds = .allocate(capacity: fieldCapacity)
    }

    deinit {
        buffer.deallocate()
        fieldStarts.deallocate()
        fieldEnds.deallocate()
    }

    /// Opens a table file with the given delimiter, or the one its name or first line implies.
    init(path: String, delimiter: Delimiter?) throws {
        let chosen = try delimiter ?? Delimiter.detect(path: path).0
        self.init(source: try ByteSource(path: path), delimiter: chosen.rawValue)
    }

    var isGzip: Bool { source.isGzip }
    var estimatedStreamSize: Int { source.estimatedStreamSize }
    /// Bytes of the current record including its line break.
    var recordByteCount: Int { recordLength }
    /// Offset of the current record in the (decompressed) stream.
    var recordOffset: Int { bufferOffset + recordStart }
    var delimiterKind: Delimiter { Delimiter(rawValue: delimiter)! }

    /// Reads the first record as the header (labels: valid UTF-8); an empty file is an error.
    mutating func readHeader() throws -> [String] {
        guard try next() else { throw InputError(file: path, message: "empty file: expected a header line") }
        return try labels()
    }

    /// Advances to the first data row after the header on `headerLine`; none is an error.
    mutating func requireDataRow(afterHeaderOn headerLine: Int, expecting rows: String = "data rows") throws {
        guard try next() else {
            throw InputError(file: path, line: headerLine, message: "header only: expected \(rows) after the header")
        }
    }

    /// Bytes of the file consumed so far (compressed bytes for gzip input), for progress.
    var fileBytesRead: Int { source.fileBytesRead }
    var fileSize: Int { source.fileSize }

    /// The bytes of field `index` of the current record: trimmed and unquoted.
    @inline(__always)
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let base = buffer + recordStart
        return UnsafeBufferPointer(start: base + fieldStarts[index], count: fieldEnds[index] - fieldStarts[index])
    }

    /// Field `index` of the current record as a `String` (invalid UTF-8 is repaired).
    func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// Every field of the current record as strings.
    func strings() -> [String] {
        var result: [String] = []
        result.reserveCapacity(fieldCount)
        for index in 0..<fieldCount { result.append(string(index)) }
        return result
    }

    /// Field `index` of the current record as a label: a name that must survive exactly
    /// (sample IDs, genes, set names), so bytes that are not UTF-8 are an error, not repaired.
    func label(_ index: Int) throws -> String {
        let bytes = field(index)
        if let nul = bytes.firstIndex(of: 0) {
            throw InputError(file: path, line: lineNumber, column: index + 1,
                             message: "a NUL byte at position \(nul + 1) of the label: expected a delimited text table (is this a binary file?)")
        }
        do {
            return try UTF8Check.decode(bytes)
        } catch {
            throw InputError(file: path, line: lineNumber, column: index + 1,
                             message: Message(String(format: "byte 0x%02X at position %d of the label is not UTF-8: expected UTF-8 text (", error.byte, error.offset + 1)
                                + "a Latin-1 or Windows-1252 export? re-save the file as UTF-8)"))
        }
    }

    /// Every field of the current record as labels (see ``label(_:)``).
    func labels() throws -> [String] {
        var result: [String] = []
        result.reserveCapacity(fieldCount)
        for index in 0..<fieldCount { result.append(try label(index)) }
        return result
    }

    /// The error for a record with `fieldCount` fields where `expected` were due. When the
    /// record holds another delimiter that would split it into the expected number of
    /// fields, the message says the delimiters are mixed.
    func raggedRow(expected: Int, detail: String? = nil) -> InputError {
        var message = "ragged row: \(plural(fieldCount, "field")), expected \(detail ?? String(expected))"
        let record = UnsafeBufferPointer(start: buffer + recordStart, count: recordLength)
        for other in Delimiter.allCases where other.rawValue != delimiter {
            let fields = Delimiter.fieldCount(of: record, splitBy: other)
            if fields == expected || (fieldCount == 1 && fields > 1) {
                message += "; the line is split by \(other.name) where the file uses \(delimiterKind.name): mixed delimiters"
                break
            }
        }
        return InputError(file: path, line: lineNumber, column: min(fieldCount, expected) + 1, message: Message(message))
    }

    /// Advances to the next non-blank, non-comment record. Returns false at the end of the input.
    mutating func next() throws -> Bool {
        while true {
            recordStart += recordLength
            recordLength = 0
            guard let found = try scanRecord() else { return false }
            if found { return true }
        }
    }

    /// Scans one physical record. Returns nil at end of input, false for a skipped
    /// (blank or comment) line, true for a record.
    private mutating func scanRecord() throws -> Bool? {
        var p = 0  // offset from recordStart
        var fieldStart = 0
        fieldCount = 0
        lineNumber = nextLine
        var quoted = false
        var lineBreaks = 0
        var base = buffer + recordStart
        var available = filled - recordStart
        let delimiter = self.delimiter
        while true {
            if p >= available {
                if try !refill() {
                    // End of input: close the last record if it has any bytes.
                    if p == 0 { return nil }
                    closeField(start: fieldStart, end: p, quoted: quoted)
                    recordLength = p
                    nextLine += lineBreaks + 1
                    return finishRecord()
                }
                base = buffer + recordStart
                available = filled - recordStart
                continue
            }
            let c = base[p]
            if c == delimiter {
                closeField(start: fieldStart, end: p, quoted: quoted)
                quoted = false
                p += 1
                fieldStart = p
            } else if c == 0x0A {
                closeField(start: fieldStart, end: p, quoted: quoted)
                recordLength = p + 1
                nextLine += lineBreaks + 1
                return finishRecord()
            } else if c == 0x22 && isOnlySpaces(base, from: fieldStart, to: p) {
                p = try scanQuoted(from: p + 1, lineBreaks: &lineBreaks)
                quoted = true
                base = buffer + recordStart
                available = filled - recordStart
            } else {
                p += 1
            }
        }
    }

    private mutating func finishRecord() -> Bool {
        if fieldCount == 1 && fieldEnds[0] == fieldStarts[0] {
            return false  // blank line
        }
        if let commentByte, recordLength > 0, buffer[recordStart] == commentByte {
            return false
        }
        return true
    }

    /// Scans a quoted field body starting just after its opening quote; returns the
    /// offset just past the closing quote. Unescapes `""` in place.
    private mutating func scanQuoted(from start: Int, lineBreaks: inout Int) throws -> Int {
        var p = start
        while true {
            if recordStart + p >= filled {
                if try !refill() {
                    throw InputError(file: path, line: lineNumber, column: fieldCount + 1,
                                     message: "unterminated quoted field: the file ends before its closing quote")
                }
                continue
            }
            let c = buffer[recordStart + p]
            if c == 0x22 {
                if recordStart + p + 1 >= filled, try !refill() { return p + 1 }
                if buffer[recordStart + p + 1] == 0x22 {
                    p += 2
                    continue
                }
                return p + 1
            }
            if c == 0x0A { lineBreaks += 1 }
            p += 1
        }
    }

    @inline(__always)
    private func isOnlySpaces(_ base: UnsafeMutablePointer<UInt8>, from: Int, to: Int) -> Bool {
        var i = from
        while i < to {
            if base[i] != 0x20 { return false }
            i += 1
        }
        return true
    }

    @inline(__always)
    private mutating func closeField(start: Int, end: Int, quoted: Bool) {
        if fieldCount == fieldCapacity { growFields() }
        let base = buffer + recordStart
        var s = start
        var e = end
        if e > s && base[e - 1] == 0x0D { e -= 1 }
        while s < e && (base[s] == 0x20 || (base[s] == 0x09 && delimiter != 0x09)) { s += 1 }
        while e > s && (base[e - 1] == 0x20 || (base[e - 1] == 0x09 && delimiter != 0x09)) { e -= 1 }
        if quoted, e - s >= 2, base[s] == 0x22, base[e - 1] == 0x22 {
            s += 1
            e -= 1
            e = unescapeQuotes(base, from: s, to: e)
        }
        fieldStarts[fieldCount] = s
        fieldEnds[fieldCount] = e
        fieldCount += 1
    }

    /// Collapses `""` to `"` in place; returns the new end.
    private func unescapeQuotes(_ base: UnsafeMutablePointer<UInt8>, from s: Int, to e: Int) -> Int {
        var read = s
        var write = s
        while read < e {
            base[write] = base[read]
            if base[read] == 0x22 && read + 1 < e && base[read + 1] == 0x22 { read += 1 }
            read += 1
            write += 1
        }
        return write
    }

    private mutating func growFields() {
        let newCapacity = fieldCapacity * 2
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
        let ends = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
        starts.update(from: fieldStarts, count: fieldCount)
        ends.update(from: fieldEnds, count: fieldCount)
        fieldStarts.deallocate()
        fieldEnds.deallocate()
        fieldStarts = starts
        fieldEnds = ends
        fieldCapacity = newCapacity
    }

    /// Makes more input available after `filled`, moving the current record to the
    /// front of the buffer (or growing it) first. Returns false at end of input.
    private mutating func refill() throws -> Bool {
        if endOfInput { return false }
        if recordStart > 0 {
            let live = filled - recordStart
            if live > 0 { memmove(buffer, buffer + recordStart, live) }
            filled = live
            bufferOffset += recordStart
            recordStart = 0
        }
        if filled == capacity {
            guard capacity < Self.maximumRecordBytes else {
                throw InputError(file: path, line: lineNumber,
                                 message: "a line longer than \(Self.maximumRecordBytes >> 20) MiB: expected a delimited text table (is this a binary file?)")
            }
            let newCapacity = capacity * 2
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            bigger.update(from: buffer, count: filled)
            buffer.deallocate()
            buffer = bigger
            capacity = newCapacity
        }
        let n = try source.read(into: buffer + filled, capacity: capacity - filled)
        if n == 0 {
            endOfInput = true
            return false
        }
        if atStartOfInput {
            atStartOfInput = false
            // EF BB BF: the UTF-8 byte order mark that Excel writes; it is no part of the first label.
            if n >= 3 && buffer[filled] == 0xEF && buffer[filled + 1] == 0xBB && buffer[filled + 2] == 0xBF {
                memmove(buffer + filled, buffer + filled + 3, n - 3)
                filled += n - 3
                bufferOffset += 3
                return true
            }
        }
        filled += n
        return true
    }
}
