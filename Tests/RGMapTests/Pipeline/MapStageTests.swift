import Foundation
import Testing
@testable import RGMap

@Suite struct MapStageTests {
    @Test func writesTheMapTheMatricesAndTheMutationTestsAsOneStage() throws {
        let folder = Fixtures.scratchFolder()
        let run = RunContext(output: try OutputDirectory(path: folder, force: true), log: SilentLog())
        let cohort = try RFixtures.cohort("mutations", mutations: true)
        let result = try MapStage(settings: MapSettings()).run(cohort, in: run)
        #expect(result.associations == nil && result.mutations != nil, "no expression: mutation tests only")
        #expect(run.stages.map(\.files) == [["map/mutations.tsv"]])
        #expect(run.steps.map(\.name) == ["mutation tests"])
    }

    @Test func theMatrixFileIsLeftOutWhenAsked() throws {
        let cohort = try RFixtures.cohort("simulated")
        for writeMatrices in [true, false] {
            let run = RunContext(output: try OutputDirectory(path: Fixtures.scratchFolder(), force: true), log: SilentLog())
            var settings = MapSettings()
            settings.association.maxQ = 1
            settings.writeMatrices = writeMatrices
            let result = try MapStage(settings: settings).run(cohort, in: run)
            let map = try #require(result.associations)
            #expect(result.pairsWritten == map.q.filter { $0 <= 1 }.count)
            #expect(run.stages[0].files == ["map/associations.tsv"] + (writeMatrices ? ["map/associations.h5"] : []))
        }
    }
}
