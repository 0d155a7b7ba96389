#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The folder results go to. Refuses an existing non-empty folder unless forced, and
/// writes every file under a temporary name first, renaming it into place only when
/// complete, so a crash never leaves a half-written file under a final name; the
/// temporary names are kept in ``PartialFiles`` for an interrupted run to remove.
///
/// Inside ``stage(_:)`` finished files wait under their temporary names until the stage
/// ends, and are then renamed together; a stage that fails leaves none of its files.
public struct OutputDirectory: Sendable {
    public let path: String
    private let staged = StagedFiles()

    /// Final paths whose writing fails on purpose, to test that a failing writer leaves
    /// nothing behind (only through ``withInjectedFailure(at:_:)``).
    nonisolated(unsafe) private static var injectedFailures: Set<String> = []
    private static let injectionLock = NSLock()

    /// Runs `body` with the writing of the file whose final path is `path` failing (an
    /// ``OutputError`` when it is moved into place), for tests of what a failure leaves.
    static func withInjectedFailure<T>(at path: String, _ body: () throws -> T) rethrows -> T {
        injectionLock.withLock { _ = injectedFailures.insert(path) }
        defer { injectionLock.withLock { _ = injectedFailures.remove(path) } }
        return try body()
    }

    public init(path: String, force: Bool) throws {
        self.path = path
        var isDirectory: ObjCBool = false
        let manager = FileManager.default
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw OutputError(path: path, "\(setting: .out, path) exists and is not a folder") }
            let contents = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            if !contents.isEmpty && !force {
                throw OutputError(path: path, "\(setting: .out, path) exists and is not empty: choose a new folder or pass \(setting: .force) to write into it")
            }
        }
    }

    /// Runs `body` as one stage and returns its value and the files it wrote (paths
    /// relative to the folder, in the order they were finished). The files appear under
    /// their final names together once `body` has returned; if `body` throws, every file
    /// it began is removed, with the folders it created, and the error is rethrown.
    public func stage<T>(_ body: () throws -> T) throws -> (value: T, files: [String]) {
        staged.open()
        let value: T
        do {
            value = try body()
        } catch {
            staged.abandon()
            throw error
        }
        return (value, try staged.commit())
    }

    /// Writes `data` to `relativePath` (folders created as needed), atomically.
    public func write(_ relativePath: String, data: Data) throws {
        try write(relativePath) { handle in try handle.write(contentsOf: data) }
    }

    /// Streams a file to `relativePath` through `body`, atomically.
    public func write(_ relativePath: String, body: (FileHandle) throws -> Void) throws {
        try writeByName(relativePath) { temporary in
            guard FileManager.default.createFile(atPath: temporary, contents: nil),
                  let handle = FileHandle(forWritingAtPath: temporary) else {
                throw OutputError(path: temporary, "cannot create \(temporary)")
            }
            do {
                try body(handle)
                try handle.synchronize()
                try handle.close()
            } catch {
                try? handle.close()
                throw OutputError(path: url(relativePath).path, "writing \(url(relativePath).path) failed: \(error)")
            }
        }
    }

    /// Writes to a temporary path chosen here and renames it to `relativePath` once
    /// `body` returns (for writers, such as HDF5, that open files by name).
    public func writeByName(_ relativePath: String, body: (String) throws -> Void) throws {
        let temporary = try temporaryPath(for: relativePath)
        do {
            try body(temporary)
        } catch {
            unlink(temporary)
            PartialFiles.unregister(temporary)
            throw error
        }
        try moveIntoPlace(temporary, as: relativePath)
    }

    /// The temporary name a file is written under before it is moved to `relativePath`
    /// (its folder is created).
    public func temporaryPath(for relativePath: String) throws -> String {
        let final = try destination(relativePath)
        try createFolder(final.deletingLastPathComponent())
        let temporary = final.deletingLastPathComponent().appendingPathComponent(".\(final.lastPathComponent).partial-\(getpid())").path
        PartialFiles.register(temporary)
        staged.issued(temporary)
        return temporary
    }

    /// Moves a finished temporary file to its final name (removing it on failure); inside a
    /// stage, when the stage ends.
    public func moveIntoPlace(_ temporary: String, as relativePath: String) throws {
        let final = try destination(relativePath)
        if Self.injectionLock.withLock({ Self.injectedFailures.contains(final.path) }) {
            unlink(temporary)
            PartialFiles.unregister(temporary)
            throw OutputError(path: final.path, "writing \(final.path) failed: injected failure")
        }
        if staged.hold(temporary, as: final.path, relative: relativePath) { return }
        defer { PartialFiles.unregister(temporary) }
        guard rename(temporary, final.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError(path: final.path, "cannot move \((temporary as NSString).lastPathComponent) into place as \(final.path): \(reason)")
        }
    }

    /// Creates `folder` and its missing parents, recording each for a stage to remove.
    private func createFolder(_ folder: URL) throws {
        var missing: [URL] = []
        var current = folder
        while !FileManager.default.fileExists(atPath: current.path), current.path != "/" {
            missing.append(current)
            current = current.deletingLastPathComponent()
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: folder.path, "cannot create folder \(folder.path): \(error.localizedDescription)")
        }
        for created in missing.reversed() { staged.created(folder: created.path) }
    }

    /// The final URL of `relativePath`, which must stay inside the folder: relative, no `..`
    /// or empty component, no NUL byte, names of at most 200 bytes (the temporary name adds a
    /// prefix and a suffix within the file system's 255). Every output name is
    /// fixed by rgmap today; this guards any that is ever built from a label.
    func destination(_ relativePath: String) throws -> URL {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard !relativePath.hasPrefix("/"), !relativePath.utf8.contains(0),
              components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && $0.utf8.count <= 200 }) else {
            throw OutputError(path: relativePath, "refusing to write \(relativePath.quotedForMessage()): output names must stay inside \(setting: .out, path)")
        }
        return url(relativePath)
    }

    public func url(_ relativePath: String) -> URL {
        URL(fileURLWithPath: path).appendingPathComponent(relativePath)
    }
}
