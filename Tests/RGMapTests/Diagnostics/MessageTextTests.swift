import Testing
@testable import RGMap

@Suite struct MessageTextTests {
    @Test func pluralsAndQuotedValues() {
        #expect(plural(1, "gene") == "1 gene" && plural(0, "gene") == "0 genes" && plural(2, "sample") == "2 samples")
        #expect("a\tb\nc".quotedForMessage() == "'a\\tb\\nc'")
        #expect(String(repeating: "x", count: 45).quotedForMessage() == "'" + String(repeating: "x", count: 40) + "...'")
        #expect("abcdef".quotedForMessage(limit: 3) == "'abc...'")
    }
}
