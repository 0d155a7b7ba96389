import Foundation
import Testing
@testable import RGMap

@Suite struct PipelineManifestTests {
    @Test func theReportsLinesAboutTheMapAndTheNetwork() {
        let map = SmallMap.make()
        #expect(Pipeline.mapFact(map, settings: AssociationOptions(maxQ: 0.1), pairs: 4)
                == "2 features × 5 genes, pearson, adjusted for age; 4 pairs with q ≤ 0.1 (bh)")
    }

    @Test func aManifestRecordsTheRunAsItsFrontEndDescribesIt() throws {
        let folder = Fixtures.scratchFolder()
        var settings = PipelineSettings(inputs: InputSettings(geneSets: Fixtures.path("formats/genesets.gmt")),
                                        output: OutputSettings(path: folder + "/out"))
        settings.record = RunRecord(command: ["tool", "x"], parameters: ["a": "1"], settings: ["a": .one("1")])
        let result = try Pipeline(settings: settings).run(log: SilentLog())
        let written = try ExampleRun.manifest(in: folder + "/out")
        #expect(written.command == ["tool", "x"] && written.parameters == ["a": "1"] && written.settings == ["a": .one("1")])
        #expect(written.inputs.map(\.role) == ["gene-sets"] && written.stages == nil && written.failure == nil)
        #expect(written.steps.map(\.name) == ["load gene sets"] && result.manifest?.inputs == written.inputs)
    }
}
