/// Writes labelled matrices as HDF5 files that rgmap, h5py, anndata and rhdf5 read.
public enum MatrixHDF5Writer {
    /// The plain layout: `/matrix` (rows x columns) with `/row_names` and `/col_names`.
    public static func writePlain(_ matrix: LabeledMatrix, to path: String, gzipLevel: Int? = nil) throws {
        try HDF5Library.serialized { try plain(matrix, to: path, gzipLevel: gzipLevel) }
    }

    private static func plain(_ matrix: LabeledMatrix, to path: String, gzipLevel: Int?) throws {
        let writer = try HDF5Writer(path: path)
        let defaults = HDF5MatrixLoader.plainDefaults
        try writer.writeMatrix("/" + defaults.matrix, matrix, storage: .init(gzipLevel: gzipLevel))
        try writer.writeStrings("/" + defaults.rows, matrix.rowLabels)
        try writer.writeStrings("/" + defaults.columns, matrix.columnLabels)
        try writer.flush()
    }

    /// An AnnData `.h5ad` (encoding 0.1.0) with `X` = `matrix` (obs x var), empty obs/var
    /// dataframes indexed by the labels, and the empty groups anndata expects.
    public static func writeAnnData(_ matrix: LabeledMatrix, to path: String, asFloat32: Bool = true,
                                    gzipLevel: Int? = nil) throws {
        try HDF5Library.serialized { try annData(matrix, to: path, asFloat32: asFloat32, gzipLevel: gzipLevel) }
    }

    private static func annData(_ matrix: LabeledMatrix, to path: String, asFloat32: Bool, gzipLevel: Int?) throws {
        let writer = try HDF5Writer(path: path)
        try writer.setAttribute("encoding-type", of: "/", string: "anndata")
        try writer.setAttribute("encoding-version", of: "/", string: "0.1.0")
        try writer.writeMatrix("/X", matrix, asFloat32: asFloat32, storage: .init(gzipLevel: gzipLevel))
        try writer.setAttribute("encoding-type", of: "/X", string: "array")
        try writer.setAttribute("encoding-version", of: "/X", string: "0.2.0")
        for (group, labels) in [("/obs", matrix.rowLabels), ("/var", matrix.columnLabels)] {
            try writer.createGroup(group)
            try writer.setAttribute("encoding-type", of: group, string: "dataframe")
            try writer.setAttribute("encoding-version", of: group, string: "0.2.0")
            try writer.setAttribute("_index", of: group, string: "_index")
            try writer.setAttribute("column-order", of: group, strings: [])
            try writer.writeStrings(group + "/_index", labels)
            try writer.setAttribute("encoding-type", of: group + "/_index", string: "string-array")
            try writer.setAttribute("encoding-version", of: group + "/_index", string: "0.2.0")
        }
        for group in ["/layers", "/obsm", "/obsp", "/varm", "/varp", "/uns"] {
            try writer.createGroup(group)
            try writer.setAttribute("encoding-type", of: group, string: "dict")
            try writer.setAttribute("encoding-version", of: group, string: "0.1.0")
        }
        try writer.flush()
    }
}
