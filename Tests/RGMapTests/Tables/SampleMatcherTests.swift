import Testing
@testable import RGMap

@Suite struct SampleMatcherTests {
    func load(_ role: TableRole, _ file: String, _ options: LoadOptions = LoadOptions()) throws -> LoadedTable {
        try InputLoader.load(role, path: Fixtures.path(file), options: options)
    }

    @Test func alignsFeaturesOmicsMutationsAndCovariatesOnPatients() throws {
        let tables = [try load(.features, "formats/features_pyradiomics.csv"), try load(.omics, "formats/omics.tsv"),
                      try load(.mutations, "formats/mutations.maf"), try load(.covariates, "formats/covariates.tsv")]
        let cohort = try SampleMatcher.match(tables, options: SampleMatchOptions(normalization: .tcgaPatient))
        // Patient 5 has no stage (dropped), patient 6 no expression.
        #expect(cohort.samples == ["TCGA-AA-0001", "TCGA-AA-0002", "TCGA-AA-0003", "TCGA-AA-0004"])
        #expect(cohort.matching.droppedForMissingCovariates == ["TCGA-AA-0005"])
        #expect(cohort.features!.rowLabels == ["original_shape_Sphericity", "original_firstorder_Mean", "original_glcm_Contrast"])
        #expect(cohort.features!.columnLabels == cohort.samples)
        #expect(sameValues(Array(cohort.features!.row(1)), [35.5, 41.25, .nan, 28.0]))
        #expect(sameValues(Array(cohort.omics!.row(1)), [8.0, 9.75, .nan, 7.5]))
        let tp53 = cohort.mutations!.rowLabels.firstIndex(of: "TP53")!
        #expect(Array(cohort.mutations!.row(tp53)) == [1, 0, 0, 1])
        #expect(cohort.covariates!.matrix.rowLabels == ["age", "scanner=Philips", "scanner=SIEMENS", "stage=II", "stage=III"])
        let omics = cohort.matching.table(.omics)!
        #expect(omics.sampleAxis == .columns && omics.axisRule == "label overlap with the other tables")
        #expect(omics.unmatched == ["TCGA-AA-0005-01A-11R-A005-07"])
        #expect(cohort.matching.table(.features)!.unmatched == ["TCGA-AA-0005", "TCGA-AA-0006"])
        #expect(cohort.matching.table(.mutations)!.unmatched == ["TCGA-AA-0009-01A-11D-A009-08"])
    }

    @Test func marksSamplesAbsentFromTheMutationTableAsMissing() throws {
        let tables = [try load(.omics, "formats/omics.tsv"), try load(.mutations, "formats/mutations_01.tsv")]
        let cohort = try SampleMatcher.match(tables, options: SampleMatchOptions(normalization: .tcgaPatient))
        #expect(cohort.samples.count == 5)
        #expect(cohort.matching.withoutMutationData == ["TCGA-AA-0005"])
        #expect(sameValues(Array(cohort.mutations!.row(1)), [0, 1, 0, .nan, .nan]))
    }

    @Test func explainsWhenNoSamplesAreShared() throws {
        let tables = [try load(.features, "formats/features_pyradiomics.csv"), try load(.omics, "formats/omics.tsv")]
        let error = try #require(throws: AnalysisError.self) { try SampleMatcher.match(tables) }
        #expect(error.kind == .tooFewSamples && error.message.settings == [.idNormalize])
        #expect(error.description == "no sample IDs shared by features rows (e.g. 'TCGA-AA-0001', 'TCGA-AA-0002') and omics columns (e.g. 'TCGA-AA-0001-01A-11R-A001-07', 'TCGA-AA-0002-01A-11R-A002-07'); TCGA barcodes of different length match with idNormalize tcga-patient")
    }

    @Test func refusesFewerThanThreeSharedSamples() throws {
        let omics = try load(.omics, "formats/omics.tsv")
        let features = LoadedTable(role: .features, path: "f.csv", format: "CSV", content: .numeric(
            LabeledMatrix(rowLabels: ["TCGA-AA-0001", "TCGA-AA-0002", "P9"], columnLabels: ["f"], values: [1, 2, 3])))
        #expect(throws: AnalysisError(.tooFewSamples, "only 2 samples shared by features, omics: need at least 3")) {
            try SampleMatcher.match([features, omics], options: SampleMatchOptions(normalization: .tcgaPatient))
        }
    }

    @Test func namesIDsThatCollideAfterNormalization() throws {
        let tables = [try load(.features, "formats/features_pyradiomics.csv"), try load(.omics, "bad/two_aliquots.tsv")]
        let error = inputError { _ = try SampleMatcher.match(tables, options: SampleMatchOptions(normalization: .tcgaPatient)) }
        #expect(error?.message.settings == [.idNormalize] && error?.value == "TCGA-AA-0001-11A-11R-A001-07")
        #expect(error?.message.description == "duplicated sample ID: 'TCGA-AA-0001-11A-11R-A001-07' and 'TCGA-AA-0001-01A-11R-A001-07' both read as 'TCGA-AA-0001' under idNormalize tcga-patient (omics columns); keep one sample per ID")
    }
}
