/// The field separator of a delimited text file.
public enum Delimiter: UInt8, Sendable, CaseIterable {
    case tab = 0x09
    case comma = 0x2C
    case semicolon = 0x3B

    public var name: String {
        switch self {
        case .tab: "tab"
        case .comma: "comma"
        case .semicolon: "semicolon"
        }
    }

    /// The delimiter a file name implies (`.tsv`, `.tab`, `.maf`, `.gmt` -> tab; `.csv` -> comma),
    /// looking through a `.gz` suffix; nil when the name says nothing.
    public static func implied(byName path: String) -> Delimiter? {
        var name = path.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        if name.hasSuffix(".csv") { return .comma }
        for suffix in [".tsv", ".tab", ".maf", ".gmt", ".rnk"] where name.hasSuffix(suffix) { return .tab }
        return nil
    }

    /// The delimiter that occurs most often, outside quotes, on the first line of `sample`
    /// (tab when none occurs, as in a one-column file).
    static func mostFrequent(inFirstLineOf sample: UnsafeBufferPointer<UInt8>) -> Delimiter {
        var counts = [Delimiter: Int]()
        var inQuotes = false
        for byte in sample {
            if byte == 0x22 { inQuotes.toggle() }
            if inQuotes { continue }
            if byte == 0x0A { break }
            if let d = Delimiter(rawValue: byte) { counts[d, default: 0] += 1 }
        }
        return Delimiter.allCases.max { counts[$0, default: 0] < counts[$1, default: 0] }
            .flatMap { counts[$0, default: 0] > 0 ? $0 : nil } ?? .tab
    }

    /// The number of fields `line` would have if split by `delimiter` outside quotes.
    static func fieldCount(of line: UnsafeBufferPointer<UInt8>, splitBy delimiter: Delimiter) -> Int {
        var count = 1
        var inQuotes = false
        for byte in line {
            if byte == 0x22 { inQuotes.toggle() }
            if byte == 0x0A && !inQuotes { break }
            if !inQuotes && byte == delimiter.rawValue { count += 1 }
        }
        return count
    }

    /// The delimiter of the file at `path`: from its name when the name implies one (for
    /// `.csv`, comma unless its first line has more semicolons), otherwise from its first
    /// non-comment line. Also says which rule decided.
    static func detect(path: String, commentByte: UInt8? = nil) throws -> (Delimiter, rule: String) {
        let byName = implied(byName: path)
        if let byName, byName != .comma { return (byName, "file name") }
        let source = try ByteSource(path: path)
        let capacity = 1 << 16  // the first 64 KB: dozens of lines even of a wide table, read at once
        let sample = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { sample.deallocate() }
        var count = 0
        while count < capacity {
            let n = try source.read(into: sample + count, capacity: capacity - count)
            if n == 0 { break }
            count += n
        }
        var start = 0
        // Skip comment lines so a MAF '#version' line does not decide.
        while let commentByte, start < count, sample[start] == commentByte {
            while start < count && sample[start] != 0x0A { start += 1 }
            start += 1
        }
        let firstLine = UnsafeBufferPointer(start: sample + min(start, count), count: max(0, count - start))
        if byName == .comma {
            // Spreadsheets set to a decimal comma save ".csv" files separated by semicolons.
            let semicolons = fieldCount(of: firstLine, splitBy: .semicolon), commas = fieldCount(of: firstLine, splitBy: .comma)
            return semicolons > commas ? (.semicolon, "content (semicolons in a .csv file)") : (.comma, "file name")
        }
        return (mostFrequent(inFirstLineOf: firstLine), "content")
    }
}
