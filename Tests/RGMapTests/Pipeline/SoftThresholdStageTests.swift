import Foundation
import Testing
@testable import RGMap

@Suite struct SoftThresholdStageTests {
    @Test func writesPickSoftThresholdsTableAndItsEstimate() throws {
        let folder = Fixtures.scratchFolder()
        let run = RunContext(output: try OutputDirectory(path: folder, force: true), log: SilentLog())
        var settings = NetworkSettings()
        settings.candidatePowers = [1, 2, 4, 8]
        settings.rSquaredCut = 0.5
        let table = try SoftThresholdStage(settings: settings).run(NetworkStageTests.expression, in: run)
        #expect(table.rows.map(\.power) == [1, 2, 4, 8] && table.rSquaredCut == 0.5)
        #expect(table.powerEstimate == SoftThreshold.powerEstimate(table.rows, rSquaredCut: 0.5))
        #expect(run.stages == [Manifest.StageRecord(name: "soft threshold", finished: true, files: ["network/soft_threshold.tsv"])])
        let rows = try Fixtures.rows(atPath: folder + "/network/soft_threshold.tsv")
        #expect(rows.count == 5 && rows.dropFirst().map { $0[0] } == ["1", "2", "4", "8"])
    }
}
