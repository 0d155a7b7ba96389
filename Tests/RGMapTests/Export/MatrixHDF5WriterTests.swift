import Testing
@testable import RGMap

@Suite struct MatrixHDF5WriterTests {
    let matrix = LabeledMatrix(rowLabels: ["TP53", "EGFR", "naïve-β"], columnLabels: ["s1", "s2"],
                               values: [1.5, .nan, -2, 1e-300, 3.25, 0])

    @Test(arguments: [nil, 4])
    func plainFilesRoundTrip(_ gzip: Int?) throws {
        let path = Fixtures.scratchFolder() + "/m.h5"
        try MatrixHDF5Writer.writePlain(matrix, to: path, gzipLevel: gzip)
        let read = try HDF5MatrixLoader.load(path: path)
        #expect(read.matrix.rowLabels == matrix.rowLabels && read.matrix.columnLabels == matrix.columnLabels)
        #expect(sameValues(read.matrix.values, matrix.values))
    }

    @Test func annDataRoundTripsThroughFloat32() throws {
        let path = Fixtures.scratchFolder() + "/m.h5ad"
        try MatrixHDF5Writer.writeAnnData(matrix, to: path, asFloat32: true, gzipLevel: 1)
        let read = try HDF5MatrixLoader.load(path: path)
        #expect(read.format == "HDF5 AnnData (.h5ad), X dense")
        #expect(read.matrix.rowLabels == matrix.rowLabels)
        // Stored as float32: values come back rounded to float32 (1e-300 underflows to 0).
        #expect(sameValues(read.matrix.values, matrix.values.map { Double(Float($0)) }))
    }

    @Test func plainLayoutHasTheDocumentedDatasets() throws {
        let path = Fixtures.scratchFolder() + "/m.h5"
        try MatrixHDF5Writer.writePlain(matrix, to: path)
        try HDF5Library.serialized {
            let file = try HDF5File(path: path)
            let read = try file.readMatrix("/matrix")
            #expect(read.rows == 3 && read.columns == 2 && sameValues(read.values, matrix.values), "row-major, rows x columns")
            #expect(try file.readLabels("/row_names") == matrix.rowLabels && file.readLabels("/col_names") == matrix.columnLabels)
        }
    }

    /// The AnnData on-disk format (encoding 0.1.0 at the root, anndata's "array", "dataframe",
    /// "string-array" and "dict" elements), as anndata's documentation specifies it.
    @Test func annDataCarriesTheEncodingAttributesAnndataReads() throws {
        let path = Fixtures.scratchFolder() + "/m.h5ad"
        try MatrixHDF5Writer.writeAnnData(matrix, to: path, asFloat32: false)
        try HDF5Library.serialized {
            let file = try HDF5File(path: path)
            func attribute(_ name: String, _ object: String) throws -> String? { try file.stringAttribute(name, of: object) }
            #expect(try attribute("encoding-type", "/") == "anndata" && attribute("encoding-version", "/") == "0.1.0")
            #expect(try attribute("encoding-type", "/X") == "array" && attribute("encoding-version", "/X") == "0.2.0")
            #expect(sameValues(try file.readMatrix("/X").values, matrix.values), "float64 when asked: no rounding")
            for (group, labels) in [("/obs", matrix.rowLabels), ("/var", matrix.columnLabels)] {
                #expect(try attribute("encoding-type", group) == "dataframe" && attribute("_index", group) == "_index")
                #expect(try file.readLabels(group + "/_index") == labels)
                #expect(try attribute("encoding-type", group + "/_index") == "string-array")
            }
            for group in ["/layers", "/obsm", "/obsp", "/varm", "/varp", "/uns"] {
                let type = try attribute("encoding-type", group)
                #expect(file.kind(of: group) == .group && type == "dict", "\(group)")
            }
        }
    }
}
