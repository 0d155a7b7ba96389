import Foundation
import Testing
@testable import RGMap

@Suite struct HDF5MatrixLoaderTests {
    let genes = Fixtures.expressionGenes
    let samples = Fixtures.expressionSamples

    @Test func readsThePlainLayoutWithDefaultNames() throws {
        let result = try HDF5MatrixLoader.load(path: Fixtures.path("formats/omics_plain.h5"))
        #expect(result.format == "HDF5 (plain 2-D dataset matrix)")
        #expect(result.matrix.rowLabels == genes && result.matrix.columnLabels == samples)
        #expect(sameValues(result.matrix.values, Fixtures.expressionValues))
    }

    @Test func readsWhatRhdf5WritesColumnMajorWithFixedLengthLabels() throws {
        let result = try HDF5MatrixLoader.load(path: Fixtures.path("formats/omics_rhdf5.h5"),
                                               dataset: "expr/values,expr/genes,expr/samples")
        #expect(result.notes.first?.hasPrefix("matrix stored column-major") == true)
        #expect(result.matrix.rowLabels == genes && result.matrix.columnLabels == samples)
        #expect(sameValues(result.matrix.values, Fixtures.expressionValues))
    }

    @Test func namesTheMissingOrWrongDataset() {
        let missing = inputError { _ = try HDF5MatrixLoader.load(path: Fixtures.path("bad/no_matrix.h5")) }
        #expect(missing?.object == "/matrix")
        #expect(missing?.message.description.hasPrefix("no such dataset") == true)
        let text = inputError { _ = try HDF5MatrixLoader.load(path: Fixtures.path("bad/text_matrix.h5")) }
        #expect(text?.message == "has 1 dimension(s), expected a 2-D matrix")
        let notHDF5 = inputError { _ = try HDF5MatrixLoader.load(path: Fixtures.path("formats/omics.tsv")) }
        #expect(notHDF5?.message.description.hasPrefix("cannot open as HDF5") == true)
    }

    /// A plain file written here: `matrix` at `name`, its labels at `rows` and `columns`.
    static func plain(_ matrix: LabeledMatrix, name: String = "/matrix", rows: String = "/row_names", columns: String = "/col_names",
                      rowLabels: [String]? = nil) throws -> String {
        let path = Fixtures.scratchFolder() + "/plain.h5"
        try HDF5Library.serialized {
            let writer = try HDF5Writer(path: path)
            try writer.writeMatrix(name, matrix)
            try writer.writeStrings(rows, rowLabels ?? matrix.rowLabels)
            try writer.writeStrings(columns, matrix.columnLabels)
        }
        return path
    }

    @Test func takesLabelDatasetsFromTheMatrixGroupOrAsGiven() throws {
        let matrix = LabeledMatrix(rowLabels: ["g1", "g2"], columnLabels: ["s1", "s2", "s3"], values: [1, 2, 3, 4, 5, 6])
        let grouped = try Self.plain(matrix, name: "/expr/m", rows: "/expr/row_names", columns: "/expr/col_names")
        let result = try HDF5MatrixLoader.load(path: grouped, dataset: "expr/m")
        #expect(result.matrix == matrix && result.format == "HDF5 (plain 2-D dataset expr/m)" && result.sampleAxis == nil)
        let named = try Self.plain(matrix, name: "/m", rows: "/genes", columns: "/samples")
        #expect(try HDF5MatrixLoader.load(path: named, dataset: "m,genes,samples").matrix == matrix)
        let missing = inputError { _ = try HDF5MatrixLoader.load(path: Fixtures.path("formats/omics_rhdf5.h5"), dataset: "expr/values") }
        #expect(missing?.object == "/expr/row_names" && missing?.message == "no such dataset")
    }

    @Test func refusesLabelsThatDoNotFitOrRepeat() throws {
        let counts = inputError { _ = try HDF5MatrixLoader.load(path: Fixtures.path("bad/label_count.h5")) }
        #expect(counts?.object == "/matrix" && counts?.message == "is 6 x 5, but row_names has 5 labels and col_names has 5")
        let matrix = LabeledMatrix(rowLabels: ["g1", "g2"], columnLabels: ["s1", "s2", "s3"], values: [1, 2, 3, 4, 5, 6])
        let twice = inputError { _ = try HDF5MatrixLoader.load(path: try Self.plain(matrix, rowLabels: ["g1", "g1"])) }
        #expect(twice?.object == "/row_names" && twice?.message == "duplicated label 'g1': labels must be unique")
    }
}
