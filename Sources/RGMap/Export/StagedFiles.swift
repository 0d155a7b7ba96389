#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The files of the stage being written into an output folder, kept under their
/// temporary names until the stage ends: then all are moved to their final names
/// together, or, when the stage failed, all are removed, with the folders the stage
/// created. Outside a stage a finished file is moved into place at once.
final class StagedFiles: @unchecked Sendable {
    private let lock = NSLock()
    /// Temporary paths handed out while the stage was open, finished or not.
    private var issued: [String] = []
    /// Finished files of the open stage: temporary path and final path, in order.
    private var pending: [(temporary: String, final: String, relative: String)] = []
    /// Folders created while the stage was open, outermost first.
    private var createdFolders: [String] = []
    private(set) var isOpen = false

    func open() {
        lock.withLock {
            precondition(!isOpen, "stages of one output folder do not nest")
            isOpen = true
        }
    }

    /// Records a temporary path handed out to a writer.
    func issued(_ temporary: String) {
        lock.withLock { if isOpen { issued.append(temporary) } }
    }

    /// Records a folder that did not exist before the stage.
    func created(folder: String) {
        lock.withLock { if isOpen { createdFolders.append(folder) } }
    }

    /// Keeps a finished file for the end of the stage; false when no stage is open.
    func hold(_ temporary: String, as final: String, relative: String) -> Bool {
        lock.withLock {
            guard isOpen else { return false }
            pending.append((temporary, final, relative))
            return true
        }
    }

    /// Ends the stage: moves every held file into place and returns their relative paths.
    /// If a move fails, the files moved so far are removed again with the rest, so the stage
    /// leaves none of its files.
    func commit() throws -> [String] {
        let (files, folders) = lock.withLock { () -> ([(temporary: String, final: String, relative: String)], [String]) in
            defer { reset() }
            return (pending, createdFolders)
        }
        for (index, file) in files.enumerated() {
            defer { PartialFiles.unregister(file.temporary) }
            guard rename(file.temporary, file.final) == 0 else {
                let reason = String(cString: strerror(errno))
                for earlier in files[..<index] { unlink(earlier.final) }
                for later in files[index...] { unlink(later.temporary); PartialFiles.unregister(later.temporary) }
                for folder in folders.reversed() { rmdir(folder) }
                throw OutputError(path: file.final, "cannot move \((file.temporary as NSString).lastPathComponent) into place as \(file.final): \(reason)")
            }
        }
        return files.map(\.relative)
    }

    /// Ends a failed stage: removes every file it began and the folders it created.
    func abandon() {
        let (files, folders) = lock.withLock { () -> ([String], [String]) in
            defer { reset() }
            return (issued, createdFolders)
        }
        for file in files {
            unlink(file)
            PartialFiles.unregister(file)
        }
        // Innermost first; a folder that is not empty (another writer's files) stays.
        for folder in folders.reversed() { rmdir(folder) }
    }

    /// Called with the lock held.
    private func reset() {
        issued = []
        pending = []
        createdFolders = []
        isOpen = false
    }
}
