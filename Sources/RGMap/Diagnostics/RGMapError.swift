/// An error of rgmap's library: it can say what went wrong with settings spelled by
/// whoever prints it (the command line spells them as flags).
public protocol RGMapError: Error, CustomStringConvertible {
    /// The error as one line, every setting it names spelled by `name`.
    func rendered(naming name: (Setting) -> String) -> String
}

extension InputError: RGMapError {}
extension SettingError: RGMapError {}
extension AnalysisError: RGMapError {}
extension OutputError: RGMapError {}

extension NumericalError: RGMapError {
    public func rendered(naming name: (Setting) -> String) -> String { description }
}
