import Testing
@testable import RGMap

@Suite struct SHA256Tests {
    func hex(_ text: String) -> String {
        var hasher = SHA256()
        hasher.update(Array(text.utf8))
        return hasher.finalizeHex()
    }

    // FIPS 180-4 example vectors.
    @Test func matchesPublishedVectors() {
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func hashesAMillionBytesFedInOddPieces() {
        var hasher = SHA256()
        let piece = [UInt8](repeating: 0x61, count: 999)
        for _ in 0..<1001 { hasher.update(piece) }
        hasher.update([UInt8](repeating: 0x61, count: 1_000_000 - 999 * 1001))
        #expect(hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func hashesFiles() throws {
        let path = Fixtures.file(named: "abc.txt", "abc")
        #expect(try SHA256.hexDigest(ofFileAt: path) == hex("abc"))
    }
}
