#if canImport(Glibc)
import Glibc
#endif
import CHDF5

/// Writes HDF5 files readable by h5py, anndata and R's rhdf5: numeric matrices
/// (row-major, so h5py sees rows x columns), UTF-8 variable-length string lists,
/// groups and attributes. Callers write to a temporary path and rename.
final class HDF5Writer {
    let path: String
    private let file: HDF5Handle

    /// Creates (truncates) `path`. With `alignment`, every object of at least that many bytes
    /// starts at a multiple of it in the file (so its data can be written by direct I/O).
    init(path: String, alignment: Int? = nil) throws {
        HDF5Library.ensureInitialised()
        self.path = path
        let access = try Self.propertyList(HDF5Library.fileAccessClass, path: path)
        if let alignment {
            try Self.check(H5Pset_alignment(access.id, hsize_t(alignment), hsize_t(alignment)), path, "/", "set the alignment")
        }
        let id = H5Fcreate(path, rgmap_h5f_acc_trunc(), HDF5Library.defaultID, access.id)
        guard id >= 0 else { throw OutputError(path: path, "cannot create HDF5 file \(path)") }
        file = HDF5Handle(id, closer: H5Fclose)
    }

    /// Flushes everything to disk; the handle closes when the writer goes away.
    func flush() throws {
        guard H5Fflush(file.id, H5F_SCOPE_GLOBAL) >= 0 else { throw OutputError(path: path, "cannot flush \(path)") }
    }

    private func fail(_ object: String, _ what: String) -> OutputError { Self.failure(path, object, what) }

    private static func failure(_ path: String, _ object: String, _ what: String) -> OutputError {
        OutputError(path: path, "\(path): \(object): cannot \(what)")
    }

    /// Throws unless an HDF5 call that returns `herr_t` succeeded.
    private static func check(_ status: herr_t, _ path: String, _ object: String, _ what: String) throws {
        guard status >= 0 else { throw failure(path, object, what) }
    }

    private func check(_ status: herr_t, _ object: String, _ what: String) throws { try Self.check(status, path, object, what) }

    /// A new property list of `propertyClass`.
    private static func propertyList(_ propertyClass: hid_t, path: String) throws -> HDF5Handle {
        let list = H5Pcreate(propertyClass)
        guard list >= 0 else { throw failure(path, "/", "create a property list") }
        return HDF5Handle(list, closer: H5Pclose)
    }

    /// Link-creation properties that create missing parent groups.
    private func linkProperties() throws -> HDF5Handle {
        let list = try Self.propertyList(HDF5Library.linkCreateClass, path: path)
        try check(H5Pset_create_intermediate_group(list.id, 1), "/", "set link properties")
        return list
    }

    /// Object-creation properties without modification times, so equal content gives equal bytes.
    private func creationProperties(_ propertyClass: hid_t) throws -> HDF5Handle {
        let list = try Self.propertyList(propertyClass, path: path)
        try check(H5Pset_obj_track_times(list.id, false), "/", "set creation properties")
        return list
    }

    /// A dataspace of `dims`, or a scalar one for nil.
    private func dataspace(_ dims: [hsize_t]?, for object: String) throws -> HDF5Handle {
        var dims = dims ?? []
        let id = dims.isEmpty ? H5Screate(H5S_SCALAR) : H5Screate_simple(Int32(dims.count), &dims, nil)
        guard id >= 0 else { throw fail(object, "create a dataspace") }
        return HDF5Handle(id, closer: H5Sclose)
    }

    func createGroup(_ name: String) throws {
        let links = try linkProperties()
        let creation = try creationProperties(HDF5Library.groupCreateClass)
        let id = H5Gcreate2(file.id, name, links.id, creation.id, HDF5Library.defaultID)
        guard id >= 0 else { throw fail(name, "create group") }
        try check(H5Gclose(id), name, "close group")
    }

    /// Storage options for numeric datasets.
    struct Storage {
        /// gzip level 1-9, or nil for contiguous uncompressed storage (the fast default).
        var gzipLevel: Int?
        static let contiguous = Storage(gzipLevel: nil)
    }

