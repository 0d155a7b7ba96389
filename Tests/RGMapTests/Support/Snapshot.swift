import Foundation
import Testing

/// Golden text files in Fixtures/expected. A mismatch fails; with RGMAP_RECORD=1 the
/// file is rewritten from the actual text and the test still fails, so a recording
/// never passes silently.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/expected")

    static func assert(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RGMAP_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record("recorded \(name); run again without RGMAP_RECORD", sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "differs from Fixtures/expected/\(name)", sourceLocation: sourceLocation)
    }
}
