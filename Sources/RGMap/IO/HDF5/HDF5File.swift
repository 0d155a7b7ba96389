#if canImport(Glibc)
import Glibc
#endif
import CHDF5

/// A read-only HDF5 file with the few queries rgmap's loaders need.
/// Every failure is an ``InputError`` naming the file and the object.
final class HDF5File {
    let path: String
    private let file: HDF5Handle

    /// The 8-byte signature at the start of every HDF5 file without a user block.
    static let signature: [UInt8] = [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]

    init(path: String) throws {
        HDF5Library.ensureInitialised()
        self.path = path
        let id = H5Fopen(path, rgmap_h5f_acc_rdonly(), HDF5Library.defaultID)
        guard id >= 0 else { throw InputError(file: path, message: "cannot open as HDF5 (not an HDF5 file, or damaged)") }
        file = HDF5Handle(id, closer: H5Fclose)
    }

    enum ObjectKind { case group, dataset }

    /// The kind of the object at `objectPath`, or nil when there is none.
    func kind(of objectPath: String) -> ObjectKind? {
        var prefix = ""
        for component in objectPath.split(separator: "/") {
            prefix += "/" + component
            guard H5Lexists(file.id, prefix, HDF5Library.defaultID) > 0 else { return nil }
        }
        let object = H5Oopen(file.id, objectPath.isEmpty ? "/" : objectPath, HDF5Library.defaultID)
        guard object >= 0 else { return nil }
        // Closing an object opened read-only cannot lose data; a failure has nothing to report.
        defer { _ = H5Oclose(object) }
        switch H5Iget_type(object) {
        case H5I_GROUP: return .group
        case H5I_DATASET: return .dataset
        default: return nil
        }
    }

    func error(_ object: String, _ message: String) -> InputError {
        InputError(file: path, object: object.hasPrefix("/") ? object : "/" + object, message: Message(message))
    }

    /// `id` as a handle closed by `closer`, or an error saying what could not be done.
    private func opened(_ id: hid_t, closer: @escaping (hid_t) -> herr_t, _ object: String, _ what: String) throws -> HDF5Handle {
        guard id >= 0 else { throw error(object, "cannot \(what) (damaged file?)") }
        return HDF5Handle(id, closer: closer)
    }

    /// Throws unless an HDF5 call that returns `herr_t` succeeded.
    private func check(_ status: herr_t, _ object: String, _ what: String) throws {
        guard status >= 0 else { throw error(object, "cannot \(what) (damaged file?)") }
    }

    // MARK: Datasets

    /// An open dataset with its shape and element class.
    struct Dataset {
        let handle: HDF5Handle
        let name: String
        let dimensions: [Int]
        let typeClass: H5T_class_t
        var isNumeric: Bool { typeClass == H5T_FLOAT || typeClass == H5T_INTEGER }
    }

    func dataset(_ name: String) throws -> Dataset {
        guard kind(of: name) == .dataset else {
            throw error(name, kind(of: name) == .group ? "is a group, expected a dataset" : "no such dataset")
        }
        let id = H5Dopen2(file.id, name, HDF5Library.defaultID)
        guard id >= 0 else { throw error(name, "cannot open dataset") }
        let handle = HDF5Handle(id, closer: H5Dclose)
        let space = try opened(H5Dget_space(id), closer: H5Sclose, name, "read the dataspace")
        let rank = Int(H5Sget_simple_extent_ndims(space.id))
        guard rank >= 0 else { throw error(name, "unreadable dataspace") }
        var dims = [hsize_t](repeating: 0, count: max(rank, 1))
        guard H5Sget_simple_extent_dims(space.id, &dims, nil) == rank else { throw error(name, "unreadable dataspace") }
        let type = try opened(H5Dget_type(id), closer: H5Tclose, name, "read the data type")
        let typeClass = H5Tget_class(type.id)
        guard typeClass != H5T_NO_CLASS else { throw error(name, "unreadable data type") }
        let dimensions = dims.prefix(rank).compactMap { Int(exactly: $0) }
        guard dimensions.count == rank else {
            throw error(name, "declares \(dims.prefix(rank).map(String.init).joined(separator: " x ")) values: more than a 64-bit machine can address")
        }
        return Dataset(handle: handle, name: name, dimensions: dimensions, typeClass: typeClass)
    }

