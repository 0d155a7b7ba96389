import Foundation
import Testing

/// The user guide keeps up with the command line: every flag of every command is named in it.
@Suite struct DocumentationTests {
    static let commands = ["inspect", "map", "modules", "enrich", "run", "demo", "simulate"]

    /// The long flag names of a command, from ArgumentParser's own description of it.
    static func flags(of command: String) throws -> [String] {
        let result = try CommandRunner.run([command, "--experimental-dump-help"])
        let dump = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let arguments = (dump["command"] as! [String: Any])["arguments"] as? [[String: Any]] ?? []
        return arguments.compactMap { argument in
            (argument["names"] as? [[String: String]])?.first { $0["kind"] == "long" }?["name"]
        }.filter { !["help", "version"].contains($0) }
    }

    @Test(arguments: commands)
    func everyFlagIsInTheGuide(_ command: String) throws {
        let guide = try String(contentsOfFile: Fixtures.repository + "/docs/guide.md", encoding: .utf8)
        let flags = try Self.flags(of: command)
        #expect(!flags.isEmpty)
        for flag in flags {
            #expect(guide.contains("--\(flag)"), "rgmap \(command) --\(flag) is not in docs/guide.md")
        }
    }
}
