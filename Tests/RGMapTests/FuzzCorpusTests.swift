import Foundation
import Testing
@_spi(Fuzzing) @testable import RGMap

/// Every seed of `make fuzz` and every input that once crashed a parser (`crash-*`), run through
/// the same harness the fuzzer drives: a regression is a trap here.
@Suite struct FuzzCorpusTests {
    static let targets = FuzzHarness.Target.allCases

    @Test(arguments: targets)
    func corpusRunsWithoutACrash(_ target: FuzzHarness.Target) throws {
        let folder = Fixtures.path("fuzz/\(target.rawValue)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names.count >= 4)
        let scratch = Fixtures.scratchFolder() + "/input"
        for name in names {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            data.withUnsafeBytes { FuzzHarness.run(target, $0, scratchPath: scratch) }
        }
    }

    @Test func serialAndParallelParsesAgreeOnABlankLineAtACut() throws {
        // Parts are cut at line breaks; a blank line right after a cut leaves a gap to close.
        let path = Fixtures.scratchFolder() + "/blank.tsv"
        var text = "gene\tS1\tS2\n"
        for i in 0..<40 { text += "G\(i)\t\(i)\t\(i * 2)\n" + (i % 7 == 0 ? "\n" : "") }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let serial = try NumericTableReader.read(path: path, parts: 1)
        let parallel = try NumericTableReader.read(path: path, parts: 3, parallelAbove: 0)
        #expect(serial.matrix == parallel.matrix && serial.rowLines == parallel.rowLines)
    }
}
