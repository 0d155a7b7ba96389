import Testing
@testable import RGMap

@Suite struct MessageTests {
    @Test func interpolatedSettingsAreReferencesTheCallerSpells() {
        let message: Message = "\(setting: .missing, "complete") leaves \(2) samples; use \(setting: .missing, "pairwise")"
        #expect(message.settings == [.missing, .missing])
        #expect(message.description == "missing complete leaves 2 samples; use missing pairwise")
        #expect(message.rendered { "--" + $0.rawValue.uppercased() } == "--MISSING complete leaves 2 samples; use --MISSING pairwise")
    }

    @Test func textRunsAreJoinedAndMessagesConcatenate() {
        let first: Message = "a \(1) b"
        #expect(first.parts == [.text("a 1 b")])
        let joined = first + "; see \(setting: .out)"
        #expect(joined.parts == [.text("a 1 b; see "), .setting(.out, value: nil)])
        #expect(joined.description == "a 1 b; see out")
        #expect(Message("").parts.isEmpty)
    }
}