    /// Writes `values` (row-major `rows x columns`) as a 2-D dataset of `fileType`,
    /// converting from `memoryType`.
    func writeMatrix<T>(_ name: String, rows: Int, columns: Int, values: UnsafeBufferPointer<T>,
                        memoryType: hid_t, fileType: hid_t, storage: Storage = .contiguous) throws {
        precondition(values.count == rows * columns)
        let space = try dataspace([hsize_t(rows), hsize_t(columns)], for: name)
        let creation = try creationProperties(HDF5Library.datasetCreateClass)
        if let level = storage.gzipLevel, rows > 0, columns > 0 {
            // Chunks of about 2^17 doubles (1 MB, HDF5's default chunk cache size) and at most 4096
            // columns, so a reader of some rows touches few chunks.
            let chunkColumns = min(columns, 4096)
            var chunk: [hsize_t] = [hsize_t(min(rows, max(1, (1 << 17) / chunkColumns))), hsize_t(chunkColumns)]
            try check(H5Pset_chunk(creation.id, 2, &chunk), name, "set chunking")
            try check(H5Pset_deflate(creation.id, UInt32(level)), name, "set gzip compression")
        }
        let links = try linkProperties()
        let id = H5Dcreate2(file.id, name, fileType, space.id, links.id, creation.id, HDF5Library.defaultID)
        guard id >= 0 else { throw fail(name, "create dataset") }
        let dataset = HDF5Handle(id, closer: H5Dclose)
        if values.count > 0, H5Dwrite(dataset.id, memoryType, 0, 0, HDF5Library.defaultID, values.baseAddress) < 0 {
            throw fail(name, "write dataset")
        }
    }

    /// Creates a 2-D dataset whose contiguous storage is allocated now and never filled, and
    /// returns the byte offset of that storage in the file: the caller writes the data there
    /// itself (row-major, `fileType`'s bytes), after the file is closed.
    func reserveMatrix(_ name: String, rows: Int, columns: Int, fileType: hid_t) throws -> Int {
        let space = try dataspace([hsize_t(rows), hsize_t(columns)], for: name)
        let creation = try creationProperties(HDF5Library.datasetCreateClass)
        try check(H5Pset_layout(creation.id, H5D_CONTIGUOUS), name, "set a contiguous layout")
        try check(H5Pset_alloc_time(creation.id, H5D_ALLOC_TIME_EARLY), name, "set early allocation")
        try check(H5Pset_fill_time(creation.id, H5D_FILL_TIME_NEVER), name, "turn off filling")
        let links = try linkProperties()
        let id = H5Dcreate2(file.id, name, fileType, space.id, links.id, creation.id, HDF5Library.defaultID)
        guard id >= 0 else { throw fail(name, "create dataset") }
        let dataset = HDF5Handle(id, closer: H5Dclose)
        let offset = H5Dget_offset(dataset.id)
        guard offset != haddr_t.max else { throw fail(name, "allocate dataset storage") }
        return Int(offset)
    }

    /// A 2-D int32 dataset whose every element is `value`, stored as the dataset's fill
    /// value with no data written (readers get `value` everywhere; the file stays small).
    func writeConstantMatrix(_ name: String, rows: Int, columns: Int, value: Int32) throws {
        let space = try dataspace([hsize_t(rows), hsize_t(columns)], for: name)
        let creation = try creationProperties(HDF5Library.datasetCreateClass)
        var fill = value
        try check(H5Pset_fill_value(creation.id, HDF5Library.nativeInt32, &fill), name, "set the fill value")
        try check(H5Pset_alloc_time(creation.id, H5D_ALLOC_TIME_LATE), name, "set late allocation")
        let links = try linkProperties()
        let id = H5Dcreate2(file.id, name, HDF5Library.nativeInt32, space.id, links.id, creation.id, HDF5Library.defaultID)
        guard id >= 0 else { throw fail(name, "create dataset") }
        try check(H5Dclose(id), name, "close dataset")
    }

