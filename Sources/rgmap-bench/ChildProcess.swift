#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A command run to completion with its wall time and peak resident memory
/// (from `wait4`, so each child's own peak, not the benchmark driver's).
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
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let start = DispatchTime.now()
        let spawned = posix_spawnp(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { fatalError("cannot run \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildProcess(seconds: seconds, peakMegabytes: Double(usage.ru_maxrss) / 1024, status: exitCode)
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
