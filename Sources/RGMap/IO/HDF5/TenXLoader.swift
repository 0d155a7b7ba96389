/// Reads a 10x Genomics feature-barcode matrix (Cell Ranger 3+ `.h5`): the CSC
/// group `/matrix` with `features/name` as row labels and `barcodes` as columns.
/// Only `Gene Expression` features are kept when other feature types are present;
/// repeated gene names get `-1`, `-2`... suffixes as scanpy's `var_names_make_unique` does.
enum TenXLoader {
    static func load(_ file: HDF5File, progress: ProgressCallback?) throws -> HDF5MatrixLoader.Result {
        let shape = try file.readIntegers("/matrix/shape")
        guard shape.count == 2 else { throw file.error("/matrix/shape", "expected 2 values (features, barcodes)") }
        var names = try file.readLabels("/matrix/features/name")
        let barcodes = try file.readLabels("/matrix/barcodes")
        guard names.count == Int(shape[0]), barcodes.count == Int(shape[1]) else {
            throw file.error("/matrix", "shape \(shape[0]) x \(shape[1]) disagrees with \(names.count) features and \(barcodes.count) barcodes")
        }
        let reader = SparseMatrixReader(file: file, group: "/matrix", rows: names.count, columns: barcodes.count,
                                        compressedRows: false)
        var matrix = LabeledMatrix(rowLabels: names, columnLabels: barcodes, values: try reader.read(progress: progress))
        var notes: [String] = []
        if file.kind(of: "/matrix/features/feature_type") == .dataset {
            let types = try file.readLabels("/matrix/features/feature_type")
            let keep = types.indices.filter { types[$0] == "Gene Expression" }
            if keep.count < types.count, !keep.isEmpty {
                notes.append("kept \(keep.count) Gene Expression features, dropped \(types.count - keep.count) of other types")
                matrix = matrix.selectingRows(keep)
                names = matrix.rowLabels
            }
        }
        let unique = makeUnique(names)
        if unique.renamed > 0 {
            notes.append("\(unique.renamed) repeated gene names made unique with -1, -2... suffixes")
            matrix = matrix.relabelingRows(unique.names)
        }
        return HDF5MatrixLoader.Result(matrix: matrix, format: "HDF5 10x Genomics (CSC matrix)",
                                       sampleAxis: FixedSampleAxis(.columns, reason: "10x: barcodes are samples"), notes: notes)
    }

    /// Appends `-1`, `-2`... to the second and later occurrences of a name, skipping suffixes already taken.
    static func makeUnique(_ names: [String]) -> (names: [String], renamed: Int) {
        var taken = Set(names)
        var counts: [String: Int] = [:]
        var seen = Set<String>()
        var renamed = 0
        let result = names.map { name -> String in
            if seen.insert(name).inserted { return name }
            var n = counts[name, default: 0]
            var candidate: String
            repeat {
                n += 1
                candidate = "\(name)-\(n)"
            } while taken.contains(candidate)
            counts[name] = n
            taken.insert(candidate)
            renamed += 1
            return candidate
        }
        return (result, renamed)
    }
}
