/// Reads the expression matrix of an AnnData `.h5ad` file: `X` (or a layer) dense or
/// sparse (CSR/CSC groups, current `encoding-type` or legacy `h5sparse_format`
/// attributes), with obs and var names from the dataframes' `_index` attribute.
enum AnnDataLoader {
    static func load(_ file: HDF5File, matrix name: String, progress: ProgressCallback?) throws -> HDF5MatrixLoader.Result {
        let obs = try names(file, dataframe: "/obs")
        let vars = try names(file, dataframe: "/var")
        let path = name.hasPrefix("/") ? name : "/" + name
        let values: [Double]
        let layout: String
        switch file.kind(of: path) {
        case .dataset:
            let (rows, columns, dense) = try file.readMatrix(path, progress: progress)
            guard rows == obs.count, columns == vars.count else {
                throw file.error(path, "is \(rows) x \(columns), but obs has \(obs.count) names and var has \(vars.count)")
            }
            values = dense
            layout = "dense"
        case .group:
            let encoding = try file.stringAttribute("encoding-type", of: path)
                ?? file.stringAttribute("h5sparse_format", of: path).map { $0 + "_matrix" }
            guard let encoding, encoding == "csr_matrix" || encoding == "csc_matrix" else {
                throw file.error(path, "is a group but not a CSR/CSC sparse matrix (encoding-type attribute missing)")
            }
            let shape = try file.integerAttribute("shape", of: path) ?? file.integerAttribute("h5sparse_shape", of: path)
            guard let shape, shape.count == 2, Int(shape[0]) == obs.count, Int(shape[1]) == vars.count else {
                throw file.error(path, "sparse shape attribute missing or not \(obs.count) x \(vars.count) (obs x var)")
            }
            let reader = SparseMatrixReader(file: file, group: path, rows: obs.count, columns: vars.count,
                                            compressedRows: encoding == "csr_matrix")
            values = try reader.read(progress: progress)
            layout = encoding == "csr_matrix" ? "sparse CSR" : "sparse CSC"
        case nil:
            throw file.error(path, "no such matrix (AnnData: X, layers/NAME or raw/X)")
        }
        let matrix = LabeledMatrix(rowLabels: obs, columnLabels: vars, values: values)
        try HDF5MatrixLoader.requireUniqueLabels(matrix, file: file, rowName: "/obs", columnName: "/var")
        return HDF5MatrixLoader.Result(matrix: matrix, format: "HDF5 AnnData (.h5ad), \(path.dropFirst()) \(layout)",
                                       sampleAxis: FixedSampleAxis(.rows, reason: "AnnData: obs are samples"), notes: [])
    }

    /// The row names of an AnnData dataframe group.
    private static func names(_ file: HDF5File, dataframe: String) throws -> [String] {
        guard file.kind(of: dataframe) == .group else {
            throw file.error(dataframe, "is not a group: AnnData before 0.7 stored dataframes as compound datasets; re-save the file with a current anndata")
        }
        let index = try file.stringAttribute("_index", of: dataframe) ?? "_index"
        return try file.readLabels(dataframe + "/" + index)
    }
}
