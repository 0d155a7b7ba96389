/// A sentence for the user that may name settings of the pipeline.
///
/// Written with string interpolation, settings as typed references:
/// `"\(setting: .missing, "complete") leaves 2 samples"`. ``rendered(naming:)`` spells
/// each reference as the front end does (as a flag on the command line);
/// ``description`` uses the settings' library names (`missing complete`).
public struct Message: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// Literal text, or a reference to a setting with the value it had, if that matters.
    public enum Part: Sendable, Hashable {
        case text(String)
        case setting(Setting, value: String?)
    }

    public private(set) var parts: [Part]

    public init(_ text: String) { parts = text.isEmpty ? [] : [.text(text)] }

    public init(stringLiteral value: String) { self.init(value) }

    public init(stringInterpolation: StringInterpolation) { parts = stringInterpolation.parts }

    /// The text with every setting spelled by `name`, followed by its value after a space.
    public func rendered(naming name: (Setting) -> String) -> String {
        parts.map { part in
            switch part {
            case .text(let text): text
            case .setting(let setting, let value): name(setting) + (value.map { " " + $0 } ?? "")
            }
        }.joined()
    }

    /// The text with every setting by its library name.
    public var description: String { rendered(naming: \.rawValue) }

    /// The settings the message names, in order.
    public var settings: [Setting] {
        parts.compactMap { part in
            if case .setting(let setting, _) = part { setting } else { nil }
        }
    }

    /// `self` followed by `other`.
    public static func + (lhs: Message, rhs: Message) -> Message {
        var joined = StringInterpolation(literalCapacity: 0, interpolationCount: 2)
        joined.appendInterpolation(lhs)
        joined.appendInterpolation(rhs)
        return Message(stringInterpolation: joined)
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var parts: [Part] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) { appendText(literal) }

        public mutating func appendInterpolation<Value>(_ value: Value) { appendText(String(describing: value)) }

        /// A reference to `setting`, optionally with the value it had.
        public mutating func appendInterpolation(setting: Setting, _ value: String? = nil) {
            parts.append(.setting(setting, value: value))
        }

        /// Another message, its setting references kept.
        public mutating func appendInterpolation(_ message: Message) {
            for part in message.parts {
                if case .text(let text) = part { appendText(text) } else { parts.append(part) }
            }
        }

        private mutating func appendText(_ text: String) {
            guard !text.isEmpty else { return }
            if case .text(let previous) = parts.last {
                parts[parts.count - 1] = .text(previous + text)
            } else {
                parts.append(.text(text))
            }
        }
    }
}
