import ArgumentParser
import Foundation
import RGMap

/// A command's named arguments as ArgumentParser declares them (read from its own help
/// dump, so every flag is covered without a second list): which take a value, which
/// repeat, and their defaults. Turns configuration entries into arguments and arguments
/// into the settings a manifest records.
struct CommandSettings {
    struct Argument {
        var name: String
        var takesValue: Bool
        var repeating: Bool
        var defaultValue: String?
    }

    let command: String
    let arguments: [String: Argument]

    /// Keys a manifest does not record: where results go and how the run talks.
    static let notRecorded: Set<String> = ["out", "force", "quiet", "config"]
    /// Keys no configuration may set.
    static let notConfigurable: Set<String> = ["config", "help", "version"]

    init(_ type: ParsableCommand.Type) {
        command = type.configuration.commandName ?? "command"
        // The dump is produced by ArgumentParser from the type itself, so it always decodes.
        let info = try! JSONDecoder().decode(HelpDump.self, from: Data(type._dumpHelp().utf8))
        var arguments: [String: Argument] = [:]
        for argument in info.command.arguments ?? [] where argument.kind != "positional" {
            guard let name = argument.names?.first(where: { $0.kind == "long" })?.name, !Self.notConfigurable.contains(name) else { continue }
            arguments[name] = Argument(name: name, takesValue: argument.kind == "option", repeating: argument.isRepeating,
                                       defaultValue: argument.defaultValue)
        }
        self.arguments = arguments
    }

    /// The values given on a command line (the command's own arguments), by long name.
    func given(_ commandLine: [String]) -> [String: [String]] {
        var values: [String: [String]] = [:]
        var index = 0
        while index < commandLine.count {
            let token = commandLine[index]
            index += 1
            guard token.hasPrefix("--") else { continue }
            let parts = token.dropFirst(2).split(separator: "=", maxSplits: 1).map(String.init)
            guard let name = parts.first, let argument = arguments[name] else { continue }
            if !argument.takesValue {
                values[name] = ["true"]
            } else if parts.count == 2 {
                values[name, default: []].append(parts[1])
            } else if index < commandLine.count {
                values[name, default: []].append(commandLine[index])
                index += 1
            }
        }
        return values
    }

    /// Every setting in effect for `commandLine`: the values given, else the defaults;
    /// flags as "true"/"false"; options without a default and not given are left out.
    func effective(_ commandLine: [String]) -> [String: Manifest.Setting] {
        let given = given(commandLine)
        var settings: [String: Manifest.Setting] = [:]
        for (name, argument) in arguments where !Self.notRecorded.contains(name) {
            if let values = given[name] {
                settings[name] = argument.repeating ? .many(values) : .one(values.last!)
            } else if !argument.takesValue {
                settings[name] = .one("false")
            } else if let value = argument.defaultValue, !argument.repeating {
                settings[name] = .one(value)
            }
        }
        return settings
    }

    /// The settings of the command named `name` as this run expanded its arguments, with
    /// the thread count in use when `--threads` was not given (a replay elsewhere then
    /// reduces in the same order).
    static func recorded(for name: String) -> [String: Manifest.Setting]? {
        guard let type = RGMapCommand.configuration.subcommands.first(where: { $0.configuration.commandName == name }) else { return nil }
        var settings = CommandSettings(type).effective(ConfigExpansion.expanded)
        if settings["threads"] == nil { settings["threads"] = .one(String(Parallel.threads)) }
        return settings
    }

    /// Command-line arguments for configuration `entries`; keys given on `commandLine` are
    /// skipped (the command line wins).
    func arguments(from entries: [ConfigEntry], file: String, commandLine: [String]) throws -> [String] {
        let given = given(commandLine)
        var result: [String] = []
        for entry in entries where given[entry.key] == nil {
            func fail(_ message: String) -> InputError {
                entry.line > 0 ? InputError(file: file, line: entry.line, value: entry.key, message: Message(message))
                    : InputError(file: file, object: "settings.\(entry.key)", value: entry.key, message: Message(message))
            }
            guard let argument = arguments[entry.key] else {
                let close = arguments.keys.filter { $0.hasPrefix(String(entry.key.prefix(3))) }.sorted().prefix(3)
                throw fail("unknown key '\(entry.key)': not a flag of rgmap \(command)" + (close.isEmpty ? "" : " (did you mean \(close.joined(separator: ", "))?)"))
            }
            if entry.isArray && !argument.repeating {
                throw fail("'\(entry.key)' takes one value, not an array")
            }
            if !argument.takesValue {
                guard entry.values.count == 1, ["true", "false"].contains(entry.values[0]) else { throw fail("'\(entry.key)' is a switch: true or false") }
                if entry.values[0] == "true" { result.append("--" + entry.key) }
                continue
            }
            for value in entry.values { result += ["--" + entry.key, value] }
        }
        return result
    }
}

/// The part of ArgumentParser's help dump (`--experimental-dump-help`, ToolInfoV0) read here.
private struct HelpDump: Decodable {
    struct Command: Decodable { var arguments: [Argument]? }
    struct Argument: Decodable {
        struct Name: Decodable { var kind: String; var name: String }
        var kind: String
        var names: [Name]?
        var isRepeating: Bool
        var defaultValue: String?
    }
    var command: Command
}
