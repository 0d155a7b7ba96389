import Foundation
import Testing
@testable import RGMap

@Suite struct EnrichmentSettingsTests {
    @Test func defaultsAreFgseasAndTheUsualSizeRange() {
        let settings = EnrichmentSettings()
        #expect(settings.minSize == 10 && settings.maxSize == 500 && settings.gsea.permutations == 1000 && settings.gsea.sampleSize == 101)
        #expect(settings.gsea.eps == 1e-50 && settings.gseaMaxQ == 1 && settings.rankBy == .r)
    }

    @Test func ranksNameAFileOrAFolderOfRankFiles() throws {
        var settings = EnrichmentSettings()
        #expect(try settings.rankFiles().isEmpty)
        let folder = Fixtures.scratchFolder()
        for name in ["b.rnk", "a.rnk", "notes.txt"] { _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data()) }
        settings.ranks = folder
        #expect(try settings.rankFiles() == [folder + "/a.rnk", folder + "/b.rnk"])
        settings.ranks = folder + "/b.rnk"
        #expect(try settings.rankFiles() == [folder + "/b.rnk"])
    }

    @Test func aMissingFileOrAFolderWithoutRankFilesIsASettingError() throws {
        var settings = EnrichmentSettings()
        settings.ranks = Fixtures.scratchFolder() + "/none"
        let missing = try #require(throws: SettingError.self) { try settings.rankFiles() }
        #expect(missing.setting == .ranks && missing.value == settings.ranks && missing.description.hasSuffix(": no such file or folder"))
        settings.ranks = Fixtures.scratchFolder()
        let empty = try #require(throws: SettingError.self) { try settings.rankFiles() }
        #expect(empty.description.hasSuffix(": the folder holds no .rnk file"))
    }
}
