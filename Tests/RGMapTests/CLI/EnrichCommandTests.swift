import Foundation
import Testing
@testable import RGMap

/// `rgmap enrich` end to end, on a map and modules of the bundled example cohort (1000 most
/// variable genes) and on the GSEA fixture's ranked list.
@Suite(.serialized) struct EnrichCommandTests {
    static let goBP = Fixtures.repository + "/data/genesets/go_bp.gmt.gz"

    /// An earlier run's folder with map/ and network/ (built once).
    static let earlier: String = {
        let folder = Fixtures.scratchFolder() + "/earlier"
        let inputs = ["--features", "data/example/features.csv", "--omics", "data/example/omics.tsv", "--id-normalize", "tcga-patient",
                      "--complete-genes", "--top-variable", "1000", "--quiet"]
        let map = try! CommandRunner.run(["map", "--out", folder] + inputs, in: Fixtures.repository)
        precondition(map.status == 0, map.stderr)
        let modules = try! CommandRunner.run(["modules", "--out", folder + "/m"] + inputs, in: Fixtures.repository)
        precondition(modules.status == 0, modules.stderr)
        try! FileManager.default.moveItem(atPath: folder + "/m/network", toPath: folder + "/network")
        return folder
    }()

    static func enrich(_ extra: [String]) throws -> (CommandRunner.Result, String) {
        let out = Fixtures.scratchFolder() + "/enrich"
        let result = try CommandRunner.run(["enrich", "--quiet", "--gene-sets", goBP, "--out", out] + extra)
        return (result, out)
    }

    @Test func modulesAndFeaturesFromAnEarlierRun() throws {
        // The modules are GO sets, so some p-values are far below 1e-20: --gsea-eps bounds the multilevel depth.
        let (result, out) = try Self.enrich(["--from", Self.earlier, "--permutations", "200", "--gsea-eps", "1e-8"])
        #expect(result.status == 0, "\(result.stderr)")
        let ora = try Fixtures.rows(atPath: out + "/enrichment/ora.tsv")
        #expect(ora[0] == ["query", "set", "overlap", "query_size", "set_size", "universe_size", "p", "q", "genes", "description"])
        let queries = Set(ora.dropFirst().map { $0[0] })
        #expect(queries.contains("M1") && queries.contains { $0.hasSuffix(":positive") })
        #expect(ora.dropFirst().allSatisfy { Int($0[2])! >= 1 && $0[5] == "1000" && $0[8].split(separator: ",").count == Int($0[2])! })
        // The planted module 1 is a GO set: its best ORA hit is very strong.
        #expect(ora.dropFirst().contains { $0[0] == "M1" && Double($0[7])! < 1e-20 })
        let gsea = try Fixtures.rows(atPath: out + "/enrichment/gsea.tsv")
        #expect(gsea[0] == ["feature", "set", "es", "nes", "p", "q", "size", "leading_edge", "log2err", "description"])
        #expect(Set(gsea.dropFirst().map { $0[0] }).count == 60)
        #expect(gsea.dropFirst().contains { $0[4] == "1e-08" && $0[8] == "NA" }, "p floored at --gsea-eps")
        #expect(try String(contentsOfFile: out + "/enrichment/universe.txt", encoding: .utf8).split(separator: "\n").count == 1000)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))) as! [String: Any]
        let report = manifest["enrichment"] as! [String: Any]
        #expect(report["universeSize"] as? Int == 1000 && (report["universeSource"] as! String).contains("association map"))
        #expect((manifest["inputs"] as! [[String: Any]]).contains { $0["role"] as? String == "map" })
    }

    @Test func sameTablesForOneAndTwoThreads() throws {
        var tables: [String] = []
        for threads in ["1", "2"] {
            let (result, out) = try Self.enrich(["--from", Self.earlier, "--permutations", "100", "--gsea-eps", "1e-6",
                                                 "--threads", threads, "--seed", "7"])
            #expect(result.status == 0, "\(result.stderr)")
            tables.append(try String(contentsOfFile: out + "/enrichment/gsea.tsv", encoding: .utf8)
                          + String(contentsOfFile: out + "/enrichment/ora.tsv", encoding: .utf8))
        }
        #expect(tables[0] == tables[1])
    }

    @Test func rankFilesAndGeneLists() throws {
        let list = Fixtures.file(named: "mylist.txt", "# a comment\nCDK1\nCCNB1\nBUB1\nNOTAGENE\n")
        let (result, out) = try Self.enrich(["--ranks", "enrichment/gsea_ranks.rnk", "--gene-list", list, "--gene-list", "enrichment/ora_queries.gmt",
                                              "--min-size", "15", "--permutations", "100"])
        #expect(result.status == 0, "\(result.stderr)")
        let gsea = try Fixtures.rows(atPath: out + "/enrichment/gsea.tsv")
        #expect(gsea.count == 2996 && gsea.dropFirst().allSatisfy { $0[0] == "gsea_ranks" })
        let ora = try Fixtures.rows(atPath: out + "/enrichment/ora.tsv")
        #expect(Set(ora.dropFirst().map { $0[0] }) == ["mylist", "module1", "module3", "random150", "small12"])
        // The universe is the GMT's genes here (no omics table, no earlier run).
        #expect(ora.dropFirst().allSatisfy { $0[5] == String(Fixtures.goBiologicalProcess.genes.count) })
    }

    @Test func refusesWithOneLine() throws {
        let bad = Fixtures.file(named: "bad.rnk", "A\t1\nB\tx\n")
        for (arguments, message) in [
            (["--ranks", bad], "bad.rnk:2:2: expected a number, found 'x'"),
            (["--from", "/nonexistent"], "--from /nonexistent: no such folder"),
            ([String](), "enrich needs something to test"),
        ] {
            let (result, out) = try Self.enrich(arguments)
            #expect(result.status != 0)
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out + "/enrichment/gsea.tsv"))
        }
    }
}
