import Testing
@testable import RGMap

@Suite struct DelimiterTests {
    @Test func detectsTheDelimiter() throws {
        #expect(Delimiter.implied(byName: "x.csv.gz") == .comma)
        #expect(Delimiter.implied(byName: "x.TSV") == .tab)
        #expect(Delimiter.implied(byName: "x.txt") == nil)
        #expect(try Delimiter.detect(path: Fixtures.file(named: "a.txt", "g;s1;s2\nx;1;2\n")).0 == .semicolon)
        #expect(try Delimiter.detect(path: Fixtures.file(named: "b.txt", "\"a,b\"\tc\td\n")).0 == .tab)
        #expect(try Delimiter.detect(path: Fixtures.file(named: "c.txt", "a,b,c\n")).0 == .comma)
    }

    @Test func semicolonSeparatedCSVIsDetectedByContent() throws {
        let path = Fixtures.scratchFolder() + "/european.csv"
        try "ID;f1;f2\nP1;1,5;2\n".write(toFile: path, atomically: true, encoding: .utf8)
        let (delimiter, rule) = try Delimiter.detect(path: path)
        #expect(delimiter == .semicolon && rule.contains("semicolons"))
        try "ID,f1,f2\nP1,1;5,2\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Delimiter.detect(path: path).0 == .comma)
    }

    @Test func fieldCountsIgnoreDelimitersInsideQuotes() {
        let line = Array("a,\"b,c\",d\ne,f".utf8)
        #expect(line.withUnsafeBufferPointer { Delimiter.fieldCount(of: $0, splitBy: .comma) } == 3)
        #expect(line.withUnsafeBufferPointer { Delimiter.fieldCount(of: $0, splitBy: .tab) } == 1)
    }

    @Test func namesAndFileNames() {
        #expect(Delimiter.allCases.map(\.name) == ["tab", "comma", "semicolon"])
        for name in ["a.tab", "b.maf.gz", "c.gmt", "d.rnk", "E.TSV.GZ"] { #expect(Delimiter.implied(byName: name) == .tab, "\(name)") }
        #expect(Delimiter.implied(byName: "x.gz") == nil && Delimiter.implied(byName: "csv") == nil)
    }

    @Test func mostFrequentDelimiterOfTheFirstLineOutsideQuotes() {
        func most(_ text: String) -> Delimiter { Array(text.utf8).withUnsafeBufferPointer { Delimiter.mostFrequent(inFirstLineOf: $0) } }
        #expect(most("a;b;c,d\n1,2,3,4,5,6\n") == .semicolon)   // only the first line counts
        #expect(most("\"a;b;c\",d,e\n") == .comma)               // semicolons in quotes do not
        #expect(most("one column\n") == .tab)                    // none: tab
    }

    @Test func skipsCommentLinesBeforeDecidingByContent() throws {
        let path = Fixtures.file(named: "calls.txt", "#version 2.4;a;b;c\n#x,y,z,w\nHugo_Symbol\tTumor_Sample_Barcode\nTP53\tS1\n")
        let (delimiter, rule) = try Delimiter.detect(path: path, commentByte: UInt8(ascii: "#"))
        #expect(delimiter == .tab && rule == "content")
        #expect(try Delimiter.detect(path: path).0 == .semicolon)  // without the comment byte the first line decides
        #expect(try Delimiter.detect(path: Fixtures.file(named: "x.maf", "a,b,c\n")) == (.tab, "file name"))
    }
}
