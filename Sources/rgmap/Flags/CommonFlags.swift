import ArgumentParser
import RGMap

/// Flags every command takes: where results go and how the run behaves.
struct CommonFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Output folder (created; an existing non-empty folder needs --force).", valueName: "dir"))
    var out: String?

    @Flag(help: "Write into an existing non-empty --out folder.")
    var force = false

    @Option(help: ArgumentHelp("Threads for parallel loops and matrix products (default: all cores; results are the same for any count).", valueName: "n"))
    var threads: Int?

    @Option(help: ArgumentHelp("Seed for every random step.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Settings from a file: a TOML configuration (keys are the flags' names, e.g. power = 8) or an earlier run's manifest.json, which repeats that run; flags given here win.", valueName: "file"))
    var config: String?

    @Flag(help: "Print no notes or progress (warnings and errors still go to stderr).")
    var quiet = false

    var console: Console { Console(quiet: quiet) }

    /// Applies `--threads` to rgmap's parallel loops and strips of matrix products (BLAS itself stays single-threaded).
    func configureThreads() throws {
        BLASRuntime.pinSingleThreaded()
        if let threads {
            guard threads > 0 else { throw ValidationError("--threads must be at least 1") }
            Parallel.threads = threads
        }
    }

    /// Where the command writes, if `--out` was given.
    var output: OutputSettings? { out.map { OutputSettings(path: $0, force: force) } }

    var parameters: [String: String] {
        var values = ["seed": String(seed)]
        if let threads { values["threads"] = String(threads) }
        return values
    }

    /// What the manifest records of the command `name`: the command line as typed, the
    /// flag groups' `parameters`, and every setting in effect.
    func record(_ name: String, _ groups: [[String: String]]) -> RunRecord {
        var parameters = self.parameters
        for group in groups { parameters.merge(group) { a, _ in a } }
        return RunRecord(command: ["rgmap"] + Array(CommandLine.arguments.dropFirst()), parameters: parameters,
                         settings: CommandSettings.recorded(for: name))
    }
}