    /// Reads a 2-D numeric dataset as row-major `Double`, in blocks of rows (hyperslabs)
    /// straight into the result, so the file's data is converted once.
    func readMatrix(_ name: String, progress: ProgressCallback? = nil) throws -> (rows: Int, columns: Int, values: [Double]) {
        let data = try dataset(name)
        guard data.dimensions.count == 2 else {
            throw error(name, "has \(data.dimensions.count) dimension(s), expected a 2-D matrix")
        }
        guard data.isNumeric else { throw error(name, "holds \(describe(data.typeClass)), expected numbers") }
        let rows = data.dimensions[0], columns = data.dimensions[1]
        try requireFits(name, shape: [rows, columns], bytesEach: MemoryLayout<Double>.size, as: "doubles")
        let fileSpace = try opened(H5Dget_space(data.handle.id), closer: H5Sclose, name, "read the dataspace")
        let blockRows = max(1, (1 << 22) / max(columns, 1))  // hyperslabs of about 2^22 values (32 MB): HDF5's buffers stay small
        var failed = false
        let values = [Double](unsafeUninitializedCapacity: rows * columns) { buffer, initialized in
            var start = 0
            while start < rows && !failed {
                let count = min(blockRows, rows - start)
                var offset: [hsize_t] = [hsize_t(start), 0]
                var extent: [hsize_t] = [hsize_t(count), hsize_t(columns)]
                let memory = H5Screate_simple(2, &extent, nil)
                guard memory >= 0, H5Sselect_hyperslab(fileSpace.id, H5S_SELECT_SET, &offset, nil, &extent, nil) >= 0 else {
                    // Closing a dataspace only frees it; the read's failure is what is reported.
                    if memory >= 0 { _ = H5Sclose(memory) }
                    failed = true
                    break
                }
                let status = H5Dread(data.handle.id, HDF5Library.nativeDouble, memory, fileSpace.id,
                                     HDF5Library.defaultID, buffer.baseAddress! + start * columns)
                _ = H5Sclose(memory)  // frees the dataspace; the read's status below is what matters
                if status < 0 { failed = true }
                start += count
                progress?(start, rows)
            }
            initialized = failed ? 0 : rows * columns
        }
        if failed { throw error(name, "read failed (truncated or corrupt data)") }
        return (rows, columns, values)
    }

    /// Refuses to read a dataset of `shape` whose copy in memory (`bytesEach` per value) would
    /// not fit: a small file can declare a huge extent (chunked storage holds only the chunks
    /// written), for matrices, label lists and sparse indices alike.
    func requireFits(_ name: String, shape: [Int], bytesEach: Int, as what: String) throws {
        var bytes = bytesEach, overflow = false
        for extent in shape where !overflow { (bytes, overflow) = bytes.multipliedReportingOverflow(by: extent) }
        let described = shape.map(String.init).joined(separator: " x ")
        if overflow {
            throw error(name, "is \(described): more values than a 64-bit machine can address")
        }
        if let available = AvailableMemory.bytes, UInt64(bytes) > available {
            throw error(name, "is \(described): \(AvailableMemory.text(UInt64(bytes))) as \(what), more than the "
                        + "\(AvailableMemory.text(available)) of memory available")
        }
    }

