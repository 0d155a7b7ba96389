import Foundation

/// OpenBLAS picks its kernels when the library loads, before `main`, from the
/// `OPENBLAS_CORETYPE` environment variable or its own CPU detection. Debian's
/// OpenBLAS 0.3.21 does not recognise recent AVX-512 CPUs and falls back to its
/// AVX2 (Haswell) kernels, which are 1.6-1.9x slower there. So, when the CPU has
/// the AVX-512 subsets the SkylakeX kernels use and the user has not chosen a
/// kernel, rgmap re-executes itself once with `OPENBLAS_CORETYPE=SkylakeX`.
/// Never on a CPU without AVX-512: those kernels would crash there.
enum BLASKernelSelection {
    static let requiredFlags: Set<String> = ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]
    private static let marker = "RGMAP_KERNEL_SELECTED"

    static func reexecWithFasterKernelIfAvailable() {
        let environment = ProcessInfo.processInfo.environment
        guard environment["OPENBLAS_CORETYPE"] == nil, environment[marker] == nil else { return }
        guard cpuHasAVX512() else { return }
        setenv("OPENBLAS_CORETYPE", "SkylakeX", 1)
        setenv(marker, "1", 1)
        let arguments = CommandLine.arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", arguments)
        // execv returned: keep running with the default kernels.
        unsetenv("OPENBLAS_CORETYPE")
    }

    static func cpuHasAVX512() -> Bool {
        // /proc files report a size of 0, so read them in chunks until the end.
        guard let handle = FileHandle(forReadingAtPath: "/proc/cpuinfo") else { return false }
        defer { try? handle.close() }
        guard let data = try? handle.readToEnd(),
              let flagsLine = String(decoding: data, as: UTF8.self).split(separator: "\n")
                  .first(where: { $0.hasPrefix("flags") }) else { return false }
        let flags = Set(flagsLine.split(separator: " ").map(String.init))
        return requiredFlags.isSubset(of: flags)
    }
}
