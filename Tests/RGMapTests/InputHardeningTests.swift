import Testing
@testable import RGMap

/// The pieces behind the one-line errors of Fixtures/bad, tested on their own.
@Suite struct InputHardeningTests {
    @Test func fixedWidthLabelsHonourEveryPaddingKind() throws {
        // Null-terminated, null-padded, space-padded, and a full-width label with no terminator.
        let bytes: [UInt8] = Array("A\0xy".utf8) + Array("BC\0\0".utf8) + Array("D   ".utf8) + Array("EFGH".utf8) + [0x49]
        let labels = try bytes.withUnsafeBufferPointer { try HDF5LabelDecoding.fixedWidth($0, width: 4) }
        #expect(labels == ["A", "BC", "D", "EFGH"])
    }

    @Test func fixedWidthLabelsRefuseBytesThatAreNotUTF8() {
        let bytes: [UInt8] = Array("TP53".utf8) + [0x61, 0xB5, 0x62, 0x00]
        #expect(throws: HDF5LabelDecoding.InvalidLabel(index: 1, offset: 1, byte: 0xB5)) {
            try bytes.withUnsafeBufferPointer { try HDF5LabelDecoding.fixedWidth($0, width: 4) }
        }
    }

    @Test func firstInvalidUTF8ByteIsFoundAfterMultibyteCharacters() {
        let bytes: [UInt8] = Array("µé".utf8) + [0xE2, 0x82] + Array("x".utf8)  // a cut 3-byte sequence
        let found = bytes.withUnsafeBufferPointer { UTF8Check.firstInvalidByte(in: $0) }
        #expect(found == UTF8Check.InvalidByte(offset: 4, byte: 0xE2))
        #expect(Array("naïve".utf8).withUnsafeBufferPointer { UTF8Check.firstInvalidByte(in: $0) } == nil)
    }

    @Test func decimalCommasAreRecognisedAndNothingElse() {
        for text in ["1,5", "-0,25", "+12,0"] { #expect(CellValue.isDecimalComma(text)) }
        for text in ["1,5,6", ",5", "1,", "a,b", "1.5", "1 5"] { #expect(!CellValue.isDecimalComma(text)) }
        #expect(CellValue.hint(for: "2x") == "")
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
}
