import Foundation
import Testing
@testable import RGMap

/// `rgmap run` with `--threads 1` and `--threads 2`, and repeated with one `--seed`: every
/// output is identical byte for byte (methods.md, "Threads and reproducibility").
@Suite(.serialized) struct DeterminismTests {
    static func run(threads: Int, seed: Int, name: String) throws -> String {
        let out = Fixtures.scratchFolder() + "/" + name
        let result = try CommandRunner.run(["run", "--quiet", "--out", out, "--threads", String(threads), "--seed", String(seed)]
                                           + RunCommandTests.inputs, in: Fixtures.repository)
        #expect(result.status == 0, "\(result.stderr)")
        return out
    }

    static let oneThread = Result { try run(threads: 1, seed: 3, name: "threads1") }
    static let twoThreads = Result { try run(threads: 2, seed: 3, name: "threads2") }

    /// The files of `a` and `b` whose bytes differ (the manifest, with its timings, left out).
    static func differingFiles(_ a: String, _ b: String) throws -> [String] {
        let files = RunCommandTests.files(under: a).filter { $0 != "manifest.json" }
        #expect(files.count >= 38 && RunCommandTests.files(under: b).filter { $0 != "manifest.json" } == files)
        return files.filter { !FileManager.default.contentsEqual(atPath: a + "/" + $0, andPath: b + "/" + $0) }
    }

    @Test func oneAndTwoThreadsWriteTheSameBytes() throws {
        let (one, two) = (try Self.oneThread.get(), try Self.twoThreads.get())
        // The report states the thread count; nothing else differs.
        #expect(try Self.differingFiles(one, two) == ["report.html"])
        let report = { (folder: String, threads: Int) in
            try String(contentsOfFile: folder + "/report.html", encoding: .utf8).replacingOccurrences(of: threads == 1 ? "1 thread<" : "\(threads) threads<", with: "N threads<")
        }
        #expect(try report(one, 1) == report(two, 2))
    }

    @Test func theSameSeedGivesTheSameBytes() throws {
        let again = try Self.run(threads: 2, seed: 3, name: "threads2-again")
        #expect(try Self.differingFiles(try Self.twoThreads.get(), again).isEmpty)
    }

    @Test func anotherSeedMovesOnlyTheRandomSteps() throws {
        let changed = try Self.differingFiles(try Self.twoThreads.get(), try Self.run(threads: 2, seed: 4, name: "seed4"))
        #expect(changed.contains("enrichment/gsea.tsv"))
        #expect(!changed.contains("network/modules.tsv") && !changed.contains("map/associations.tsv"))
    }
}
