import Foundation
import Testing
@testable import RGMap

@Suite struct EnrichmentStageTests {
    /// Three sets over the small map's genes and more.
    static let sets: GeneSetCollection = {
        let path = Fixtures.file(named: "sets.gmt", "S1\tfirst\tA\tB\tX\nS2\tsecond\tC\tD\tY\nS3\tthird\tA\tC\tE\n")
        return try! GMTReader.read(path: path)
    }()

    static func settings() -> EnrichmentSettings {
        var settings = EnrichmentSettings()
        (settings.minSize, settings.maxSize) = (1, 10)
        settings.gsea.permutations = 50
        return settings
    }

    @Test func testsModulesAndTheMapsFeaturesAndSaysWhatItRead() throws {
        let folder = Fixtures.scratchFolder()
        let run = RunContext(output: try OutputDirectory(path: folder, force: true), log: SilentLog())
        var settings = Self.settings()
        let list = Fixtures.file(named: "list.txt", "B\nC\nZ\n")
        settings.geneLists = [list]
        let earlier = EarlierResults(modules: (["A", "B", "C"], [1, 1, 0]),
                                     map: AssociationQueries(SmallMap.make(), rankBy: .r, listCut: 0.05))
        let result = try EnrichmentStage(settings: settings).run(earlier, collection: Self.sets, omicsGenes: SmallMap.genes, in: run)
        #expect(result.report.universeSource == "genes of the omics table after preprocessing" && result.report.universeSize == 5)
        // M1, f1:positive, f1:negative, f2:negative and the list.
        #expect(result.report.oraQueries == 5 && result.report.gseaLists == 2)
        #expect(result.files.map(\.role) == ["gene-list"])
        #expect(run.stages.map(\.files) == [["enrichment/ora.tsv", "enrichment/gsea.tsv", "enrichment/universe.txt"]])
        let queries = Set(try Fixtures.rows(atPath: folder + "/enrichment/ora.tsv").dropFirst().map { $0[0] })
        #expect(queries == ["M1", "f1:positive", "f1:negative", "f2:negative", "list"])
    }

    @Test func theUniverseIsTheFileElseTheOmicsElseTheMapElseTheModulesElseTheSets() throws {
        func universe(_ earlier: EarlierResults, omics: [String]?, file: String? = nil) throws -> String {
            var settings = Self.settings()
            (settings.universe, settings.runGSEA) = (file, false)
            let run = RunContext(output: try OutputDirectory(path: Fixtures.scratchFolder(), force: true), log: SilentLog())
            return try EnrichmentStage(settings: settings).run(earlier, collection: Self.sets, omicsGenes: omics, in: run).report.universeSource
        }
        let file = Fixtures.file(named: "universe.txt", "A\nB\n")
        let map = AssociationQueries(SmallMap.make(), rankBy: nil, listCut: 0.05)
        #expect(try universe(EarlierResults(map: map), omics: ["A"], file: file) == "the universe file \(file)")
        #expect(try universe(EarlierResults(map: map), omics: ["A"]) == "genes of the omics table after preprocessing")
        #expect(try universe(EarlierResults(map: map), omics: nil) == "genes of the association map in the output folder")
        #expect(try universe(EarlierResults(modules: (["A"], [1])), omics: nil) == "genes of the network in the output folder")
        #expect(try universe(EarlierResults(), omics: nil) == "genes of the gene-set file")
    }
}
