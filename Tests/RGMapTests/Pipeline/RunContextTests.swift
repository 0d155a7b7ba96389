import Foundation
import Testing
@testable import RGMap

@Suite struct RunContextTests {
    @Test func aStageRecordsItsFilesOrItsFailure() throws {
        let folder = Fixtures.scratchFolder()
        let run = RunContext(output: try OutputDirectory(path: folder, force: true), log: SilentLog())
        #expect(!run.hasFinishedStages)
        let value = try run.stage("first") {
            try run.requireOutput().write("a/one.txt", data: Data("1".utf8))
            try run.requireOutput().write("two.txt", data: Data("2".utf8))
            return 7
        }
        #expect(value == 7 && run.hasFinishedStages)
        struct Broken: Error {}
        #expect(throws: Broken.self) {
            try run.stage("second") {
                try run.requireOutput().write("b/three.txt", data: Data("3".utf8))
                throw Broken()
            }
        }
        #expect(run.stages == [Manifest.StageRecord(name: "first", finished: true, files: ["a/one.txt", "two.txt"]),
                               Manifest.StageRecord(name: "second", finished: false, files: [])])
        #expect(ExampleRun.files(under: folder) == ["a/one.txt", "two.txt"])
        #expect(!FileManager.default.fileExists(atPath: folder + "/b"), "the failed stage's folder is removed")
    }

    @Test func stepsAreRecordedInOrderWithTheirPeakMemory() throws {
        let run = RunContext(output: nil, log: SilentLog())
        let three = run.time("first") { 1 + 2 }
        run.record(step: "second", seconds: 1.5)
        #expect(three == 3)
        #expect(run.steps.map(\.name) == ["first", "second"] && run.steps[1].seconds == 1.5)
        #expect(run.steps.allSatisfy { $0.peakMemoryMB > 0 })
    }
}
