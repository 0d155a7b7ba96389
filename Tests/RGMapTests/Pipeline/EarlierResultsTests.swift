import Foundation
import Testing
@testable import RGMap

@Suite struct EarlierResultsTests {
    /// A folder holding an earlier run's map/associations.h5 and network/modules.tsv.
    static func earlierRun() throws -> String {
        let folder = Fixtures.scratchFolder()
        let output = try OutputDirectory(path: folder, force: true)
        let map = SmallMap.make()
        let matrices = try AssociationMatrixFile(output: output)
        try matrices.finish(map)
        try output.write("network/modules.tsv", data: Data("gene\tmodule\tcolor\nA\t1\tturquoise\nB\t1\tturquoise\nC\t0\tgrey\n".utf8))
        return folder
    }

    @Test func readsTheModulesAndTheMapQueriesAsTheMapInMemoryGivesThem() throws {
        let folder = try Self.earlierRun()
        let log = RecordingLog()
        var settings = EnrichmentSettings()
        settings.rankBy = .t
        let earlier = try EarlierResults.read(folder: folder, settings: settings, log: log)
        #expect(earlier.modules?.genes == ["A", "B", "C"] && earlier.modules?.labels == [1, 1, 0])
        #expect(earlier.files.map(\.role) == ["map", "modules"] && earlier.folder == folder)
        let stored = try #require(earlier.map)
        let memory = AssociationQueries(SmallMap.make(), rankBy: .t, listCut: settings.oraQ)
        #expect(stored.positive == memory.positive && stored.negative == memory.negative)
        #expect(sameValues(stored.scores, memory.scores))
        #expect(log.notes.last?.description == "modules: 1 modules over 3 genes from \(folder)/network/modules.tsv")
    }

    @Test func aFolderWithoutResultsOrNoFolderIsAnError() throws {
        let missing = Fixtures.scratchFolder() + "/nowhere"
        let notFolder = try #require(throws: SettingError.self) {
            try EarlierResults.read(folder: missing, settings: EnrichmentSettings(), log: SilentLog())
        }
        #expect(notFolder.setting == .from && notFolder.value == missing)
        let empty = Fixtures.scratchFolder()
        let nothing = try #require(throws: AnalysisError.self) {
            try EarlierResults.read(folder: empty, settings: EnrichmentSettings(), log: SilentLog())
        }
        #expect(nothing.kind == .missingResults && nothing.message.settings == [.from])
    }
}
