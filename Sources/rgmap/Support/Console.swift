import ArgumentParser
import Foundation
import RGMap

/// Everything rgmap tells the user goes through here: notes and progress on
/// stderr (silenced by `--quiet`), errors as one line on stderr.
struct Console {
    var quiet = false

    func note(_ message: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data("rgmap: \(message)\n".utf8))
    }

    func warning(_ message: String) {
        FileHandle.standardError.write(Data("rgmap: warning: \(message)\n".utf8))
    }

    /// A progress reporter for one long step: in-place percentages on a terminal,
    /// otherwise nothing until ``finish(_:)`` prints the step's summary line.
    func step(_ label: String) -> ProgressLine {
        ProgressLine(label: label, enabled: !quiet, console: self)
    }

    /// Turns rgmap's own errors into one-line messages with exit code 1; leaves
    /// ArgumentParser's errors (usage, help, version) to ArgumentParser.
    static func translate(_ error: Error) -> Error {
        switch error {
        case let error as InputError: return fail(error.description)
        case let error as UsageError: return fail(error.description)
        case let error as OutputError: return fail(error.description)
        default: return error
        }
    }

    private static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("rgmap: error: \(message)\n".utf8))
        return ExitCode(1)
    }
}

/// In-place progress for one step on an interactive terminal.
final class ProgressLine {
    let label: String
    private let interactive: Bool
    private let enabled: Bool
    private let console: Console
    private let started = Date()
    private var lastDraw = Date.distantPast

    init(label: String, enabled: Bool, console: Console) {
        self.label = label
        self.enabled = enabled
        self.console = console
        interactive = enabled && isatty(STDERR_FILENO) == 1
    }

    /// A callback for loaders and stages: (done, total).
    var callback: ProgressCallback {
        { [self] done, total in update(done: done, total: total) }
    }

    func update(done: Int, total: Int) {
        guard interactive, total > 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        let percent = min(100, 100 * done / total)
        FileHandle.standardError.write(Data("\rrgmap: \(label) \(percent)%".utf8))
    }

    /// Ends the step with a summary line that includes the elapsed time.
    func finish(_ summary: String) {
        guard enabled else { return }
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let seconds = Date().timeIntervalSince(started)
        console.note("\(summary) (\(String(format: "%.2f", seconds)) s)")
    }
}
