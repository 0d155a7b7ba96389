import Foundation

/// SHA-256 digests of input files, computed on a background thread while the inputs are
/// parsed.
public final class InputFingerprints: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var digests: [String: String] = [:]
    private var failure: Error?

    public init(paths: [String]) {
        DispatchQueue.global(qos: .utility).async(group: group) { [self] in
            for path in paths {
                do {
                    let digest = try SHA256.hexDigest(ofFileAt: path)
                    lock.withLock { digests[path] = digest }
                } catch {
                    lock.withLock { failure = error }
                }
            }
        }
    }

    /// The digests by path, once all are computed.
    public func wait() throws -> [String: String] {
        group.wait()
        return try lock.withLock {
            if let failure { throw failure }
            return digests
        }
    }
}
