import Foundation
import Testing
@testable import RGMap

/// Choosing the reader by role, content and name, and what the loader says about each table.
@Suite struct InputLoaderTests {
    @Test func describesEachFormat() throws {
        #expect(InputLoader.describe(.tab, gzip: false) == "TSV" && InputLoader.describe(.comma, gzip: true) == "CSV, gzip")
        #expect(InputLoader.describe(.semicolon, gzip: false) == "CSV (semicolon-separated)")
        #expect(try InputLoader.load(.omics, path: Fixtures.path("formats/omics.tsv.gz")).format == "TSV, gzip")
        #expect(try InputLoader.load(.omics, path: Fixtures.path("formats/omics_plain.h5")).format == "HDF5 (plain 2-D dataset matrix)")
    }

    @Test func recognisesHDF5AndGzipByTheirFirstBytes() throws {
        #expect(try InputLoader.isHDF5(Fixtures.path("formats/counts_csr.h5ad")))
        #expect(try !InputLoader.isHDF5(Fixtures.path("formats/omics.tsv.gz")))
        #expect(try InputLoader.isGzip(Fixtures.path("formats/omics.tsv.gz")) && !(try InputLoader.isGzip(Fixtures.path("formats/omics.tsv"))))
        #expect(try !InputLoader.isHDF5(Fixtures.file(named: "short.tsv", "g")))  // shorter than the signature
        #expect(inputError { _ = try InputLoader.isHDF5("/nonexistent/x.h5") }?.message.description.hasPrefix("cannot open") == true)
    }

    @Test func recognisesAMAFByNameOrByItsHeader() throws {
        #expect(try InputLoader.isMAF("cohort.MAF.gz"))
        let renamed = Fixtures.file(named: "calls.txt", try Fixtures.text("formats/mutations.maf"))
        #expect(try InputLoader.isMAF(renamed))
        #expect(try !InputLoader.isMAF(Fixtures.path("formats/mutations_01.tsv")))
        let table = try InputLoader.load(.mutations, path: renamed)
        #expect(table.format == "MAF" && table.formatSampleAxis?.axis == .columns)
        #expect(table.notes.first?.hasPrefix("10 records, 7 counted as mutations; excluded classes: 3'Flank, 3'UTR, 5'Flank") == true)
        #expect(table.notes.contains("1 record without a gene symbol skipped"))
        #expect(table.notes.contains("classes not in the MAF specification, counted as mutations: Novel_Fusion_Class (1)"))
    }

    @Test func featureNotesNameTheIDRuleAndTheDroppedColumns() throws {
        let table = try InputLoader.load(.features, path: Fixtures.path("formats/features_pyradiomics.csv"))
        #expect(table.format == "CSV (PyRadiomics batch)" && table.formatSampleAxis == nil)
        #expect(table.notes == ["sample IDs from the column named 'ID'",
                                "dropped 5 non-feature columns (3 diagnostics_*; 2 text: Image, Mask)"])
    }

    @Test func covariatesAreTextAndNeverHDF5() throws {
        let table = try InputLoader.load(.covariates, path: Fixtures.path("formats/covariates.tsv"))
        guard case .text(let header, let rows) = table.content else { Issue.record("covariates must stay text"); return }
        #expect(header == ["sample", "age", "scanner", "stage"] && rows.count == 6 && table.format == "TSV")
        let error = inputError { _ = try InputLoader.load(.covariates, path: Fixtures.path("formats/omics_plain.h5")) }
        #expect(error?.message == "covariates must be a TSV/CSV table, not HDF5")
    }

    @Test func mutationTablesMustHoldZeroOneOrMissing() throws {
        let table = try InputLoader.load(.mutations, path: Fixtures.path("formats/mutations_01.tsv"))
        #expect(table.format == "TSV" && table.formatSampleAxis == nil)
        let text = inputError { _ = try InputLoader.load(.mutations, path: Fixtures.path("bad/mutations_not_binary.tsv")) }
        #expect(text?.line == 3 && text?.column == 3
                && text?.message == "mutation status 2 in column 'S2': expected 0, 1 or NA (or give a MAF file)")
        // An HDF5 matrix of counts is not a 0/1 table either.
        let counts = inputError { _ = try InputLoader.load(.mutations, path: Fixtures.path("formats/counts_csc.h5ad")) }
        // The first cell row-major (obs x var): sample 1, EGFR, 12 counts.
        #expect(counts?.message == "mutation table value 12.0 at row 'TCGA-AA-0001-01A-11R-A001-07', column 'EGFR': expected 0, 1 or NA (or give a MAF file)")
    }

    @Test func hdf5TablesKeepTheirFormatsSampleAxisAndNotes() throws {
        let table = try InputLoader.load(.omics, path: Fixtures.path("formats/tenx_v3.h5"))
        #expect(table.formatSampleAxis == FixedSampleAxis(.columns, reason: "10x: barcodes are samples"))
        #expect(table.notes.count == 2)
        let rhdf5 = try InputLoader.load(.omics, path: Fixtures.path("formats/omics_rhdf5.h5"),
                                         options: LoadOptions(hdf5Dataset: "expr/values,expr/genes,expr/samples"))
        #expect(rhdf5.labels(.rows) == Fixtures.expressionGenes)
    }
}
