import ArgumentParser
import Foundation
import RGMap

/// Everything rgmap tells the user goes through here: notes and progress on stderr
/// (silenced by `--quiet`), warnings on stderr (always), errors as one line on stderr;
/// settings the library names are spelled as flags.
struct Console: PipelineLog {
    var quiet = false

    func note(_ message: Message) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data("rgmap: \(FlagNames.render(message))\n".utf8))
    }

    func warning(_ message: Message) {
        FileHandle.standardError.write(Data("rgmap: warning: \(FlagNames.render(message))\n".utf8))
    }

    func step(_ label: String) -> StepProgress {
        ProgressLine(label: label, enabled: !quiet, console: self)
    }

    func name(_ setting: Setting) -> String { FlagNames.flag(setting) }

    /// Turns rgmap's own errors into one-line messages with exit code 1; leaves
    /// ArgumentParser's errors (usage, help, version) to ArgumentParser.
    static func translate(_ error: Error) -> Error {
        switch error {
        case let error as RGMapError: return fail(error.rendered(naming: FlagNames.flag))
        case let error as UsageError: return fail(error.description)
        default: return error
        }
    }

    private static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("rgmap: error: \(message)\n".utf8))
        return ExitCode(1)
    }
}
