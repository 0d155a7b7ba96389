import Testing
@testable import RGMap

/// CSR and CSC groups as anndata and Cell Ranger write them (Fixtures/formats), filled into dense
/// row-major matrices.
@Suite struct SparseMatrixReaderTests {
    /// Samples x genes, the layout of the AnnData fixtures' X.
    static let samplesByGenes = LabeledMatrix(rowLabels: Fixtures.expressionGenes, columnLabels: Fixtures.expressionSamples,
                                              values: Fixtures.countValues).transposed()

    static func read(_ fixture: String, group: String, rows: Int, columns: Int, compressedRows: Bool,
                     progress: ProgressCallback? = nil) throws -> [Double] {
        try HDF5Library.serialized {
            try SparseMatrixReader(file: try HDF5File(path: Fixtures.path(fixture)), group: group, rows: rows, columns: columns,
                                   compressedRows: compressedRows).read(progress: progress)
        }
    }

    @Test func readsCSRAndCSC() throws {
        #expect(try Self.read("formats/counts_csr.h5ad", group: "/X", rows: 5, columns: 6, compressedRows: true) == Self.samplesByGenes.values)
        #expect(try Self.read("formats/counts_csc.h5ad", group: "/X", rows: 5, columns: 6, compressedRows: false) == Self.samplesByGenes.values)
        // Cell Ranger's CSC: features x barcodes, 7 features with the antibody (row 6: 5 0 2 0 1).
        let tenx = try Self.read("formats/tenx_v3.h5", group: "/matrix", rows: 7, columns: 5, compressedRows: false)
        #expect(Array(tenx[..<30]) == Fixtures.countValues && Array(tenx[30...]) == [5, 0, 2, 0, 1])
    }

    @Test func aCSCGroupReadAsCSRGivesTheTranspose() throws {
        // The same three arrays, with the major axis taken as rows: genes x samples.
        #expect(try Self.read("formats/counts_csc.h5ad", group: "/X", rows: 6, columns: 5, compressedRows: true) == Fixtures.countValues)
    }

    @Test func reportsProgressOverTheStoredEntries() throws {
        var reports: [(Int, Int)] = []
        _ = try Self.read("formats/counts_csr.h5ad", group: "/X", rows: 5, columns: 6, compressedRows: true) { reports.append(($0, $1)) }
        let stored = Fixtures.countValues.filter { $0 != 0 }.count
        #expect(reports.count == 1 && reports[0] == (stored, stored))
    }

    @Test func refusesAShapeItsPointersDoNotFit() {
        let error = inputError { _ = try Self.read("formats/counts_csr.h5ad", group: "/X", rows: 6, columns: 5, compressedRows: true) }
        #expect(error?.object == "/X/indptr" && error?.message == "has 6 entries, expected 7 for shape 6 x 5")
    }

    @Test func refusesIndicesOutsideTheMatrix() {
        let error = inputError { _ = try Self.read("bad/sparse_index_out_of_range.h5ad", group: "/X", rows: 5, columns: 6, compressedRows: true) }
        #expect(error?.object == "/X/indices" && error?.message == "corrupt sparse matrix: index 7 outside 0..<6")
        // Read with more columns, the same index is legal.
        #expect(inputError { _ = try Self.read("bad/sparse_index_out_of_range.h5ad", group: "/X", rows: 5, columns: 8, compressedRows: true) } == nil)
    }
}
