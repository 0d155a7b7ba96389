import Foundation

/// One setting of a configuration file: a key and its value or values, and where it was.
public struct ConfigEntry: Sendable, Equatable {
    public var key: String
    /// One value for a scalar; every element for an array (empty for `[]`).
    public var values: [String]
    public var isArray: Bool
    public var line: Int
}

/// Reads rgmap's run configurations: a TOML file of `key = value` lines, or the
/// `settings` object of a `manifest.json` written by an earlier run.
///
/// The TOML subset covers what flags need: comments, `[table]` headers (for grouping
/// only; keys are the flags' names whatever table they are in), bare or quoted keys, basic
/// and literal strings, integers, floats, booleans, and one-line arrays of those. Anything
/// else (inline tables, multi-line strings or arrays, dates) is an error naming its line.
public enum ConfigFileReader {
    public static func read(path: String) throws -> [ConfigEntry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "cannot read the configuration file")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw InputError(file: path, message: "not UTF-8 text") }
        if path.hasSuffix(".json") { return try manifestSettings(data, path: path) }
        return try toml(text, path: path)
    }

    /// The `settings` of a manifest: each a string or an array of strings.
    static func manifestSettings(_ data: Data, path: String) throws -> [ConfigEntry] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw InputError(file: path, message: "not a JSON object")
        }
        guard let settings = object["settings"] as? [String: Any] else {
            throw InputError(file: path, message: "no \"settings\" object: only manifests of rgmap 0.1.0 runs and later can be replayed")
        }
        return try settings.keys.sorted().map { key in
            switch settings[key] {
            case let value as String: return ConfigEntry(key: key, values: [value], isArray: false, line: 0)
            case let values as [String]: return ConfigEntry(key: key, values: values, isArray: true, line: 0)
            default: throw InputError(file: path, object: "settings.\(key)", message: "expected a string or an array of strings")
            }
        }
    }

    static func toml(_ text: String, path: String) throws -> [ConfigEntry] {
        var entries: [ConfigEntry] = [], seen: [String: Int] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            var scanner = TOMLLineScanner(Array(rawLine.unicodeScalars), file: path, line: number)
            scanner.skipSpace()
            if scanner.atEnd || scanner.peek == "#" { continue }
            if scanner.peek == "[" {
                try scanner.tableHeader()
                continue
            }
            let keyColumn = scanner.column
            let key = try scanner.key()
            scanner.skipSpace()
            try scanner.expect("=", what: "'=' after the key")
            scanner.skipSpace()
            let (values, isArray) = try scanner.value()
            try scanner.endOfLine()
            if let first = seen[key] {
                throw InputError(file: path, line: number, column: keyColumn, message: "key '\(key)' was already set on line \(first)")
            }
            seen[key] = number
            entries.append(ConfigEntry(key: key, values: values, isArray: isArray, line: number))
        }
        return entries
    }
}

/// Reads one line of TOML, reporting errors at 1-based character columns.
struct TOMLLineScanner {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    let file: String
    let line: Int

    init(_ scalars: [Unicode.Scalar], file: String, line: Int) {
        self.scalars = scalars.last == "\r" ? Array(scalars.dropLast()) : scalars
        self.file = file
        self.line = line
    }

    var atEnd: Bool { position >= scalars.count }
    var peek: Unicode.Scalar? { atEnd ? nil : scalars[position] }
    var column: Int { position + 1 }

    func error(_ message: String) -> InputError { InputError(file: file, line: line, column: column, message: Message(message)) }

    mutating func skipSpace() { while let c = peek, c == " " || c == "\t" { position += 1 } }

    mutating func expect(_ character: Unicode.Scalar, what: String) throws {
        guard peek == character else { throw error("expected \(what)") }
        position += 1
    }

    /// `[name]` or `[a.b]`: accepted and otherwise ignored.
    mutating func tableHeader() throws {
        position += 1
        if peek == "[" { throw error("arrays of tables ([[...]]) are not supported in an rgmap configuration") }
        while let c = peek, c != "]" { position += 1 }
        try expect("]", what: "']' closing the table header")
        try endOfLine()
    }

    mutating func key() throws -> String {
        if peek == "\"" || peek == "'" { return try string() }
        var key = ""
        while let c = peek, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_" {
            key.unicodeScalars.append(c)
            position += 1
        }
        guard !key.isEmpty else { throw error("expected a key (a flag's name without the leading --, e.g. power = 6)") }
        if peek == "." { throw error("dotted keys are not supported: write the flag's name, e.g. min-module-size = 30") }
        return key
    }

    /// A scalar (as its text) or a one-line array of scalars.
    mutating func value() throws -> (values: [String], isArray: Bool) {
        guard peek == "[" else { return ([try scalar()], false) }
        position += 1
        var values: [String] = []
        skipSpace()
        while peek != "]" {
            guard !atEnd else { throw error("expected ']' closing the array (arrays must stay on one line)") }
            values.append(try scalar())
            skipSpace()
            if peek == "," { position += 1; skipSpace() } else if peek != "]" { throw error("expected ',' or ']' in the array") }
        }
        position += 1
        return (values, true)
    }

    mutating func scalar() throws -> String {
        switch peek {
        case "\"", "'": return try string()
        case "{": throw error("inline tables are not supported in an rgmap configuration")
        case nil: throw error("expected a value after '='")
        default:
            let start = position
            while let c = peek, c != ",", c != "]", c != " ", c != "\t", c != "#" { position += 1 }
            let word = String(String.UnicodeScalarView(scalars[start..<position]))
            if word == "true" || word == "false" { return word }
            let digits = word.replacingOccurrences(of: "_", with: "")
            guard Double(digits) != nil, !digits.lowercased().contains("n"), !digits.lowercased().contains("i") else {
                position = start
                throw error("expected a string in quotes, a number, true or false; found \(word.quotedForMessage())")
            }
            return digits
        }
    }

    /// A basic ("...", with escapes) or literal ('...') string on this line.
    mutating func string() throws -> String {
        let quote = peek!
        let startColumn = column
        position += 1
        if quote == "\"", position + 1 < scalars.count, scalars[position] == "\"", scalars[position + 1] == "\"" {
            throw error("multi-line strings are not supported")
        }
        var text = ""
        while let c = peek, c != quote {
            position += 1
            guard quote == "\"", c == "\\" else { text.unicodeScalars.append(c); continue }
            guard let escaped = peek else { break }
            let escapeColumn = position  // the backslash's 1-based column
            position += 1
            switch escaped {
            case "\"": text += "\""
            case "\\": text += "\\"
            case "n": text += "\n"
            case "t": text += "\t"
            case "r": text += "\r"
            case "u", "U":
                let length = escaped == "u" ? 4 : 8
                guard position + length <= scalars.count,
                      let code = UInt32(String(String.UnicodeScalarView(scalars[position..<(position + length)])), radix: 16),
                      let scalar = Unicode.Scalar(code) else {
                    throw InputError(file: file, line: line, column: escapeColumn, message: "bad \\\(escaped) escape")
                }
                text.unicodeScalars.append(scalar)
                position += length
            default: throw InputError(file: file, line: line, column: escapeColumn, message: "unknown escape \\\(escaped)")
            }
        }
        guard peek == quote else {
            throw InputError(file: file, line: line, column: startColumn, message: "string not closed on this line")
        }
        position += 1
        return text
    }

    mutating func endOfLine() throws {
        skipSpace()
        guard atEnd || peek == "#" else { throw error("unexpected text after the value (one key = value per line)") }
    }
}
