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
}
