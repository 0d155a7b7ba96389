import Testing
@testable import RGMap

@Suite struct UTF8CheckTests {
    @Test func firstInvalidUTF8ByteIsFoundAfterMultibyteCharacters() {
        let bytes: [UInt8] = Array("µé".utf8) + [0xE2, 0x82] + Array("x".utf8)  // a cut 3-byte sequence
        let found = bytes.withUnsafeBufferPointer { UTF8Check.firstInvalidByte(in: $0) }
        #expect(found == UTF8Check.InvalidByte(offset: 4, byte: 0xE2))
        #expect(Array("naïve".utf8).withUnsafeBufferPointer { UTF8Check.firstInvalidByte(in: $0) } == nil)
    }

    @Test func decodesUTF8AndNamesTheFirstBadByte() throws {
        #expect(try Array("µg/ml – ok".utf8).withUnsafeBufferPointer { try UTF8Check.decode($0) } == "µg/ml – ok")
        let latin1: [UInt8] = [0x6E, 0x61, 0xEF, 0x76, 0x65]  // "naïve" in Latin-1
        #expect(throws: UTF8Check.InvalidByte(offset: 2, byte: 0xEF)) { try latin1.withUnsafeBufferPointer { try UTF8Check.decode($0) } }
        // A lone continuation byte, an overlong encoding of '/', a surrogate: none is UTF-8.
        #expect([0x80].withUnsafeBufferPointer { UTF8Check.firstInvalidByte(in: $0) } == UTF8Check.InvalidByte(offset: 0, byte: 0x80))
        #expect([0x41, 0xC0, 0xAF].withUnsafeBufferPointer { UTF8Check.firstInvalidByte(in: $0) }?.offset == 1)
        #expect([0xED, 0xA0, 0x80].withUnsafeBufferPointer { UTF8Check.firstInvalidByte(in: $0) }?.offset == 0)
        #expect([UInt8]().withUnsafeBufferPointer { UTF8Check.firstInvalidByte(in: $0) } == nil)
    }
}
