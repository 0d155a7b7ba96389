import Foundation
import Testing
@testable import RGMap

/// Randomly damaged versions of the text fixtures must either parse or fail with an
/// ``InputError`` (or ``UsageError``): never crash, hang or throw anything else.
/// A quick in-process fuzz pass over every text reader.
@Suite struct ParserRobustnessTests {
    static let cases: [(String, @Sendable (String) throws -> Void)] = [
        ("formats/omics.tsv", { _ = try NumericTableReader.read(path: $0) }),
        ("formats/omics_samples_in_rows.csv", { _ = try NumericTableReader.read(path: $0) }),
        ("formats/features_pyradiomics.csv", { _ = try FeatureTableReader.read(path: $0) }),
        ("formats/covariates.tsv", { _ = try TextTableReader.read(path: $0) }),
        ("formats/mutations.maf", { _ = try MAFReader.read(path: $0) }),
        ("formats/genesets.gmt", { _ = try GMTReader.read(path: $0) }),
        ("formats/omics.tsv.gz", { _ = try NumericTableReader.read(path: $0) }),
    ]

    /// Bytes that steer parsers into their edge cases.
    static let interesting: [UInt8] = Array("\t,;\"\n\r.-+eE0123456789NA \u{7F}".utf8) + [0x00, 0xEF, 0xBB, 0xBF, 0xFF, 0x1F, 0x8B]

    @Test(arguments: 0..<cases.count)
    func damagedInputNeverCrashes(_ index: Int) throws {
        let (file, parse) = Self.cases[index]
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(file))))
        var rng = RandomSource(seed: UInt64(index + 1))
        let folder = Fixtures.scratchFolder()
        // 300 mutants per format: enough to reach every branch of these small parsers in a second.
        for trial in 0..<300 {
            var bytes = original
            for _ in 0..<(1 + rng.index(4)) {
                switch rng.index(4) {
                case 0 where !bytes.isEmpty: bytes[rng.index(bytes.count)] = Self.interesting[rng.index(Self.interesting.count)]
                case 1 where !bytes.isEmpty: bytes.remove(at: rng.index(bytes.count))
                case 2: bytes.insert(Self.interesting[rng.index(Self.interesting.count)], at: rng.index(bytes.count + 1))
                default: bytes = Array(bytes.prefix(rng.index(bytes.count + 1)))
                }
            }
            let path = folder + "/mutant\(trial)-" + (file as NSString).lastPathComponent
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
            do {
                try parse(path)
            } catch is InputError {
            } catch is UsageError {
            } catch {
                Issue.record("\(file) mutant \(trial): unexpected \(type(of: error)): \(error)")
            }
        }
    }
}
