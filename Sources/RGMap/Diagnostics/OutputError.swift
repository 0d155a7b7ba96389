/// A problem writing results: the output folder refused, a file that cannot be created,
/// written or moved into place.
public struct OutputError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file or folder concerned.
    public var path: String
    /// What went wrong, naming the setting involved where there is one.
    public var message: Message

    public init(path: String, _ message: Message) {
        self.path = path
        self.message = message
    }

    public func rendered(naming name: (Setting) -> String) -> String { message.rendered(naming: name) }

    public var description: String { message.description }
}
