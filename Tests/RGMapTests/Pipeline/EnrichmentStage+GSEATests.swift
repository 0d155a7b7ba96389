import Foundation
import Testing
@testable import RGMap

@Suite struct EnrichmentStageGSEATests {
    func gsea(_ settings: EnrichmentSettings, map: AssociationQueries?) throws -> (result: EnrichmentResult, log: RecordingLog, folder: String) {
        let folder = Fixtures.scratchFolder(), log = RecordingLog()
        let run = RunContext(output: try OutputDirectory(path: folder, force: true), log: log)
        var settings = settings
        settings.runORA = false
        let result = try EnrichmentStage(settings: settings).run(EarlierResults(map: map), collection: EnrichmentStageTests.sets,
                                                                 omicsGenes: nil, in: run)
        return (result, log, folder)
    }

    @Test func rankFilesFollowTheFeaturesOnTheirOwnGenes() throws {
        var settings = EnrichmentStageTests.settings()
        settings.ranks = Fixtures.file(named: "own.rnk", "A\t2.5\nC\t1.0\nX\t-0.5\nD\t-2.0\n")
        let (result, _, folder) = try gsea(settings, map: AssociationQueries(SmallMap.make(), rankBy: .r, listCut: nil))
        #expect(result.report.gseaLists == 3 && result.files.map(\.role) == ["ranks"])
        let lists = try Fixtures.rows(atPath: folder + "/enrichment/gsea.tsv").dropFirst().map { $0[0] }
        #expect(lists.indices.filter { $0 == 0 || lists[$0] != lists[$0 - 1] }.map { lists[$0] } == ["f1", "f2", "own"])
    }

    @Test func withoutAnyRankedListNothingIsWrittenAndTheLogSaysWhy() throws {
        let (result, log, folder) = try gsea(EnrichmentStageTests.settings(), map: nil)
        #expect(result.report.gseaLists == 0)
        #expect(!FileManager.default.fileExists(atPath: folder + "/enrichment/gsea.tsv"))
        #expect(log.notes.map(\.description).contains("GSEA: no ranked lists (no map, no ranked list files); gsea.tsv not written"))
    }

    @Test func tooFewPermutationsOfASignAreAWarningNamingThePermutations() throws {
        var settings = EnrichmentStageTests.settings()
        settings.gsea.permutations = 3
        let (_, log, _) = try gsea(settings, map: AssociationQueries(SmallMap.make(), rankBy: .r, listCut: nil))
        #expect(log.warnings.contains { $0.settings == [.permutations] })
    }
}
