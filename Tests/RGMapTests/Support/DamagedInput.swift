import Foundation
import Testing
@testable import RGMap

/// A quick in-process fuzz pass for the text readers: randomly damaged versions of a fixture
/// must either parse or fail with an ``InputError`` (or ``AnalysisError``): never crash, hang or
/// throw anything else.
enum DamagedInput {
    /// Bytes that steer parsers into their edge cases.
    static let interesting: [UInt8] = Array("\t,;\"\n\r.-+eE0123456789NA \u{7F}".utf8) + [0x00, 0xEF, 0xBB, 0xBF, 0xFF, 0x1F, 0x8B]

    /// Parses 300 mutants of the fixture `file` (enough to reach every branch of these small
    /// parsers in a second), each with 1 to 4 random byte edits or cuts drawn from `seed`.
    static func check(_ file: String, seed: UInt64, sourceLocation: SourceLocation = #_sourceLocation,
                      _ parse: (String) throws -> Void) throws {
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(file))))
        var rng = RandomSource(seed: seed)
        let folder = Fixtures.scratchFolder()
        for trial in 0..<300 {
            var bytes = original
            for _ in 0..<(1 + rng.index(4)) {
                switch rng.index(4) {
                case 0 where !bytes.isEmpty: bytes[rng.index(bytes.count)] = interesting[rng.index(interesting.count)]
                case 1 where !bytes.isEmpty: bytes.remove(at: rng.index(bytes.count))
                case 2: bytes.insert(interesting[rng.index(interesting.count)], at: rng.index(bytes.count + 1))
                default: bytes = Array(bytes.prefix(rng.index(bytes.count + 1)))
                }
            }
            let path = folder + "/mutant\(trial)-" + (file as NSString).lastPathComponent
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
            do {
                try parse(path)
            } catch is InputError {
            } catch is AnalysisError {
            } catch {
                Issue.record("\(file) mutant \(trial): unexpected \(type(of: error)): \(error)", sourceLocation: sourceLocation)
            }
        }
    }
}
