/// A problem with an input file, located as precisely as the format allows.
///
/// Rendered as one line, compiler style: `file:line:column: message`, where
/// `line` is the 1-based physical line of a text file and `column` the 1-based
/// field number on that line. HDF5 problems name the object instead of a line.
public struct InputError: Error, Equatable, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// HDF5 object path (dataset or group), or the key of a settings file, the problem is in.
    public var object: String?
    /// The offending text (a cell, a label, a key) when there is one.
    public var value: String?
    /// What is wrong and what was expected.
    public var message: Message

    public init(file: String, line: Int? = nil, column: Int? = nil, object: String? = nil, value: String? = nil,
                message: Message) {
        self.file = file
        self.line = line
        self.column = column
        self.object = object
        self.value = value
        self.message = message
    }

    /// The one line, settings spelled by `name`.
    public func rendered(naming name: (Setting) -> String) -> String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        if let object { location += ": \(object)" }
        return "\(location): \(message.rendered(naming: name))"
    }

    public var description: String { rendered(naming: \.rawValue) }
}
