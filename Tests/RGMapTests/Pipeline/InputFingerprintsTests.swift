import Foundation
import Testing
@testable import RGMap

@Suite struct InputFingerprintsTests {
    @Test func everyFileGetsItsSHA256() throws {
        let a = Fixtures.file(named: "a.txt", "abc"), b = Fixtures.file(named: "b.txt", "")
        let digests = try InputFingerprints(paths: [a, b]).wait()
        // FIPS 180-2's test vector for "abc", and the digest of the empty message.
        #expect(digests[a] == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(digests[b] == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func anUnreadableFileIsReportedWhenTheDigestsAreAskedFor() {
        let fingerprints = InputFingerprints(paths: [Fixtures.scratchFolder() + "/missing.tsv"])
        #expect(throws: InputError.self) { try fingerprints.wait() }
    }
}
