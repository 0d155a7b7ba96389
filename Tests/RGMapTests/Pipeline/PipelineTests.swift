import Foundation
import Testing
@testable import RGMap

/// The whole pipeline called from Swift, without the command line: stages hand results
/// over in memory, and every stage's files appear together or not at all.
@Suite(.serialized) struct PipelineTests {
    /// One whole run, shared by the tests that read it.
    static let reference: (out: String, result: PipelineResult) = {
        let out = Fixtures.scratchFolder() + "/run"
        let result = try! Pipeline(settings: ExampleRun.settings(out: out)).run(log: SilentLog())
        return (out, result)
    }()

    @Test func runsEveryStageAndRecordsItsFiles() throws {
        let (out, result) = Self.reference
        #expect(result.map?.pairsWritten ?? 0 > 0)
        // The network stage ran after the map: the pipeline freed the map's matrices.
        #expect(result.map?.associations == nil)
        #expect(result.network?.moduleCount ?? 0 > 0)
        #expect(result.enrichment?.report.oraQueries ?? 0 > 0 && result.enrichment?.report.gseaLists == 60)
        let manifest = try ExampleRun.manifest(in: out)
        let stages = try #require(manifest.stages)
        #expect(stages.map(\.name) == ["map", "soft threshold", "network", "enrichment", "heatmap", "report"])
        #expect(stages.allSatisfy(\.finished) && manifest.failure == nil)
        let written = Set(stages.flatMap(\.files) + ["manifest.json"])
        #expect(written == Set(ExampleRun.files(under: out)))
        #expect(stages[0].files == ["map/associations.tsv", "map/associations.h5"])
    }

    @Test func featureEnrichmentNeedsNoMatrixFile() throws {
        let out = Fixtures.scratchFolder() + "/no-matrices"
        var settings = ExampleRun.settings(out: out)
        settings.map?.writeMatrices = false
        _ = try Pipeline(settings: settings).run(log: SilentLog())
        #expect(!FileManager.default.fileExists(atPath: out + "/map/associations.h5"))
        for file in ["enrichment/ora.tsv", "enrichment/gsea.tsv", "enrichment/universe.txt", "report.html"] {
            #expect(FileManager.default.contentsEqual(atPath: out + "/" + file, andPath: Self.reference.out + "/" + file), "\(file) differs")
        }
    }

    @Test func gseaMaxQKeepsTheRowsAtOrBelowIt() throws {
        let out = Fixtures.scratchFolder() + "/gsea-max-q"
        var settings = ExampleRun.settings(out: out)
        settings.network = nil
        settings.heatmap = nil
        settings.report = false
        settings.enrichment?.runORA = false
        settings.enrichment?.gseaMaxQ = 0.01
        _ = try Pipeline(settings: settings).run(log: SilentLog())
        let all = try Fixtures.rows(atPath: Self.reference.out + "/enrichment/gsea.tsv")
        let kept = try Fixtures.rows(atPath: out + "/enrichment/gsea.tsv")
        #expect(kept[0] == all[0])
        #expect(Array(kept.dropFirst()) == all.dropFirst().filter { (Double($0[5]) ?? .infinity) <= 0.01 })
        #expect(kept.count > 1 && kept.count < all.count)
    }

    @Test func anAutomaticPowerThatFailsLeavesAManifestOfWhatFinished() throws {
        let out = Fixtures.scratchFolder() + "/auto"
        var settings = ExampleRun.settings(out: out)
        settings.network?.power = .automatic
        settings.network?.rSquaredCut = 0.9999
        let log = RecordingLog()
        let error = try #require(throws: AnalysisError.self) { try Pipeline(settings: settings).run(log: log) }
        #expect(error.kind == .noPowerReachesFit && error.message.settings == [.power, .power])
        let manifest = try ExampleRun.manifest(in: out)
        #expect(manifest.stages?.map(\.name) == ["map", "soft threshold", "network"])
        #expect(manifest.stages?.map(\.finished) == [true, true, false])
        #expect(manifest.failure == error.description)
        #expect(ExampleRun.files(under: out) == ["manifest.json", "map/associations.h5", "map/associations.tsv", "network/soft_threshold.tsv"])
    }

    @Test func nothingLeftAfterPreprocessingStopsBeforeAnyOutput() throws {
        let folder = Fixtures.scratchFolder()
        let features = Fixtures.file(named: "features.csv", "ID,f1,f2\nS1,1,\nS2,1,\nS3,1,\nS4,1,\n")
        let omics = Fixtures.file(named: "omics.tsv", "gene\tS1\tS2\tS3\tS4\nA\t1\t2\t3\t4\nB\t2\t1\t4\t3\n")
        var settings = PipelineSettings(inputs: InputSettings(features: features, omics: omics), output: OutputSettings(path: folder + "/out"))
        settings.map = MapSettings()
        let error = try #require(throws: AnalysisError.self) { try Pipeline(settings: settings).run(log: SilentLog()) }
        #expect(error.kind == .tooFewVariables)
        #expect(error.description == "features: no feature left after preprocessing: all 2 dropped, 1 with every value missing ('f2'), "
                + "1 constant or with fewer than 2 values ('f1')")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }
}
