/// A problem with an input file, located as precisely as the format allows.
///
/// Rendered as one line, compiler style: `file:line:column: message`, where
/// `line` is the 1-based physical line of a text file and `column` the 1-based
/// field number on that line. HDF5 problems name the object instead of a line.
public struct InputError: Error, Equatable, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// HDF5 object path (dataset or group) when the problem is inside an HDF5 file.
    public var object: String?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, object: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.object = object
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        if let object { location += ": \(object)" }
        return "\(location): \(message)"
    }
}

/// A problem with the combination of options or with data that is valid in
/// each file but unusable together (for example, no shared samples).
public struct UsageError: Error, Equatable, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// `1 record`, `2 records`.
func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

extension String {
    /// The text quoted for an error message, shortened so one line stays readable.
    func quotedForMessage(limit: Int = 40) -> String {
        let shown = count > limit ? String(prefix(limit)) + "..." : self
        return "'" + shown.replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\r")
            .replacingOccurrences(of: "\t", with: "\\t") + "'"
    }
}
