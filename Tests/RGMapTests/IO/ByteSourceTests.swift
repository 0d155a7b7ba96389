import Foundation
import Testing
@testable import RGMap

@Suite struct ByteSourceTests {
    func readAll(_ path: String) throws -> [UInt8] {
        let source = try ByteSource(path: path)
        var bytes: [UInt8] = []
        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: 7)
        defer { chunk.deallocate() }
        while true {
            let n = try source.read(into: chunk, capacity: 7)
            if n == 0 { break }
            bytes.append(contentsOf: UnsafeBufferPointer(start: chunk, count: n))
        }
        return bytes
    }

    @Test func gunzipsByContentNotName() throws {
        let plain = try readAll(Fixtures.path("formats/omics.tsv"))
        let unzipped = try readAll(Fixtures.path("formats/omics.tsv.gz"))
        #expect(plain == unzipped)
        #expect(try ByteSource(path: Fixtures.path("formats/omics.tsv.gz")).isGzip)
        #expect(try !ByteSource(path: Fixtures.path("formats/omics.tsv")).isGzip)
    }

    @Test func readsConcatenatedGzipMembers() throws {
        let gz = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("formats/omics.tsv.gz")))
        let path = Fixtures.file(named: "twice.tsv.gz", bytes: Array(gz) + Array(gz))
        let single = try readAll(Fixtures.path("formats/omics.tsv"))
        #expect(try readAll(path) == single + single)
    }

    @Test func reportsTruncatedGzip() {
        let error = inputError { _ = try readAll(Fixtures.path("bad/truncated.tsv.gz")) }
        #expect(error?.message.description.hasPrefix("truncated gzip data") == true)
    }

    @Test func refusesMissingFilesAndFolders() {
        #expect(inputError { _ = try ByteSource(path: "/nonexistent/x.tsv") }?.message.description.hasPrefix("cannot open") == true)
        #expect(inputError { _ = try ByteSource(path: Fixtures.root) }?.message == "not a regular file")
    }
}
