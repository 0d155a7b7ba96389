import Foundation
import Testing
@testable import RGMap

@Suite struct InputStageTests {
    @Test func noInputIsAnErrorNamingEveryInput() throws {
        let run = RunContext(output: nil, log: SilentLog())
        let error = try #require(throws: AnalysisError.self) { try InputStage(settings: InputSettings()).run(in: run) }
        #expect(error.kind == .missingInput && error.message.settings == [.features, .omics, .mutations, .covariates, .geneSets])
    }

    @Test func loadsMatchesAndPreprocessesTellingTheLog() throws {
        var settings = InputSettings(features: Fixtures.path("formats/features_pyradiomics.csv"), omics: Fixtures.path("formats/omics.tsv"),
                                     geneSets: Fixtures.path("formats/genesets.gmt"))
        settings.matching = SampleMatchOptions(normalization: .tcgaPatient)
        settings.preprocess = PreprocessOptions(log2: true)
        #expect(settings.tableFiles.map(\.role) == [.features, .omics])
        let log = RecordingLog()
        let run = RunContext(output: nil, log: log)
        let inputs = try InputStage(settings: settings).run(in: run)
        #expect(inputs.tables.map(\.role) == [.features, .omics])
        #expect(inputs.cohort?.sampleCount == 5 && inputs.preprocessing?.log2Applied == true)
        #expect(inputs.geneSets?.path == Fixtures.path("formats/genesets.gmt"))
        #expect(run.steps.map(\.name) == ["load features", "load omics", "match samples and preprocess", "load gene sets"])
        #expect(log.notes.map(\.description).contains("samples: 5 matched (ID match tcga-patient); unmatched: features 1 of 6, omics 0 of 5"))
        let digests = try inputs.fingerprints.wait()
        #expect(digests[Fixtures.path("formats/omics.tsv")] == (try SHA256.hexDigest(ofFileAt: Fixtures.path("formats/omics.tsv"))))
    }

    @Test func geneSetsAloneMakeNoCohort() throws {
        let inputs = try InputStage(settings: InputSettings(geneSets: Fixtures.path("formats/genesets.gmt")))
            .run(in: RunContext(output: nil, log: SilentLog()))
        #expect(inputs.cohort == nil && inputs.tables.isEmpty && inputs.geneSets != nil)
    }
}
