#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A problem writing results.
public struct OutputError: Error, Equatable, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The `--out` folder. Refuses an existing non-empty folder unless forced, and
/// writes every file under a temporary name first, renaming it into place only
/// when complete, so a crash never leaves a half-written file under a final name; the
/// temporary names are kept in ``PartialFiles`` for an interrupted run to remove.
public struct OutputDirectory: Sendable {
    public let path: String

    public init(path: String, force: Bool) throws {
        self.path = path
        var isDirectory: ObjCBool = false
        let manager = FileManager.default
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw OutputError("--out \(path) exists and is not a folder") }
            let contents = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            if !contents.isEmpty && !force {
                throw OutputError("--out \(path) exists and is not empty: choose a new folder or pass --force to write into it")
            }
        }
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
                throw OutputError("cannot create \(temporary)")
            }
            do {
                try body(handle)
                try handle.synchronize()
                try handle.close()
            } catch {
                try? handle.close()
                throw OutputError("writing \(url(relativePath).path) failed: \(error)")
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
        do {
            try FileManager.default.createDirectory(at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw OutputError("cannot create folder \(final.deletingLastPathComponent().path): \(error.localizedDescription)")
        }
        let temporary = final.deletingLastPathComponent().appendingPathComponent(".\(final.lastPathComponent).partial-\(getpid())").path
        PartialFiles.register(temporary)
        return temporary
    }

    /// Renames a finished temporary file to its final name (removing it on failure).
    public func moveIntoPlace(_ temporary: String, as relativePath: String) throws {
        defer { PartialFiles.unregister(temporary) }
        let final = try destination(relativePath)
        guard rename(temporary, final.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError("cannot move \((temporary as NSString).lastPathComponent) into place as \(final.path): \(reason)")
        }
    }

    /// The final URL of `relativePath`, which must stay inside the folder: relative, no `..`
    /// or empty component, no NUL byte, names of at most 200 bytes (the temporary name adds a
    /// prefix and a suffix within the file system's 255). Every output name is
    /// fixed by rgmap today; this guards any that is ever built from a label.
    func destination(_ relativePath: String) throws -> URL {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard !relativePath.hasPrefix("/"), !relativePath.utf8.contains(0),
              components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && $0.utf8.count <= 200 }) else {
            throw OutputError("refusing to write \(relativePath.quotedForMessage()): output names must stay inside --out \(path)")
        }
        return url(relativePath)
    }

    public func url(_ relativePath: String) -> URL {
        URL(fileURLWithPath: path).appendingPathComponent(relativePath)
    }
}