    /// Writes a `Double` matrix stored as float64, or as float32 when `asFloat32`.
    func writeMatrix(_ name: String, _ matrix: LabeledMatrix, asFloat32: Bool = false, storage: Storage = .contiguous) throws {
        try matrix.values.withUnsafeBufferPointer { values in
            try writeMatrix(name, rows: matrix.rowCount, columns: matrix.columnCount, values: values,
                            memoryType: HDF5Library.nativeDouble,
                            fileType: asFloat32 ? HDF5Library.nativeFloat : HDF5Library.nativeDouble, storage: storage)
        }
    }

    /// Writes a 1-D dataset of UTF-8 variable-length strings (h5py `str`, anndata `string-array`).
    func writeStrings(_ name: String, _ strings: [String]) throws {
        let space = try dataspace([hsize_t(strings.count)], for: name)
        guard let type = HDF5Library.variableStringType() else { throw fail(name, "create a string type") }
        let links = try linkProperties()
        let creation = try creationProperties(HDF5Library.datasetCreateClass)
        let id = H5Dcreate2(file.id, name, type.id, space.id, links.id, creation.id, HDF5Library.defaultID)
        guard id >= 0 else { throw fail(name, "create dataset") }
        let dataset = HDF5Handle(id, closer: H5Dclose)
        try withCStringArray(strings) { pointers in
            if !strings.isEmpty, H5Dwrite(dataset.id, type.id, 0, 0, HDF5Library.defaultID, pointers) < 0 {
                throw fail(name, "write strings")
            }
        }
    }

    /// Sets a scalar UTF-8 string attribute on the object at `object`.
    func setAttribute(_ attribute: String, of object: String, string value: String) throws {
        let space = try dataspace(nil, for: object)
        guard let type = HDF5Library.variableStringType() else { throw fail(object, "create a string type") }
        let id = H5Acreate_by_name(file.id, object, attribute, type.id, space.id,
                                   HDF5Library.defaultID, HDF5Library.defaultID, HDF5Library.defaultID)
        guard id >= 0 else { throw fail(object, "create attribute \(attribute)") }
        let handle = HDF5Handle(id, closer: H5Aclose)
        try withCStringArray([value]) { pointers in
            if H5Awrite(handle.id, type.id, pointers) < 0 { throw fail(object, "write attribute \(attribute)") }
        }
    }

    /// Sets a 1-D string-array attribute (may be empty, as anndata's `column-order`).
    func setAttribute(_ attribute: String, of object: String, strings values: [String]) throws {
        let space = try dataspace([hsize_t(values.count)], for: object)
        guard let type = HDF5Library.variableStringType() else { throw fail(object, "create a string type") }
        let id = H5Acreate_by_name(file.id, object, attribute, type.id, space.id,
                                   HDF5Library.defaultID, HDF5Library.defaultID, HDF5Library.defaultID)
        guard id >= 0 else { throw fail(object, "create attribute \(attribute)") }
        let handle = HDF5Handle(id, closer: H5Aclose)
        guard !values.isEmpty else { return }
        try withCStringArray(values) { pointers in
            if H5Awrite(handle.id, type.id, pointers) < 0 { throw fail(object, "write attribute \(attribute)") }
        }
    }

    /// Sets a 1-D int64 array attribute (e.g. a sparse matrix's `shape`).
    func setAttribute(_ attribute: String, of object: String, integers values: [Int64]) throws {
        let space = try dataspace([hsize_t(values.count)], for: object)
        let id = H5Acreate_by_name(file.id, object, attribute, HDF5Library.fileInt64, space.id,
                                   HDF5Library.defaultID, HDF5Library.defaultID, HDF5Library.defaultID)
        guard id >= 0 else { throw fail(object, "create attribute \(attribute)") }
        let handle = HDF5Handle(id, closer: H5Aclose)
        if H5Awrite(handle.id, HDF5Library.nativeInt64, values) < 0 { throw fail(object, "write attribute \(attribute)") }
    }

    /// Calls `body` with a C array of NUL-terminated copies of `strings`.
    private func withCStringArray(_ strings: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) throws -> Void) throws {
        let pointers = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: max(strings.count, 1))
        for (i, string) in strings.enumerated() { pointers[i] = strdup(string) }
        defer {
            for i in 0..<strings.count { free(pointers[i]) }
            pointers.deallocate()
        }
        try body(pointers)
    }
}
