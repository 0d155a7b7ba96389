#if canImport(Glibc)
import Glibc
#endif
@_spi(Fuzzing) import RGMap

/// The target chosen by `RGMAP_FUZZ_TARGET` and a per-process scratch file for the inputs.
enum FuzzSetup {
    static let target: FuzzHarness.Target = {
        let name = getenv("RGMAP_FUZZ_TARGET").map { String(cString: $0) } ?? ""
        guard let target = FuzzHarness.Target(rawValue: name) else {
            printError("set RGMAP_FUZZ_TARGET to one of: " + FuzzHarness.Target.allCases.map(\.rawValue).joined(separator: ", "))
            exit(2)
        }
        return target
    }()

    static let scratchPath: String = {
        let folder = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp")
        atexit { FuzzSetup.removeScratchFiles() }
        return "\(folder)/rgmap-fuzz-\(getpid())"
    }()

    /// The harness writes the input to the scratch path plus one of these suffixes.
    static func removeScratchFiles() {
        for suffix in [".tsv", ".csv", ".txt", ".maf", ".gmt"] { unlink(scratchPath + suffix) }
    }
}

func printError(_ message: String) {
    let line = "rgmap-fuzz: \(message)\n"
    _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
}

#if FUZZING
/// libFuzzer's driver, for programs that have their own `main` (SwiftPM gives every
/// executable one), from compiler-rt's FuzzerInterface.h.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// Built with `-sanitize=fuzzer` and `-DFUZZING` by `make fuzz`: hands the command line to libFuzzer.
@main struct FuzzDriver {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        _ = FuzzSetup.target
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzHarness.run(FuzzSetup.target, UnsafeRawBufferPointer(start: data, count: size), scratchPath: FuzzSetup.scratchPath)
            return 0
        })
    }
}
#else
/// Without libFuzzer: `RGMAP_FUZZ_TARGET=T rgmap-fuzz FILE...` runs the target on each file
/// once, to reproduce a crash the fuzzer reported.
@main struct ReplayDriver {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let file = fopen(path, "rb") else {
                printError("cannot open \(path)")
                exit(1)
            }
            var bytes: [UInt8] = []
            var block = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = fread(&block, 1, block.count, file)
                if n == 0 { break }
                bytes += block[..<n]
            }
            fclose(file)
            bytes.withUnsafeBytes { FuzzHarness.run(FuzzSetup.target, $0, scratchPath: FuzzSetup.scratchPath) }
            print("ok \(path)")
        }
    }
}
#endif
