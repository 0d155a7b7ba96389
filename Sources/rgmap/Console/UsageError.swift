/// A problem with the command line itself, found before the pipeline starts.
struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
