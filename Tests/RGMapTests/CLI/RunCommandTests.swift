import Foundation
import Testing
@testable import RGMap

/// `rgmap run` end to end on the example cohort cut to its 600 most variable genes, its
/// replay from the manifest, and `--config` files.
@Suite(.serialized) struct RunCommandTests {
    static let inputs = ["--features", "data/example/features.csv", "--omics", "data/example/omics.tsv",
                         "--covariates", "data/example/covariates.tsv", "--gene-sets", "data/genesets/go_bp.gmt.gz",
                         "--id-normalize", "tcga-patient", "--top-variable", "600", "--permutations", "100", "--gsea-eps", "1e-6",
                         "--heatmap-features", "20", "--heatmap-genes", "40"]

    /// One run, shared by the tests that read it.
    static let first: (out: String, result: CommandRunner.Result) = {
        let out = Fixtures.scratchFolder() + "/run"
        let result = try! CommandRunner.run(["run", "--out", out] + inputs, in: Fixtures.repository)
        return (out, result)
    }()

    static func files(under folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
            .filter { !$0.hasPrefix(".") && !$0.contains("/.") }
            .filter { var isFolder: ObjCBool = false; FileManager.default.fileExists(atPath: folder + "/" + $0, isDirectory: &isFolder); return !isFolder.boolValue }
            .sorted()
    }

    @Test func writesEveryStageIntoOneFolder() throws {
        let (out, result) = Self.first
        #expect(result.status == 0, "\(result.stderr)")
        let files = Set(Self.files(under: out))
        for expected in ["manifest.json", "report.html", "map/associations.tsv", "map/associations.h5", "network/modules.tsv",
                         "network/module_feature.tsv", "network/hubs.tsv", "network/soft_threshold.tsv", "enrichment/ora.tsv",
                         "enrichment/gsea.tsv", "heatmap/associations/r.tsv", "heatmap/associations/q.tsv",
                         "heatmap/associations/row_tree.nwk", "heatmap/associations/column_tree.json",
                         "heatmap/module_feature/r.tsv", "heatmap/module_feature/p.tsv", "heatmap/module_feature/column_tree.nwk",
                         "heatmap/eigengene_adjacency/adjacency.tsv", "heatmap/eigengene_adjacency/tree.json", "heatmap/modules.tsv",
                         "heatmap/gs_kme.tsv", "heatmap/gs_kme_summary.tsv", "heatmap/gene_tree/block1.nwk",
                         "heatmap/gene_tree/block1.json", "heatmap/gene_tree/colors.tsv"] {
            #expect(files.contains(expected), "\(expected) missing")
        }
        let r = try Fixtures.rows(atPath: out + "/heatmap/associations/r.tsv")
        #expect(r.count == 21 && r[0].count == 41)
        // The module heatmap's rows follow the eigengene tree, ME0 last.
        let rows = try Fixtures.rows(atPath: out + "/heatmap/module_feature/row_order.tsv").dropFirst().map { $0[1] }
        let tree = try Fixtures.rows(atPath: out + "/heatmap/eigengene_adjacency/order.tsv").dropFirst().map { $0[1] }
        #expect(rows == tree + ["ME0"])
        // The gene tree's colours list every network gene once (the genes without missing values), with the final module of modules.tsv.
        let colors = try Fixtures.rows(atPath: out + "/heatmap/gene_tree/colors.tsv").dropFirst()
        let modules = Dictionary(uniqueKeysWithValues: try Fixtures.rows(atPath: out + "/network/modules.tsv").dropFirst().map { ($0[0], $0[1]) })
        #expect(colors.count == modules.count && Set(colors.map { $0[0] }).count == modules.count && colors.allSatisfy { modules[$0[0]] == $0[3] })
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json")))
        for step in ["association map", "soft threshold", "TOM", "preranked GSEA", "heatmap exports", "report"] {
            #expect(manifest.steps.contains { $0.name == step && $0.peakMemoryMB > 0 }, "\(step)")
        }
        #expect(manifest.settings?["power"] == .one("6") && manifest.settings?["top-variable"] == .one("600"))
        #expect(manifest.settings?["out"] == nil && manifest.settings?["save-tom"] == .one("false"))
    }

    @Test func reportIsSelfContainedWithEveryFigure() throws {
        let html = try String(contentsOfFile: Self.first.out + "/report.html", encoding: .utf8)
        for id in ["fig-soft-threshold", "fig-gene-tree", "fig-module-feature", "fig-associations", "fig-eigengene-adjacency", "tab-hubs", "tab-enrichment"] {
            #expect(html.contains("id=\"\(id)\""), "\(id) missing")
        }
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("src="))
        #expect(!html.contains("href=\"http"))
    }

    @Test func aRunRepeatedFromItsManifestWritesTheSameTables() throws {
        let (out, result) = Self.first
        #expect(result.status == 0)
        let replay = Fixtures.scratchFolder() + "/replay"
        let again = try CommandRunner.run(["run", "--quiet", "--config", out + "/manifest.json", "--out", replay], in: Fixtures.repository)
        #expect(again.status == 0, "\(again.stderr)")
        let files = Self.files(under: out).filter { $0 != "manifest.json" }
        #expect(Self.files(under: replay).filter { $0 != "manifest.json" } == files)
        for file in files {
            #expect(FileManager.default.contentsEqual(atPath: out + "/" + file, andPath: replay + "/" + file), "\(file) differs")
        }
        let settings = { (folder: String) in try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))).settings }
        #expect(try settings(out) == settings(replay))
    }

    @Test func tomlSettingsApplyAndTheCommandLineWins() throws {
        let config = Fixtures.file(named: "rgmap.toml", """
            [inputs]
            features = "data/example/features.csv"
            omics = "data/example/omics.tsv"
            id-normalize = "tcga-patient"
            [map]
            method = "spearman"
            max-q = 0.01
            log2 = false
            """)
        let out = Fixtures.scratchFolder() + "/map"
        let result = try CommandRunner.run(["map", "--quiet", "--config", config, "--max-q", "0.2", "--top-variable", "200", "--out", out],
                                           in: Fixtures.repository)
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json")))
        #expect(manifest.parameters["method"] == "spearman" && manifest.parameters["max-q"] == "0.2")
    }

    @Test func anUnknownKeyIsNamedAndNothingIsWritten() throws {
        let config = Fixtures.file(named: "typo.toml", "omics = \"data/example/omics.tsv\"\npowr = 8\n")
        let out = Fixtures.scratchFolder() + "/typo"
        let result = try CommandRunner.run(["modules", "--config", config, "--out", out], in: Fixtures.repository)
        #expect(result.status == 1)
        #expect(result.stderr == "rgmap: error: \(config):2: unknown key 'powr': not a flag of rgmap modules (did you mean power, powers?)\n")
        #expect(!FileManager.default.fileExists(atPath: out))
        let flag = Fixtures.file(named: "flag.toml", "save-tom = \"yes\"\n")
        let second = try CommandRunner.run(["modules", "--config", flag, "--out", out], in: Fixtures.repository)
        #expect(second.stderr == "rgmap: error: \(flag):1: 'save-tom' is a switch: true or false\n")
    }
}
