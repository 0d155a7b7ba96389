import CHDF5
import Foundation

/// An open HDF5 identifier, closed when the last reference goes away.
final class HDF5Handle {
    let id: hid_t
    private let closer: (hid_t) -> herr_t

    init(_ id: hid_t, closer: @escaping (hid_t) -> herr_t) {
        self.id = id
        self.closer = closer
    }

    deinit { _ = closer(id) }
}

/// Process-wide HDF5 setup: library initialised, automatic error printing off
/// (rgmap reports its own one-line errors).
enum HDF5Library {
    private static let initialised: Bool = {
        // rgmap closes every file it opens; HDF5's own exit-time shutdown adds nothing and,
        // in thread-safe builds used from several threads, can report a spurious
        // "infinite loop closing library".
        // Their statuses are not checked: if the library cannot start, the first file it opens
        // or creates fails, and that call's status is checked and reported with the file's name.
        _ = H5dont_atexit()
        _ = H5open()
        _ = H5Eset_auto2(0, nil, nil)
        return true
    }()

    static func ensureInitialised() { _ = initialised }

    /// Runs `body` holding rgmap's HDF5 lock. Debian's HDF5 is thread-safe, but a build
    /// need not be, so every use of the library goes through here; handles opened in
    /// `body` must be released before it returns.
    static func serialized<T>(_ body: () throws -> T) rethrows -> T {
        ensureInitialised()
        lock.lock()
        defer { lock.unlock() }
        // HDF5 keeps its error-printing switch per thread: turn it off on whichever thread this is
        // (a failure would only let HDF5 print its own trace next to rgmap's one line).
        _ = H5Eset_auto2(0, nil, nil)
        return try body()
    }

    private static let lock = NSRecursiveLock()

    /// `H5P_DEFAULT`, `H5S_ALL` and `H5E_DEFAULT` are all the identifier 0.
    static let defaultID: hid_t = 0

    /// The library version, e.g. `1.10.8`.
    static var version: String {
        var major: UInt32 = 0, minor: UInt32 = 0, release: UInt32 = 0
        guard H5get_libversion(&major, &minor, &release) >= 0 else { return "unknown" }
        return "\(major).\(minor).\(release)"
    }

    static var nativeDouble: hid_t { rgmap_h5t_native_double() }
    static var nativeFloat: hid_t { rgmap_h5t_native_float() }
    static var nativeInt64: hid_t { rgmap_h5t_native_int64() }
    static var nativeInt32: hid_t { rgmap_h5t_native_int32() }
    static var fileInt64: hid_t { rgmap_h5t_std_i64le() }
    static var cString: hid_t { rgmap_h5t_c_s1() }
    static var linkCreateClass: hid_t { rgmap_h5p_link_create() }
    static var datasetCreateClass: hid_t { rgmap_h5p_dataset_create() }
    static var groupCreateClass: hid_t { rgmap_h5p_group_create() }
    static var fileAccessClass: hid_t { rgmap_h5p_file_access() }

    /// `H5T_VARIABLE`: the size of a variable-length string type.
    static let variableSize = Int(bitPattern: UInt(bitPattern: -1))

    /// A memory type for variable-length UTF-8 C strings; nil if HDF5 cannot make one.
    static func variableStringType() -> HDF5Handle? {
        let type = H5Tcopy(cString)
        guard type >= 0 else { return nil }
        let handle = HDF5Handle(type, closer: H5Tclose)
        guard H5Tset_size(type, variableSize) >= 0, H5Tset_cset(type, H5T_CSET_UTF8) >= 0 else { return nil }
        return handle
    }
}
