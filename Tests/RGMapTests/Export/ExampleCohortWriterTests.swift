import Foundation
import Testing
@testable import RGMap

/// The files of `data/example` from a cohort built by hand: every file of the list, each in its
/// format, the planted truth as tables. (ExampleCohortSimulatorTests checks the bundled files
/// are exactly what seed 1 makes.)
@Suite struct ExampleCohortWriterTests {
    static let omics = LabeledMatrix(rowLabels: ["G1", "G2", "G3"], columnLabels: ["S1-01A", "S2-01A"], values: [5.25, 6.5, 0, 1e-4, -1.125, 12])

    static let cohort = SimulatedCohort(
        featureTable: (header: ["ID", "Image", "Mask", "original_firstorder_Mean"],
                       rows: [["P1", "img 1.nrrd", "m1.nrrd", "1.5"], ["P2", "img2.nrrd", "m2,b.nrrd", "2.25"]]),
        omics: omics,
        maf: (header: ["Hugo_Symbol", "Variant_Classification", "Tumor_Sample_Barcode"], rows: [["TP53", "Missense_Mutation", "S1-01A"]]),
        covariates: (header: ["patient", "age", "scanner"], rows: [["P1", "61", "SIEMENS"], ["P2", "70", "Philips"]]),
        truth: PlantedTruth(
            modules: [.init(number: 1, goID: "GO:0000001", goTerm: "a, b term", genes: ["G2", "G1"], driverMutation: "TP53", mutationShift: 1.5),
                      .init(number: 2, goID: "GO:0000002", goTerm: "t", genes: ["G3"], driverMutation: nil, mutationShift: 0)],
            geneLoadings: ["G1": 0.5, "G2": -0.25, "G3": 1],
            features: [.init(name: "f1", drivers: [(module: 1, loading: 0.5), (module: 2, loading: -0.25)], scannerShift: ["SIEMENS": 0.3]),
                       .init(name: "f2", drivers: [], scannerShift: [:])]))

    static func text(_ folder: String, _ file: String) throws -> String { try String(contentsOfFile: folder + "/" + file, encoding: .utf8) }

    @Test func writesEveryListedFileInItsFormat() throws {
        let folder = Fixtures.scratchFolder()
        try ExampleCohortWriter.write(Self.cohort, to: OutputDirectory(path: folder, force: false))
        #expect(ExampleRun.files(under: folder) == ExampleCohortWriter.files.sorted())
        // The PyRadiomics CSV quotes the cell with a comma; the MAF starts with its version line.
        #expect(try Self.text(folder, "features.csv") == "ID,Image,Mask,original_firstorder_Mean\nP1,img 1.nrrd,m1.nrrd,1.5\nP2,img2.nrrd,\"m2,b.nrrd\",2.25\n")
        #expect(try Self.text(folder, "omics.tsv") == "gene\tS1-01A\tS2-01A\nG1\t5.25\t6.5\nG2\t0.0\t0.0001\nG3\t-1.125\t12.0\n")
        #expect(try Self.text(folder, "mutations.maf") == "#version 2.4\nHugo_Symbol\tVariant_Classification\tTumor_Sample_Barcode\nTP53\tMissense_Mutation\tS1-01A\n")
        #expect(try Self.text(folder, "covariates.tsv") == "patient\tage\tscanner\nP1\t61\tSIEMENS\nP2\t70\tPhilips\n")
        // The HDF5 copies hold the same matrix: genes x samples, and AnnData's samples x genes in float32.
        let plain = try HDF5MatrixLoader.load(path: folder + "/omics.h5").matrix
        #expect(plain.rowLabels == Self.omics.rowLabels && plain.columnLabels == Self.omics.columnLabels && plain.values == Self.omics.values)
        let annData = try HDF5MatrixLoader.load(path: folder + "/omics.h5ad").matrix
        #expect(annData.rowLabels == Self.omics.columnLabels && annData.columnLabels == Self.omics.rowLabels)
        #expect(annData.values == Self.omics.transposed().values.map { Double(Float($0)) })
    }

    @Test func writesThePlantedTruth() throws {
        let folder = Fixtures.scratchFolder()
        try ExampleCohortWriter.write(Self.cohort, to: OutputDirectory(path: folder, force: false))
        #expect(try Fixtures.rows(atPath: folder + "/truth/modules.tsv") == [
            ["module", "go_id", "go_term", "genes", "driver_mutation", "mutation_shift"],
            ["1", "GO:0000001", "a, b term", "2", "TP53", "1.5"], ["2", "GO:0000002", "t", "1", "NA", "0.0"],
        ])
        // Each module's genes sorted, with their loading.
        #expect(try Fixtures.rows(atPath: folder + "/truth/module_genes.tsv") == [
            ["gene", "module", "loading"], ["G1", "1", "0.5"], ["G2", "1", "-0.25"], ["G3", "2", "1.0"],
        ])
        // Drivers and loadings comma-separated, NA without; a scanner that does not shift the feature gives 0.
        #expect(try Fixtures.rows(atPath: folder + "/truth/features.tsv") == [
            ["feature", "driver_modules", "loadings", "shift_SIEMENS", "shift_Philips"],
            ["f1", "1,2", "0.5,-0.25", "0.3", "0.0"], ["f2", "NA", "NA", "0.0", "0.0"],
        ])
    }
}
