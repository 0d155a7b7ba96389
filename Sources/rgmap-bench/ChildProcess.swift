#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A command run to completion with its wall time and peak resident memory.
///
/// The peak comes from GNU time (`/usr/bin/time -f %M`), which forks the command from its own
/// small process: Linux carries a process's peak RSS across `execve`, so a child spawned
/// straight from this driver would report the driver's peak whenever it was larger.
struct ChildProcess {
    var seconds: Double
    var peakMegabytes: Double
    var status: Int32

    static func run(_ executable: String, _ arguments: [String], quietOutput: Bool = true) -> ChildProcess {
        var pid = pid_t()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if quietOutput { posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0) }
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("rgmap-bench-time-\(getpid())").path
        let argv = (["/usr/bin/time", "-f", "%M", "-o", report, executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let start = DispatchTime.now()
        let spawned = posix_spawn(&pid, "/usr/bin/time", &actions, nil, argv, environ)
        guard spawned == 0 else { fatalError("cannot run /usr/bin/time (Debian package time): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
        unlink(report)
        // The last line is the peak in KB (earlier lines report a failing command's status).
        let kilobytes = text.split(separator: "\n").last.flatMap { Double($0) } ?? .nan
        return ChildProcess(seconds: seconds, peakMegabytes: kilobytes / 1024, status: exitCode)
    }

    /// Runs and stops the benchmark with a message when the command fails.
    static func require(_ executable: String, _ arguments: [String]) -> ChildProcess {
        let result = run(executable, arguments)
        guard result.status == 0 else {
            fatalError("\(executable) \(arguments.joined(separator: " ")) exited with \(result.status)")
        }
        return result
    }
}
