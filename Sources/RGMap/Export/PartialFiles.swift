#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The temporary files being written right now, so an interrupted run (SIGINT, SIGTERM)
/// can remove them before it exits: finished files sit under their final names, partial
/// ones under none.
public enum PartialFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: Set<String> = []

    static func register(_ path: String) { lock.withLock { _ = paths.insert(path) } }

    static func unregister(_ path: String) { lock.withLock { _ = paths.remove(path) } }

    /// Unlinks every registered file and returns how many there were. Holds the lock to the
    /// end, so no file is renamed into place half-way through.
    @discardableResult
    public static func removeAll() -> Int {
        lock.lock()
        let removed = paths.count
        for path in paths { unlink(path) }
        paths.removeAll()
        // The lock stays taken: the process exits next, and no writer may finish a rename meanwhile.
        return removed
    }
}
