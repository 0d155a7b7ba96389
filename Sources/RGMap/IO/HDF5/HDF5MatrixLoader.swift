/// Loads a numeric matrix with labels from an HDF5 file in one of three layouts:
/// AnnData `.h5ad`, 10x Genomics feature-barcode `.h5` (v3), or a plain 2-D dataset
/// with label datasets.
enum HDF5MatrixLoader {
    struct Result {
        /// Rows and columns as stored (AnnData: obs x var; 10x: features x barcodes).
        var matrix: LabeledMatrix
        var format: String
        var sampleAxis: FixedSampleAxis?
        var notes: [String]
    }

    /// Default dataset names of the plain layout.
    static let plainDefaults = (matrix: "matrix", rows: "row_names", columns: "col_names")

    /// - Parameter dataset: for AnnData, the matrix to read instead of `X` (e.g. `layers/counts`,
    ///   `raw/X`); for the plain layout, `MATRIX[,ROW_LABELS,COLUMN_LABELS]`.
    static func load(path: String, dataset: String? = nil, progress: ProgressCallback? = nil) throws -> Result {
        try HDF5Library.serialized { try load(try HDF5File(path: path), dataset: dataset, progress: progress) }
    }

    private static func load(_ file: HDF5File, dataset: String?, progress: ProgressCallback?) throws -> Result {
        if file.kind(of: "/matrix") == .group, file.kind(of: "/matrix/barcodes") == .dataset {
            return try TenXLoader.load(file, progress: progress)
        }
        if file.kind(of: "/obs") != nil, file.kind(of: "/var") != nil, file.kind(of: "/X") != nil {
            return try AnnDataLoader.load(file, matrix: dataset ?? "X", progress: progress)
        }
        return try loadPlain(file, dataset: dataset, progress: progress)
    }

    private static func loadPlain(_ file: HDF5File, dataset: String?, progress: ProgressCallback?) throws -> Result {
        let parts = (dataset ?? plainDefaults.matrix).split(separator: ",").map(String.init)
        let matrixName = parts[0]
        let group = matrixName.contains("/") ? String(matrixName[..<matrixName.lastIndex(of: "/")!]) + "/" : ""
        let rowName = parts.count > 1 ? parts[1] : group + plainDefaults.rows
        let columnName = parts.count > 2 ? parts[2] : group + plainDefaults.columns
        guard file.kind(of: matrixName) != nil else {
            throw InputError(file: file.path, object: matrixName.hasPrefix("/") ? matrixName : "/" + matrixName, value: matrixName,
                             message: "no such dataset (give the matrix with \(setting: .dataset, "MATRIX[,ROW_LABELS,COLUMN_LABELS]"))")
        }
        let (rows, columns, values) = try file.readMatrix(matrixName, progress: progress)
        let rowLabels = try file.readLabels(rowName)
        let columnLabels = try file.readLabels(columnName)
        var notes: [String] = []
        var matrix: LabeledMatrix
        if rowLabels.count == rows && columnLabels.count == columns {
            matrix = LabeledMatrix(rowLabels: rowLabels, columnLabels: columnLabels, values: values)
        } else if rowLabels.count == columns && columnLabels.count == rows {
            // Column-major writers (R's rhdf5, MATLAB) store the transpose of what they label.
            let stored = LabeledMatrix(rowLabels: columnLabels, columnLabels: rowLabels, values: values)
            matrix = stored.transposed()
            notes.append("matrix stored column-major (as R and MATLAB write it): read transposed to match its labels")
        } else {
            throw file.error(matrixName, "is \(rows) x \(columns), but \(rowName) has \(rowLabels.count) labels and \(columnName) has \(columnLabels.count)")
        }
        try requireUniqueLabels(matrix, file: file, rowName: rowName, columnName: columnName)
        return Result(matrix: matrix, format: "HDF5 (plain 2-D dataset \(matrixName))", sampleAxis: nil, notes: notes)
    }

    static func requireUniqueLabels(_ matrix: LabeledMatrix, file: HDF5File, rowName: String, columnName: String) throws {
        for (labels, name) in [(matrix.rowLabels, rowName), (matrix.columnLabels, columnName)] {
            var seen = Set<String>()
            for label in labels where !seen.insert(label).inserted {
                throw file.error(name, "duplicated label \(label.quotedForMessage()): labels must be unique")
            }
        }
    }
}
