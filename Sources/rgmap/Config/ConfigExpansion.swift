import ArgumentParser
import RGMap

/// `--config FILE` on any command: the file's settings become arguments placed before the
/// command line's own, which win where both set a key.
enum ConfigExpansion {
    /// The command's arguments after expansion, for the manifest's settings.
    nonisolated(unsafe) static var expanded: [String] = []

    /// `arguments` (without the program name) with `--config FILE` replaced by the file's
    /// settings as arguments of the subcommand named first.
    static func expand(_ arguments: [String], subcommands: [ParsableCommand.Type]) throws -> [String] {
        guard let name = arguments.first, let type = subcommands.first(where: { $0.configuration.commandName == name }) else {
            return arguments
        }
        var rest = Array(arguments.dropFirst())
        var file: String?
        if let index = rest.firstIndex(of: "--config") {
            guard index + 1 < rest.count else { throw UsageError("--config needs a file: a TOML configuration or an earlier run's manifest.json") }
            file = rest[index + 1]
            rest.removeSubrange(index...(index + 1))
        } else if let index = rest.firstIndex(where: { $0.hasPrefix("--config=") }) {
            file = String(rest[index].dropFirst("--config=".count))
            rest.remove(at: index)
        }
        if let file {
            let settings = CommandSettings(type)
            rest = try settings.arguments(from: ConfigFileReader.read(path: file), file: file, commandLine: rest) + rest
        }
        expanded = rest
        return [name] + rest
    }
}
