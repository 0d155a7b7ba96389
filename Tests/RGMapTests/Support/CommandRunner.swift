import Foundation

/// Runs the built `rgmap` executable (built next to the test bundle by `swift test`).
enum CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let executable: String = Bundle.module.bundleURL.deletingLastPathComponent()
        .appendingPathComponent("rgmap").path

    /// Runs rgmap to its end; with `interrupt`, sends that signal after that many seconds.
    static func run(_ arguments: [String], in directory: String = Fixtures.root,
                    environment extra: [String: String] = [:], interrupt: (signal: Int32, after: Double)? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        if let interrupt {
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + interrupt.after) { kill(pid, interrupt.signal) }
        }
        // Drain stderr on another thread while reading stdout, so neither pipe can fill and block the child.
        nonisolated(unsafe) var errData = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
