import CBLAS

/// Run-time facts and settings of the BLAS library (OpenBLAS).
public enum BLASRuntime {
    /// Sets the number of threads BLAS calls may use.
    public static func setThreads(_ count: Int) {
        openblas_set_num_threads(Int32(max(1, count)))
    }

    public static var threads: Int { Int(openblas_get_num_threads()) }

    /// The kernel family in use, e.g. `Haswell` or `SkylakeX`.
    public static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// OpenBLAS's build configuration string (version, threading, target).
    public static var configuration: String {
        guard let config = openblas_get_config() else { return "unknown" }
        return String(cString: config)
    }
}
