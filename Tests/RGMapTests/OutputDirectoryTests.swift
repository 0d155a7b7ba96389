import Foundation
import Testing
@testable import RGMap

@Suite struct OutputDirectoryTests {
    @Test func refusesANonEmptyFolderUnlessForced() throws {
        let folder = Fixtures.scratchFolder()
        _ = FileManager.default.createFile(atPath: folder + "/old.txt", contents: Data("x".utf8))
        #expect(throws: OutputError("--out \(folder) exists and is not empty: choose a new folder or pass --force to write into it")) {
            try OutputDirectory(path: folder, force: false)
        }
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
}
