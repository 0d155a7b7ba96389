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

    @Test func readsDenseAnnData() throws {
        let result = try HDF5MatrixLoader.load(path: Fixtures.path("formats/omics_dense.h5ad"))
        #expect(result.format == "HDF5 AnnData (.h5ad), X dense")
        #expect(result.sampleAxis?.axis == .rows)
        #expect(result.matrix.rowLabels == samples && result.matrix.columnLabels == genes)
        #expect(sameValues(result.matrix.transposed().values, Fixtures.expressionValues))
    }

    @Test(arguments: [("formats/counts_csr.h5ad", "sparse CSR"), ("formats/counts_csc.h5ad", "sparse CSC")])
    func readsSparseAnnData(_ file: String, _ layout: String) throws {
        let result = try HDF5MatrixLoader.load(path: Fixtures.path(file))
        #expect(result.format == "HDF5 AnnData (.h5ad), X \(layout)")
        #expect(result.matrix.rowLabels == samples && result.matrix.columnLabels == genes)
        #expect(result.matrix.transposed().values == Fixtures.countValues)
    }

    @Test func readsAnAnnDataLayerInsteadOfX() throws {
        let result = try HDF5MatrixLoader.load(path: Fixtures.path("formats/counts_csr.h5ad"), dataset: "layers/log1p")
        let values = result.matrix.transposed().values
        // numpy computed log1p in float32: agreement to float32 precision (2^-23 relative) is all that is meaningful.
        #expect(zip(values, Fixtures.countValues).allSatisfy { abs($0 - log1p($1)) <= 1.2e-7 * max(1, log1p($1)) })
    }

    @Test func readsTenXKeepingGeneExpressionAndMakingNamesUnique() throws {
        let result = try HDF5MatrixLoader.load(path: Fixtures.path("formats/tenx_v3.h5"))
        #expect(result.format == "HDF5 10x Genomics (CSC matrix)")
        #expect(result.sampleAxis?.axis == .columns)
        #expect(result.matrix.rowLabels == ["TP53", "EGFR", "KRAS", "MYC", "CDK4", "TP53-1"])
        #expect(result.matrix.columnLabels == (1...5).map { "TCGA-AA-000\($0)-1" })
        #expect(result.matrix.values == Fixtures.countValues)
        #expect(result.notes == ["kept 6 Gene Expression features, dropped 1 of other types",
                                 "1 repeated gene names made unique with -1, -2... suffixes"])
    }

    @Test func makeUniqueSkipsTakenSuffixes() {
        #expect(TenXLoader.makeUnique(["A", "A", "A-1", "B"]).names == ["A", "A-2", "A-1", "B"])
    }

    @Test func namesTheMissingOrWrongDataset() {
        let missing = inputError { _ = try HDF5MatrixLoader.load(path: Fixtures.path("bad/no_matrix.h5")) }
        #expect(missing?.object == "/matrix")
        #expect(missing?.message.hasPrefix("no such dataset") == true)
        let text = inputError { _ = try HDF5MatrixLoader.load(path: Fixtures.path("bad/text_matrix.h5")) }
        #expect(text?.message == "has 1 dimension(s), expected a 2-D matrix")
        let notHDF5 = inputError { _ = try HDF5MatrixLoader.load(path: Fixtures.path("formats/omics.tsv")) }
        #expect(notHDF5?.message.hasPrefix("cannot open as HDF5") == true)
    }
}
