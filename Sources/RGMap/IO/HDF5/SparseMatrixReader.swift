import CHDF5

/// Fills a dense row-major matrix from a compressed sparse (CSR or CSC) matrix
/// stored as the three HDF5 datasets `data`, `indices` and `indptr`, reading
/// `data` and `indices` in slices so the sparse copy never sits in memory whole.
struct SparseMatrixReader {
    let file: HDF5File
    /// Group holding `data`, `indices`, `indptr`.
    let group: String
    let rows: Int
    let columns: Int
    /// True for CSR (indptr runs over rows), false for CSC (over columns).
    let compressedRows: Bool

    private static let sliceLength = 1 << 20  // stored values read per slice: 8 MB of data and indices at most

    func read(progress: ProgressCallback? = nil) throws -> [Double] {
        let indptr = try file.readIntegers(group + "/indptr")
        let major = compressedRows ? rows : columns
        let minor = compressedRows ? columns : rows
        guard indptr.count == major + 1 else {
            throw file.error(group + "/indptr", "has \(indptr.count) entries, expected \(major + 1) for shape \(rows) x \(columns)")
        }
        let data = try file.dataset(group + "/data")
        let indices = try file.dataset(group + "/indices")
        let stored = data.dimensions.first ?? 0
        guard data.isNumeric else { throw file.error(data.name, "holds \(file.describe(data.typeClass)), expected numbers") }
        guard indices.dimensions.first == stored, indptr.first == 0, Int(indptr.last!) == stored,
              zip(indptr, indptr.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw file.error(group, "corrupt sparse matrix: indptr, indices and data do not agree")
        }
        try file.requireFits(group, shape: [rows, columns], bytesEach: MemoryLayout<Double>.size, as: "doubles")
        var dense = [Double](repeating: 0, count: rows * columns)
        let values = UnsafeMutablePointer<Double>.allocate(capacity: Self.sliceLength)
        let positions = UnsafeMutablePointer<Int64>.allocate(capacity: Self.sliceLength)
        defer { values.deallocate(); positions.deallocate() }
        var majorIndex = 0
        var offset = 0
        try dense.withUnsafeMutableBufferPointer { target in
            while offset < stored {
                let count = min(Self.sliceLength, stored - offset)
                try file.readSlice(data, offset: offset, count: count, memoryType: HDF5Library.nativeDouble, into: values)
                try file.readSlice(indices, offset: offset, count: count, memoryType: HDF5Library.nativeInt64, into: positions)
                for k in 0..<count {
                    let entry = offset + k
                    while Int(indptr[majorIndex + 1]) <= entry { majorIndex += 1 }
                    let minorIndex = Int(positions[k])
                    guard minorIndex >= 0 && minorIndex < minor else {
                        throw file.error(indices.name, "corrupt sparse matrix: index \(minorIndex) outside 0..<\(minor)")
                    }
                    let cell = compressedRows ? majorIndex * columns + minorIndex : minorIndex * columns + majorIndex
                    target[cell] = values[k]
                }
                offset += count
                progress?(offset, stored)
            }
        }
        return dense
    }
}
