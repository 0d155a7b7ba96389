/// How one text cell of a numeric column reads.
enum CellValue: Equatable {
    case number(Double)
    case missing
    /// `Inf`, `-Inf` or a literal too large for a Double: never silently accepted.
    case infinite
    case text
}

extension CellValue {
    /// Reads a trimmed, unquoted cell. Missing: empty, `NA`, `NaN`, `nan`, `.`.
    @inline(__always)
    static func read(_ cell: UnsafeBufferPointer<UInt8>) -> CellValue {
        guard let start = cell.baseAddress, cell.count > 0 else { return .missing }
        let end = start + cell.count
        if let (value, next) = DecimalParser.parse(start, end), next == end {
            return value.isFinite ? .number(value) : .infinite
        }
        return classifyNonNumber(cell)
    }

    private static func classifyNonNumber(_ cell: UnsafeBufferPointer<UInt8>) -> CellValue {
        switch cell.count {
        case 1 where cell[0] == 0x2E:  // "."
            return .missing
        case 2 where cell[0] == 0x4E && cell[1] == 0x41:  // "NA"
            return .missing
        case 3 where equals(cell, "NaN") || equals(cell, "nan"):
            return .missing
        default:
            break
        }
        var body = cell[...]
        if let first = body.first, first == 0x2B || first == 0x2D { body = body.dropFirst() }
        let lowered = String(decoding: body, as: UTF8.self).lowercased()
        return lowered == "inf" || lowered == "infinity" ? .infinite : .text
    }

    private static func equals(_ cell: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard cell.count == literal.utf8CodeUnitCount else { return false }
        let bytes = literal.utf8Start
        for i in 0..<cell.count where cell[i] != bytes[i] { return false }
        return true
    }

    /// `1,5` or `-0,25`: a number written with a decimal comma (European spreadsheet exports).
    static func isDecimalComma(_ text: String) -> Bool {
        let body = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        let parts = body.split(separator: ",", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }
    }

    /// What to add to "expected a number, found `text`" when the text says why.
    static func hint(for text: String) -> String {
        isDecimalComma(text) ? " (a decimal comma? rgmap reads '.' as the decimal mark; re-export the table with '.')" : ""
    }

    /// The message for a cell of a numeric column that holds `text`.
    static func notANumber(in column: String, found text: String) -> String {
        "expected a number or NA in column \(column.quotedForMessage()), found \(text.quotedForMessage())" + hint(for: text)
    }

    /// The tokens read as missing, for messages and docs.
    static let missingTokens = "NA, NaN, nan, '.' or empty"
}

private extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
