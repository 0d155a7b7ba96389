/// A setting whose value cannot be used: out of its range, in conflict with another
/// setting, or not suited to the data it meets (a log transform of negative values).
public struct SettingError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The setting at fault.
    public var setting: Setting
    /// Its value, as given.
    public var value: String?
    /// What is wrong, naming the setting (and any other setting involved).
    public var message: Message

    public init(_ setting: Setting, value: String? = nil, message: Message) {
        self.setting = setting
        self.value = value
        self.message = message
    }

    public func rendered(naming name: (Setting) -> String) -> String { message.rendered(naming: name) }

    public var description: String { message.description }
}
