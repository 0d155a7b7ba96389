import Foundation
import Testing
@testable import RGMap

/// `rgmap map` end to end on the bundled example cohort.
@Suite struct MapCommandTests {
    static let example = ["--features", "data/example/features.csv", "--omics", "data/example/omics.tsv",
                          "--mutations", "data/example/mutations.maf", "--covariates", "data/example/covariates.tsv",
                          "--id-normalize", "tcga-patient"]

    @Test func writesTheTableTheMatricesTheMutationsAndTheManifest() throws {
        let out = Fixtures.scratchFolder() + "/out"
        let result = try CommandRunner.run(["map", "--quiet", "--out", out] + Self.example, in: Fixtures.repository)
        #expect(result.status == 0, "\(result.stderr)")
        let table = try String(contentsOfFile: out + "/map/associations.tsv", encoding: .utf8)
        let rows = table.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(rows[0] == ["feature", "gene", "r", "p", "q", "n"])
        let q = rows.dropFirst().map { Double($0[4])! }
        #expect(!q.isEmpty && q.allSatisfy { $0 <= 0.05 })
        #expect(q == q.sorted())
        let mutations = try String(contentsOfFile: out + "/map/mutations.tsv", encoding: .utf8)
        #expect(mutations.hasPrefix("feature\tgene\tn_mut\tn_wt\tr_pb\tp_t\tp_wilcox\tq\n"))
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json")))
        #expect(manifest.parameters["method"] == "pearson" && manifest.parameters["covariates"] == "data/example/covariates.tsv")

        // The HDF5 matrices hold every pair, and agree with the table.
        let matrices = try HDF5Library.serialized { () -> (r: [Double], q: [Double], genes: [String], features: [String]) in
            let file = try HDF5File(path: out + "/map/associations.h5")
            let r = try file.readMatrix("/r"), q = try file.readMatrix("/q")
            return (r.values, q.values, try file.readLabels("/genes"), try file.readLabels("/features"))
        }
        let first = rows[1]
        let k = matrices.features.firstIndex(of: first[0])! * matrices.genes.count + matrices.genes.firstIndex(of: first[1])!
        #expect(matrices.r[k].description == first[2] && matrices.q[k].description == first[4])
        #expect(matrices.r.count == 60 * 4997)
    }

    @Test func skipsTheMatricesWhenAsked() throws {
        let out = Fixtures.scratchFolder() + "/out"
        let result = try CommandRunner.run(["map", "--quiet", "--matrices", "none", "--max-q", "1", "--out", out,
                                            "--features", "data/example/features.csv", "--omics", "data/example/omics.tsv",
                                            "--id-normalize", "tcga-patient"], in: Fixtures.repository)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out + "/map/associations.h5"))
        let lines = try String(contentsOfFile: out + "/map/associations.tsv", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1 + 60 * 4997)  // --max-q 1 keeps every pair
    }

    @Test func inputWithNothingLeftStopsBeforeAnyOutput() throws {
        let folder = Fixtures.scratchFolder()
        let features = Fixtures.file(named: "features.csv", "ID,f1\nS1,1\nS2,2\nS3,3\nS4,4\n")
        let omics = Fixtures.file(named: "omics.tsv", "gene\tS1\tS2\tS3\tS4\nA\tNA\tNA\tNA\tNA\nB\t5\t5\t5\t5\n")
        let result = try CommandRunner.run(["map", "--quiet", "--features", features, "--omics", omics, "--out", folder + "/out"])
        #expect(result.status == 1)
        #expect(result.stderr == "rgmap: error: omics: no gene left after preprocessing: all 2 dropped, 1 with every value missing ('A'), "
                + "1 constant or with fewer than 2 values ('B')\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    @Test func namesWhatIsMissing() throws {
        let result = try CommandRunner.run(["map", "--quiet", "--out", Fixtures.scratchFolder() + "/o",
                                            "--omics", "formats/omics.tsv"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("map needs --features and --omics"))
    }
}

/// Results do not depend on the thread count or on how missing values are handled for
/// complete data.
@Suite(.serialized) struct AssociationDeterminismTests {
    @Test func identicalBitsForOneAndTwoThreads() throws {
        let cohort = try RFixtures.cohort("bladder", covariates: true)
        var maps: [AssociationMap] = []
        for threads in [1, 2] {
            Parallel.threads = threads
            maps.append(try AssociationMapper.map(cohort, options: AssociationOptions(method: .spearman)))
        }
        Parallel.threads = ProcessInfoCores.count
        #expect(maps[0].r.map(\.bitPattern) == maps[1].r.map(\.bitPattern))
        #expect(maps[0].q.map(\.bitPattern) == maps[1].q.map(\.bitPattern))
    }

    @Test func completePolicyDropsSamplesWithAnyMissingValue() throws {
        let cohort = try RFixtures.cohort("simulated")
        let map = try AssociationMapper.map(cohort, options: AssociationOptions(missing: .complete))
        // Missing values sit in samples S02, S05, S07, S11, S01, S12 (and S11 twice): 6 remain.
        #expect(map.sampleCount == 6)
        #expect(map.warnings.contains { $0.settings == [.missing] && $0.description == "missing complete: 6 of 12 samples dropped for a missing value" })
        #expect(map.pairs == .constant(6))
    }
}
