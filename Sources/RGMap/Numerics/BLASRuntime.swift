import CBLAS

/// Run-time facts and settings of the BLAS library (OpenBLAS).
public enum BLASRuntime {
    /// Keeps OpenBLAS at one thread: rgmap runs products in fixed strips on its own threads
    /// (``TiledProducts``), so that no result depends on the thread count. LAPACK calls
    /// (small: the covariate design, sample-by-sample eigenproblems) then run single-threaded too.
    public static func pinSingleThreaded() {
        openblas_set_num_threads(1)
    }

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
