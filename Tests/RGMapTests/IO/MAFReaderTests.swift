import Testing
@testable import RGMap

@Suite struct MAFReaderTests {
    @Test func countsNonSilentMutationsPerGeneAndSample() throws {
        let calls = try MAFReader.read(path: Fixtures.path("formats/mutations.maf"))
        #expect(calls.records == 10)
        // Excluded: Silent, Intron; skipped: gene "Unknown". Kept: 7 (two TP53 in sample 4 count once).
        #expect(calls.keptRecords == 7)
        #expect(calls.recordsWithoutGene == 1)
        #expect(calls.unknownClasses == ["Novel_Fusion_Class"])
        #expect(calls.matrix.rowLabels == ["EGFR", "KRAS", "STK11", "TP53"])
        #expect(calls.matrix.columnLabels == ["TCGA-AA-0001-01A-11D-A001-08", "TCGA-AA-0002-01A-11D-A002-08",
                                              "TCGA-AA-0003-01A-11D-A003-08", "TCGA-AA-0004-01A-11D-A004-08",
                                              "TCGA-AA-0009-01A-11D-A009-08"])
        #expect(calls.matrix.values == [
            0, 0, 1, 0, 0,  // EGFR
            0, 1, 0, 0, 1,  // KRAS
            0, 0, 0, 1, 0,  // STK11 (unknown class, counted)
            1, 0, 0, 1, 0,  // TP53 (the Silent record in sample 2 does not count)
        ])
    }

    @Test func honoursAConfiguredExclusionList() throws {
        let calls = try MAFReader.read(path: Fixtures.path("formats/mutations.maf"), excludedClasses: ["Missense_Mutation"])
        #expect(calls.matrix[calls.matrix.rowLabels.firstIndex(of: "TP53")!, 1] == 1)  // Silent now counts
        #expect(calls.matrix[calls.matrix.rowLabels.firstIndex(of: "TP53")!, 0] == 0)  // Missense no longer
    }

    @Test func namesMissingRequiredColumns() {
        let error = inputError { _ = try MAFReader.read(path: Fixtures.path("bad/maf_missing_column.maf")) }
        #expect(error?.line == 2)
        #expect(error?.message == "not a MAF header: missing column Tumor_Sample_Barcode (needs Hugo_Symbol, Tumor_Sample_Barcode, Variant_Classification)")
    }
}
