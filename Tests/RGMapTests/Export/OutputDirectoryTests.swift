import Foundation
import Testing
@testable import RGMap

@Suite struct OutputDirectoryTests {
    @Test func refusesANonEmptyFolderUnlessForced() throws {
        let folder = Fixtures.scratchFolder()
        _ = FileManager.default.createFile(atPath: folder + "/old.txt", contents: Data("x".utf8))
        let error = try #require(throws: OutputError.self) { try OutputDirectory(path: folder, force: false) }
        #expect(error.path == folder && error.message.settings == [.out, .force])
        #expect(error.description == "out \(folder) exists and is not empty: choose a new folder or pass force to write into it")
        _ = try OutputDirectory(path: folder, force: true)
    }

    @Test func leavesNoPartialFileWhenAWriteFails() throws {
        let folder = Fixtures.scratchFolder()
        let output = try OutputDirectory(path: folder, force: false)
        struct Interrupted: Error {}
        #expect(throws: OutputError.self) {
            try output.write("sub/result.tsv") { handle in
                try handle.write(contentsOf: Data("half".utf8))
                throw Interrupted()
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/sub").isEmpty)
        try output.write("sub/result.tsv", data: Data("whole\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/sub") == ["result.tsv"])
    }

    @Test func neverWritesOutsideTheFolder() throws {
        let parent = Fixtures.scratchFolder()
        let output = try OutputDirectory(path: parent + "/out", force: false)
        for name in ["../escaped.tsv", "/tmp/escaped.tsv", "a/../../escaped.tsv", "a//b.tsv", "./a.tsv", "a\0b.tsv",
                     String(repeating: "x", count: 201) + ".tsv"] {
            #expect(throws: OutputError.self) { try output.write(name, data: Data("x".utf8)) }
            #expect(throws: OutputError.self) { try output.temporaryPath(for: name) }
        }
        #expect(!FileManager.default.fileExists(atPath: parent + "/escaped.tsv"))
        #expect(!FileManager.default.fileExists(atPath: parent + "/out"))
    }

    static func files(_ folder: String) -> [String] { ExampleRun.files(under: folder) }

    @Test func aStagesFilesAppearTogetherWhenItReturns() throws {
        let folder = Fixtures.scratchFolder()
        let output = try OutputDirectory(path: folder, force: false)
        let (value, written) = try output.stage { () -> Int in
            try output.write("map/associations.tsv", data: Data("a\n".utf8))
            try output.writeByName("map/associations.h5") { try Data("h5".utf8).write(to: URL(fileURLWithPath: $0)) }
            // Finished, but still under their temporary names (".<name>.partial-<pid>" beside the final name).
            #expect(Self.files(folder) == [".associations.h5.partial-\(getpid())", ".associations.tsv.partial-\(getpid())"].map { "map/" + $0 })
            return 7
        }
        #expect(value == 7 && written == ["map/associations.tsv", "map/associations.h5"])
        #expect(Self.files(folder) == ["map/associations.h5", "map/associations.tsv"])
        #expect(try String(contentsOfFile: folder + "/map/associations.tsv", encoding: .utf8) == "a\n")
    }

    @Test func aStageThatThrowsLeavesNoneOfItsFilesNorItsFolders() throws {
        let folder = Fixtures.scratchFolder()
        let output = try OutputDirectory(path: folder, force: false)
        try output.write("network/soft_threshold.tsv", data: Data("kept\n".utf8))
        struct Failed: Error {}
        #expect(throws: Failed.self) {
            try output.stage {
                try output.write("network/modules.tsv", data: Data("m\n".utf8))
                try output.write("heatmap/gene_tree/colors.tsv", data: Data("c\n".utf8))
                _ = try output.temporaryPath(for: "heatmap/gene_tree/block1.nwk")  // begun, never finished
                throw Failed()
            }
        }
        // The earlier file and its folder stay; the stage's files and the folders it created are gone.
        #expect(Self.files(folder) == ["network/soft_threshold.tsv"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["network"])
        // The folder works for the next stage.
        let (_, written) = try output.stage { try output.write("heatmap/modules.tsv", data: Data()) }
        #expect(written == ["heatmap/modules.tsv"] && Self.files(folder) == ["heatmap/modules.tsv", "network/soft_threshold.tsv"])
    }

    @Test func outsideAStageAFileIsMovedIntoPlaceAtOnce() throws {
        let folder = Fixtures.scratchFolder()
        let output = try OutputDirectory(path: folder, force: false)
        try output.write("manifest.json", data: Data("{}".utf8))
        #expect(Self.files(folder) == ["manifest.json"])
        let temporary = try output.temporaryPath(for: "deep/er/x.bin")
        #expect(temporary == folder + "/deep/er/.x.bin.partial-\(getpid())")
        _ = FileManager.default.createFile(atPath: temporary, contents: Data([1, 2]))
        try output.moveIntoPlace(temporary, as: "deep/er/x.bin")
        #expect(Self.files(folder) == ["deep/er/x.bin", "manifest.json"])
    }

    @Test func aFailedWriterInsideAStageFailsTheStage() throws {
        let folder = Fixtures.scratchFolder()
        let output = try OutputDirectory(path: folder, force: false)
        struct Broken: Error {}
        #expect(throws: Broken.self) {
            try output.stage {
                try output.write("a.tsv", data: Data("a".utf8))
                try output.writeByName("b.h5") { _ in throw Broken() }
            }
        }
        #expect(Self.files(folder).isEmpty)
    }
}