    /// Reads `count` elements of a 1-D numeric dataset starting at `offset` into `target`.
    func readSlice<T>(_ data: Dataset, offset: Int, count: Int, memoryType: hid_t, into target: UnsafeMutablePointer<T>) throws {
        guard count > 0 else { return }
        let fileSpace = try opened(H5Dget_space(data.handle.id), closer: H5Sclose, data.name, "read the dataspace")
        var start: [hsize_t] = [hsize_t(offset)]
        var extent: [hsize_t] = [hsize_t(count)]
        try check(H5Sselect_hyperslab(fileSpace.id, H5S_SELECT_SET, &start, nil, &extent, nil), data.name, "select a slice")
        let memory = try opened(H5Screate_simple(1, &extent, nil), closer: H5Sclose, data.name, "create a dataspace")
        guard H5Dread(data.handle.id, memoryType, memory.id, fileSpace.id, HDF5Library.defaultID, target) >= 0 else {
            throw error(data.name, "read failed (truncated or corrupt data)")
        }
    }

    /// Reads a whole 1-D integer dataset.
    func readIntegers(_ name: String) throws -> [Int64] {
        let data = try dataset(name)
        guard data.dimensions.count == 1, data.typeClass == H5T_INTEGER else {
            throw error(name, "expected a 1-D integer dataset, found \(data.dimensions.count)-D \(describe(data.typeClass))")
        }
        try requireFits(name, shape: data.dimensions, bytesEach: MemoryLayout<Int64>.size, as: "integers")
        var values = [Int64](repeating: 0, count: data.dimensions[0])
        try values.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress {
                try readSlice(data, offset: 0, count: buffer.count, memoryType: HDF5Library.nativeInt64, into: base)
            }
        }
        return values
    }

    /// Reads a 1-D dataset of labels: strings (variable or fixed length) or integers.
    func readLabels(_ name: String) throws -> [String] {
        let data = try dataset(name)
        guard data.dimensions.count == 1 else {
            throw error(name, "has \(data.dimensions.count) dimensions, expected a 1-D list of labels")
        }
        switch data.typeClass {
        case H5T_STRING: return try readStrings(data)
        case H5T_INTEGER: return try readIntegers(name).map { String($0) }
        default: throw error(name, "holds \(describe(data.typeClass)), expected strings")
        }
    }

    private func readStrings(_ data: Dataset) throws -> [String] {
        let count = data.dimensions[0]
        let fileType = try opened(H5Dget_type(data.handle.id), closer: H5Tclose, data.name, "read the data type")
        // Each label costs at least its stored width (fixed) or a pointer and a string (variable):
        // 32 bytes on top, a Swift String's inline size plus the pointer.
        try requireFits(data.name, shape: [count], bytesEach: max(H5Tget_size(fileType.id), 1) + 32, as: "labels")
        let variable = H5Tis_variable_str(fileType.id)
        try check(variable, data.name, "read the string type")
        if variable > 0 {
            guard let memoryType = HDF5Library.variableStringType() else { throw error(data.name, "cannot create a string type") }
            let space = try opened(H5Dget_space(data.handle.id), closer: H5Sclose, data.name, "read the dataspace")
            var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
            guard H5Dread(data.handle.id, memoryType.id, 0, 0, HDF5Library.defaultID, &pointers) >= 0 else {
                throw error(data.name, "read failed (truncated or corrupt data)")
            }
            // Frees what HDF5 allocated for the strings; it fails only for identifiers checked above.
            defer { _ = H5Dvlen_reclaim(memoryType.id, space.id, HDF5Library.defaultID, &pointers) }
            var labels: [String] = []
            labels.reserveCapacity(count)
            for (index, pointer) in pointers.enumerated() {
                guard let pointer else { labels.append(""); continue }
                let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self),
                                                count: strlen(pointer))
                do {
                    labels.append(try HDF5LabelDecoding.label(bytes, index: index))
                } catch let error as HDF5LabelDecoding.InvalidLabel {
                    throw self.error(data.name, error.message)
                }
            }
            return labels
        }
        // Read fixed-length strings in the file's own type (no conversion: a C-string memory
        // type would cut the last character of a full-width, null-padded string).
        let width = H5Tget_size(fileType.id)
        guard width > 0 else { throw error(data.name, "unreadable string width") }
        let memoryType = try opened(H5Tcopy(fileType.id), closer: H5Tclose, data.name, "copy the string type")
        var bytes = [UInt8](repeating: 0, count: count * width)
        guard H5Dread(data.handle.id, memoryType.id, 0, 0, HDF5Library.defaultID, &bytes) >= 0 else {
            throw error(data.name, "read failed (truncated or corrupt data)")
        }
        do {
            return try bytes.withUnsafeBufferPointer { try HDF5LabelDecoding.fixedWidth($0, width: width) }
        } catch let error as HDF5LabelDecoding.InvalidLabel {
            throw self.error(data.name, error.message)
        }
    }

    // MARK: Attributes

    /// A string attribute of `object` (scalar, variable or fixed length), or nil when absent.
    func stringAttribute(_ attribute: String, of object: String) throws -> String? {
        guard H5Aexists_by_name(file.id, object, attribute, HDF5Library.defaultID) > 0 else { return nil }
        let id = H5Aopen_by_name(file.id, object, attribute, HDF5Library.defaultID, HDF5Library.defaultID)
        guard id >= 0 else { return nil }
        let handle = HDF5Handle(id, closer: H5Aclose)
        let type = try opened(H5Aget_type(handle.id), closer: H5Tclose, object, "read the type of attribute '\(attribute)'")
        guard H5Tget_class(type.id) == H5T_STRING else { return nil }
        let variable = H5Tis_variable_str(type.id)
        try check(variable, object, "read the type of attribute '\(attribute)'")
        if variable > 0 {
            guard let memoryType = HDF5Library.variableStringType() else { throw error(object, "cannot create a string type") }
            var pointer: UnsafeMutablePointer<CChar>? = nil
            guard H5Aread(handle.id, memoryType.id, &pointer) >= 0 else {
                throw error(object, "cannot read attribute '\(attribute)'")
            }
            // Releases HDF5's copy of the string; nothing to report if it fails.
            defer { _ = H5free_memory(pointer) }
            return pointer.map { String(cString: $0) }
        }
        let width = H5Tget_size(type.id)
        guard width > 0 else { throw error(object, "unreadable width of attribute '\(attribute)'") }
        var bytes = [UInt8](repeating: 0, count: width + 1)
        guard H5Aread(handle.id, type.id, &bytes) >= 0 else { throw error(object, "cannot read attribute '\(attribute)'") }
        let end = bytes.firstIndex(of: 0) ?? width
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// An integer array attribute of `object` (for example AnnData's sparse `shape`), or nil when absent.
    func integerAttribute(_ attribute: String, of object: String) throws -> [Int64]? {
        guard H5Aexists_by_name(file.id, object, attribute, HDF5Library.defaultID) > 0 else { return nil }
        let id = H5Aopen_by_name(file.id, object, attribute, HDF5Library.defaultID, HDF5Library.defaultID)
        guard id >= 0 else { return nil }
        let handle = HDF5Handle(id, closer: H5Aclose)
        let space = try opened(H5Aget_space(handle.id), closer: H5Sclose, object, "read the shape of attribute '\(attribute)'")
        let count = Int(H5Sget_simple_extent_npoints(space.id))
        guard count >= 0 else { throw error(object, "unreadable shape of attribute '\(attribute)'") }
        var values = [Int64](repeating: 0, count: max(count, 1))
        guard H5Aread(handle.id, HDF5Library.nativeInt64, &values) >= 0 else {
            throw error(object, "attribute '\(attribute)' is not an integer array")
        }
        return Array(values.prefix(count))
    }

    func describe(_ typeClass: H5T_class_t) -> String {
        switch typeClass {
        case H5T_STRING: "strings"
        case H5T_COMPOUND: "a compound type"
        case H5T_ENUM: "an enum type (e.g. booleans)"
        case H5T_FLOAT: "floats"
        case H5T_INTEGER: "integers"
        default: "a non-numeric type"
        }
    }
}
