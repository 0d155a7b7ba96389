import Foundation
import Testing
@testable import RGMap

/// The files of an open stage: held under their temporary names, moved together on commit,
/// removed with the stage's folders on abandon.
@Suite struct StagedFilesTests {
    static func touch(_ path: String, _ text: String = "x") { _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) }
    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    @Test func outsideAStageNothingIsHeld() {
        let staged = StagedFiles()
        #expect(!staged.isOpen)
        #expect(!staged.hold("/tmp/a.partial", as: "/tmp/a", relative: "a"))
    }

    @Test func commitMovesEveryHeldFileInOrderAndCloses() throws {
        let folder = Fixtures.scratchFolder()
        let staged = StagedFiles()
        staged.open()
        #expect(staged.isOpen)
        for name in ["b", "a", "c"] {
            Self.touch("\(folder)/.\(name).partial", name)
            staged.issued("\(folder)/.\(name).partial")
            #expect(staged.hold("\(folder)/.\(name).partial", as: "\(folder)/\(name)", relative: "sub/\(name)"))
        }
        #expect(!Self.exists(folder + "/a"), "held files wait under their temporary names")
        #expect(try staged.commit() == ["sub/b", "sub/a", "sub/c"])
        #expect(!staged.isOpen)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["a", "b", "c"])
        #expect(try String(contentsOfFile: folder + "/b", encoding: .utf8) == "b")
        // The next stage starts empty.
        staged.open()
        #expect(try staged.commit() == [])
    }

    @Test func aFailedMoveLeavesNoneOfTheStagesFiles() throws {
        let folder = Fixtures.scratchFolder()
        let staged = StagedFiles()
        staged.open()
        try FileManager.default.createDirectory(atPath: folder + "/made", withIntermediateDirectories: false)
        staged.created(folder: folder + "/made")
        Self.touch(folder + "/.a.partial")
        Self.touch(folder + "/.b.partial")
        Self.touch(folder + "/.c.partial")
        _ = staged.hold(folder + "/.a.partial", as: folder + "/a", relative: "a")
        _ = staged.hold(folder + "/.b.partial", as: folder + "/missing/b", relative: "missing/b")  // its folder does not exist
        _ = staged.hold(folder + "/.c.partial", as: folder + "/c", relative: "c")
        let error = try #require(throws: OutputError.self) { try staged.commit() }
        #expect(error.path == folder + "/missing/b")
        // "a" was moved before "b" failed: it is removed again, with the folder the stage made.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
        #expect(!staged.isOpen)
    }

    @Test func abandonRemovesEveryIssuedFileAndTheCreatedFoldersInnermostFirst() throws {
        let folder = Fixtures.scratchFolder()
        try FileManager.default.createDirectory(atPath: folder + "/old", withIntermediateDirectories: true)
        let staged = StagedFiles()
        staged.open()
        try FileManager.default.createDirectory(atPath: folder + "/new/deep", withIntermediateDirectories: true)
        staged.created(folder: folder + "/new")
        staged.created(folder: folder + "/new/deep")
        try FileManager.default.createDirectory(atPath: folder + "/kept", withIntermediateDirectories: true)
        staged.created(folder: folder + "/kept")
        Self.touch(folder + "/kept/another-writers-file")
        for path in ["/new/deep/.x.partial", "/old/.y.partial", "/.z.partial"] {
            Self.touch(folder + path)
            staged.issued(folder + path)
        }
        _ = staged.hold(folder + "/.z.partial", as: folder + "/z", relative: "z")
        staged.issued(folder + "/.never-created.partial")
        staged.abandon()
        #expect(!staged.isOpen)
        // The stage's files and empty folders are gone; a folder that was there before, or holds another file, stays.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["kept", "old"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/old").isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/kept") == ["another-writers-file"])
    }

    @Test func filesAndFoldersOutsideAStageAreNotRecorded() throws {
        let folder = Fixtures.scratchFolder()
        let staged = StagedFiles()
        Self.touch(folder + "/.early.partial")
        staged.issued(folder + "/.early.partial")
        try FileManager.default.createDirectory(atPath: folder + "/early", withIntermediateDirectories: true)
        staged.created(folder: folder + "/early")
        staged.open()
        staged.abandon()
        #expect(Self.exists(folder + "/.early.partial") && Self.exists(folder + "/early"))
    }
}
