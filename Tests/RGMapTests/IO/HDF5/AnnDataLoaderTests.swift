import Foundation
import Testing
@testable import RGMap

@Suite struct AnnDataLoaderTests {
    @Test func readsDenseAnnData() throws {
        let result = try loadHDF5("formats/omics_dense.h5ad", expecting: "HDF5 AnnData (.h5ad), X dense", samplesIn: .rows)
        #expect(result.matrix.rowLabels == Fixtures.expressionSamples && result.matrix.columnLabels == Fixtures.expressionGenes)
        #expect(sameValues(result.matrix.transposed().values, Fixtures.expressionValues))
    }

    @Test(arguments: [("formats/counts_csr.h5ad", "sparse CSR"), ("formats/counts_csc.h5ad", "sparse CSC")])
    func readsSparseAnnData(_ file: String, _ layout: String) throws {
        let result = try HDF5MatrixLoader.load(path: Fixtures.path(file))
        #expect(result.format == "HDF5 AnnData (.h5ad), X \(layout)")
        #expect(result.matrix.rowLabels == Fixtures.expressionSamples && result.matrix.columnLabels == Fixtures.expressionGenes)
        #expect(result.matrix.transposed().values == Fixtures.countValues)
    }

    @Test func readsAnAnnDataLayerInsteadOfX() throws {
        let result = try HDF5MatrixLoader.load(path: Fixtures.path("formats/counts_csr.h5ad"), dataset: "layers/log1p")
        let values = result.matrix.transposed().values
        // numpy computed log1p in float32: agreement to float32 precision (2^-23 relative) is all that is meaningful.
        #expect(zip(values, Fixtures.countValues).allSatisfy { abs($0 - log1p($1)) <= 1.2e-7 * max(1, log1p($1)) })
    }

    /// A minimal AnnData file written here: obs and var dataframes named by `_index`, and `x` as X
    /// (a dense dataset, or a group without a sparse encoding when nil).
    static func anndata(obs: [String], vars: [String], x: LabeledMatrix?) throws -> String {
        let path = Fixtures.scratchFolder() + "/small.h5ad"
        try HDF5Library.serialized {
            let writer = try HDF5Writer(path: path)
            for (group, names) in [("/obs", obs), ("/var", vars)] {
                try writer.createGroup(group)
                try writer.setAttribute("_index", of: group, string: "name")
                try writer.writeStrings(group + "/name", names)
            }
            if let x { try writer.writeMatrix("/X", x) } else { try writer.createGroup("/X") }
        }
        return path
    }

    @Test func readsTheDataframesIndexNamedByTheirAttribute() throws {
        let x = LabeledMatrix(rowLabels: ["c1", "c2"], columnLabels: ["g1", "g2", "g3"], values: [1, 2, 3, 4, 5, 6])
        let result = try HDF5MatrixLoader.load(path: try Self.anndata(obs: ["c1", "c2"], vars: ["g1", "g2", "g3"], x: x))
        #expect(result.matrix == x && result.format == "HDF5 AnnData (.h5ad), X dense" && result.notes.isEmpty)
        #expect(result.sampleAxis == FixedSampleAxis(.rows, reason: "AnnData: obs are samples"))
    }

    @Test func refusesWhatIsNotACurrentAnnDataMatrix() throws {
        let old = inputError { _ = try HDF5MatrixLoader.load(path: Fixtures.path("bad/old_anndata.h5ad")) }
        #expect(old?.object == "/obs" && old?.message.description.hasPrefix("is not a group: AnnData before 0.7") == true)
        let layer = inputError { _ = try HDF5MatrixLoader.load(path: Fixtures.path("formats/counts_csr.h5ad"), dataset: "layers/none") }
        #expect(layer?.object == "/layers/none" && layer?.message == "no such matrix (AnnData: X, layers/NAME or raw/X)")
        let x = LabeledMatrix(rowLabels: ["g1", "g2", "g3"], columnLabels: ["c1", "c2"], values: [1, 2, 3, 4, 5, 6])
        let shape = inputError { _ = try HDF5MatrixLoader.load(path: try Self.anndata(obs: ["c1", "c2"], vars: ["g1", "g2", "g3"], x: x)) }
        #expect(shape?.object == "/X" && shape?.message == "is 3 x 2, but obs has 2 names and var has 3")
        let group = inputError { _ = try HDF5MatrixLoader.load(path: try Self.anndata(obs: ["c1"], vars: ["g1"], x: nil)) }
        #expect(group?.message == "is a group but not a CSR/CSC sparse matrix (encoding-type attribute missing)")
        let twice = LabeledMatrix(rowLabels: ["c1", "c1"], columnLabels: ["g1"], values: [1, 2])
        let duplicate = inputError { _ = try HDF5MatrixLoader.load(path: try Self.anndata(obs: ["c1", "c1"], vars: ["g1"], x: twice)) }
        #expect(duplicate?.object == "/obs" && duplicate?.message == "duplicated label 'c1': labels must be unique")
    }

    @Test func aLeadingSlashNamesTheSameLayer() throws {
        let result = try HDF5MatrixLoader.load(path: Fixtures.path("formats/counts_csr.h5ad"), dataset: "/layers/log1p")
        #expect(result.format == "HDF5 AnnData (.h5ad), layers/log1p dense" && result.matrix.rowLabels == Fixtures.expressionSamples)
    }
}
