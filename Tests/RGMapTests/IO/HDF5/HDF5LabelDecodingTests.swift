import Testing
@testable import RGMap

@Suite struct HDF5LabelDecodingTests {
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

    @Test func ignoresATrailingPartialSlotAndKeepsInnerSpaces() throws {
        let bytes: [UInt8] = Array("a b \0".utf8) + Array("  c ".utf8) + Array("xy".utf8)
        #expect(try bytes.withUnsafeBufferPointer { try HDF5LabelDecoding.fixedWidth($0, width: 5) } == ["a b", "  c x"])
        #expect(try bytes.withUnsafeBufferPointer { try HDF5LabelDecoding.fixedWidth($0, width: 0) } == [])
        #expect(try [UInt8]().withUnsafeBufferPointer { try HDF5LabelDecoding.fixedWidth($0, width: 4) } == [])
    }

    @Test func variableLengthLabelsAreTakenWhole() throws {
        #expect(try Array("µRNA ".utf8).withUnsafeBufferPointer { try HDF5LabelDecoding.label($0, index: 0) } == "µRNA ")
        #expect(throws: HDF5LabelDecoding.InvalidLabel(index: 5, offset: 0, byte: 0xB5)) {
            try [0xB5, 0x52].withUnsafeBufferPointer { try HDF5LabelDecoding.label($0, index: 5) }
        }
    }

    @Test func invalidLabelsSayWhichAndWhereOneBased() {
        #expect(HDF5LabelDecoding.InvalidLabel(index: 5, offset: 0, byte: 0xB5).message
                == "label 6 has byte 0xB5 at position 1, which is not UTF-8: expected UTF-8 text")
    }
}
