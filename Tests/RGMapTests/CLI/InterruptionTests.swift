import Foundation
import Testing

/// SIGTERM and SIGINT in the middle of a run: exit status 128 + signal, one line on stderr,
/// no temporary file left, and every file under a final name complete (scripts/kill_test.sh
/// checks the same against SIGKILL at random points).
@Suite struct InterruptionTests {
    @Test(arguments: [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")])
    func aSignalStopsTheRunAndRemovesPartialFiles(_ signal: Int32, _ name: String) throws {
        let out = Fixtures.scratchFolder() + "/run"
        // About 20 s of work (GSEA of 60 features), stopped after 3.
        let result = try CommandRunner.run(
            ["run", "--quiet", "--features", "data/example/features.csv", "--omics", "data/example/omics.tsv",
             "--gene-sets", "data/genesets/go_bp.gmt.gz", "--id-normalize", "tcga-patient", "--top-variable", "2000",
             "--permutations", "200", "--gsea-eps", "1e-6", "--out", out],
            in: Fixtures.repository, interrupt: (signal, 3))
        #expect(result.status == 128 + signal, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("rgmap: stopped by \(name); ") && result.stderr.hasSuffix(" removed, finished files kept\n"))
        let files = FileManager.default.enumerator(atPath: out)?.allObjects as? [String] ?? []
        #expect(!files.contains { $0.contains(".partial-") }, "\(files)")
        #expect(files.contains("map/associations.tsv") && !files.contains("manifest.json"))
    }
}
