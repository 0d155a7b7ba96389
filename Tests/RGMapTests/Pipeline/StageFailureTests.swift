import Foundation
import Testing
@testable import RGMap

/// A failure in any writer: none of its stage's files is left, earlier stages' files stay,
/// and the manifest lists what finished and why the run stopped.
@Suite(.serialized) struct StageFailureTests {
    /// The files of a complete run on a small cohort, by stage.
    static let reference: (out: String, stages: [Manifest.StageRecord]) = {
        let out = Fixtures.scratchFolder() + "/reference"
        _ = try! Pipeline(settings: ExampleRun.settings(out: out, genes: 150)).run(log: SilentLog())
        return (out, try! ExampleRun.manifest(in: out).stages!)
    }()

    static let writtenFiles: [String] = reference.stages.flatMap(\.files) + ["manifest.json"]

    @Test func everyStageWroteFiles() {
        #expect(Self.reference.stages.allSatisfy { !$0.files.isEmpty })
        #expect(Self.writtenFiles.count >= 30)
    }

    @Test(arguments: writtenFiles)
    func aFailingWriterLeavesNoneOfItsStagesFiles(_ file: String) throws {
        let out = Fixtures.scratchFolder() + "/failing"
        let target = URL(fileURLWithPath: out).appendingPathComponent(file).path
        let error = try #require(throws: OutputError.self) {
            try OutputDirectory.withInjectedFailure(at: target) {
                try Pipeline(settings: ExampleRun.settings(out: out, genes: 150)).run(log: SilentLog())
            }
        }
        #expect(error.path == target)
        let left = ExampleRun.files(under: out)
        #expect(!left.contains { $0.contains(".partial-") }, "\(left)")
        let stages = Self.reference.stages
        guard let failed = stages.firstIndex(where: { $0.files.contains(file) }) else {
            // The manifest itself failed: every stage finished, and no manifest is left.
            #expect(left == stages.flatMap(\.files).sorted())
            return
        }
        let finished = stages[..<failed]
        let expected = finished.flatMap(\.files) + (finished.isEmpty ? [] : ["manifest.json"])
        #expect(left == expected.sorted(), "failing \(file)")
        if finished.isEmpty {
            #expect(!FileManager.default.fileExists(atPath: out), "an output folder with no finished stage is removed")
        } else {
            let manifest = try ExampleRun.manifest(in: out)
            #expect(manifest.stages?.map(\.name) == finished.map(\.name) + [stages[failed].name])
            #expect(manifest.stages?.last?.finished == false && manifest.failure == error.description)
        }
    }
}
