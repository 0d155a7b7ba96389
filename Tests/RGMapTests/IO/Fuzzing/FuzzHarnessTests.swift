import Foundation
import Testing
@_spi(Fuzzing) @testable import RGMap

/// Every seed of `make fuzz` and every input that once crashed a parser (`crash-*`), run through
/// the same harness the fuzzer drives: a regression is a trap here.
@Suite struct FuzzHarnessTests {
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

    /// A text reader and a fixture it reads: 300 damaged versions of the fixture must parse or
    /// fail with a located error, never crash (``DamagedInput``), as the fuzzer checks at length.
    struct DamagedCase: Sendable, CustomTestStringConvertible {
        var file: String
        var seed: UInt64
        var read: @Sendable (String) throws -> Void
        var testDescription: String { file }
    }

    static let damagedCases = [
        DamagedCase(file: "formats/omics.tsv", seed: 1) { _ = try NumericTableReader.read(path: $0) },
        DamagedCase(file: "formats/omics_samples_in_rows.csv", seed: 2) { _ = try NumericTableReader.read(path: $0) },
        DamagedCase(file: "formats/omics.tsv.gz", seed: 7) { _ = try NumericTableReader.read(path: $0) },
        DamagedCase(file: "formats/features_pyradiomics.csv", seed: 3) { _ = try FeatureTableReader.read(path: $0) },
        DamagedCase(file: "formats/covariates.tsv", seed: 4) { _ = try TextTableReader.read(path: $0) },
        DamagedCase(file: "formats/mutations.maf", seed: 5) { _ = try MAFReader.read(path: $0) },
        DamagedCase(file: "formats/genesets.gmt", seed: 6) { _ = try GMTReader.read(path: $0) },
    ]

    @Test(arguments: damagedCases)
    func damagedInputNeverCrashesAReader(_ damaged: DamagedCase) throws {
        try DamagedInput.check(damaged.file, seed: damaged.seed, damaged.read)
    }

    @Test func tableInputsChooseTheirFileSuffixByTheFirstByte() throws {
        // The first byte picks .tsv, .csv or .txt (its value modulo 3); the rest is the file.
        let scratch = Fixtures.scratchFolder() + "/input"
        for (first, suffix) in [(UInt8(0), ".tsv"), (1, ".csv"), (5, ".txt")] {
            let data = [first] + Array("gene,S1\nG1,1\n".utf8)
            data.withUnsafeBytes { FuzzHarness.run(.table, $0, scratchPath: scratch) }
            #expect(try String(contentsOfFile: scratch + suffix, encoding: .utf8) == "gene,S1\nG1,1\n")
        }
        // Nothing to run on an empty input, and no file is written.
        let empty = Fixtures.scratchFolder() + "/empty"
        [UInt8]().withUnsafeBytes { FuzzHarness.run(.table, $0, scratchPath: empty) }
        #expect(!FileManager.default.fileExists(atPath: empty + ".tsv"))
    }

    @Test func fileTargetsWriteTheWholeInput() throws {
        let scratch = Fixtures.scratchFolder() + "/input"
        let maf = try Fixtures.text("formats/mutations.maf"), gmt = try Fixtures.text("formats/genesets.gmt")
        Array(maf.utf8).withUnsafeBytes { FuzzHarness.run(.maf, $0, scratchPath: scratch) }
        Array(gmt.utf8).withUnsafeBytes { FuzzHarness.run(.gmt, $0, scratchPath: scratch) }
        #expect(try String(contentsOfFile: scratch + ".maf", encoding: .utf8) == maf)
        #expect(try String(contentsOfFile: scratch + ".gmt", encoding: .utf8) == gmt)
        // The label target reads bytes in memory: a width byte, then the labels.
        ([4] + Array("TP53EGFR".utf8)).withUnsafeBytes { FuzzHarness.run(.hdf5Labels, $0, scratchPath: scratch) }
        #expect(FuzzHarness.Target.allCases.map(\.rawValue) == ["table", "maf", "gmt", "hdf5-labels"])
    }
}
