import Foundation
import Testing
@testable import RGMap

/// `rgmap modules` end to end: the WGCNA fixture cohort and the bundled example cohort.
@Suite struct ModulesCommandTests {
    @Test func writesWGCNAsModulesAndEveryNetworkTable() throws {
        let out = Fixtures.scratchFolder() + "/out"
        let result = try CommandRunner.run(["modules", "--quiet", "--omics", "modules/sim800_expr.tsv.gz", "--samples-in", "columns",
                                            "--save-tom", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let modules = try Fixtures.rows(atPath: out + "/network/modules.tsv")
        #expect(modules[0] == ["gene", "module", "color", "kme", "k_within", "k_total", "block"])
        #expect(modules.dropFirst().allSatisfy { $0[6] == "1" })
        let expected = try RFixtures.table("bwm_sim800_defaults_labels.tsv", in: "modules")
        #expect(modules.dropFirst().map { $0[1] } == expected.map { $0["merged"]! })
        #expect(modules.dropFirst().allSatisfy { ($0[1] == "0") == ($0[3] == "NA") && $0[2] == ModuleColors.color(of: Int($0[1])!) })
        let k = Set(expected.map { $0["merged"]! }).subtracting(["0"]).count
        let eigengenes = try Fixtures.rows(atPath: out + "/network/eigengenes.tsv")
        #expect(eigengenes[0] == ["sample"] + (1...k).map { "ME\($0)" } + ["ME0"])
        #expect(eigengenes.count == 81)
        let kme = try Fixtures.rows(atPath: out + "/network/kme.tsv")
        #expect(kme[0].count == 1 + 2 * (k + 1) && kme[0][k + 2] == "p_kME1")
        #expect(try Fixtures.rows(atPath: out + "/network/soft_threshold.tsv")[0]
                == ["power", "sft_r2", "slope", "truncated_r2", "mean_k", "median_k", "max_k", "signed_r2"])
        let tree = try Fixtures.rows(atPath: out + "/network/tree.tsv")
        #expect(tree.count == 800 && tree[0] == ["step", "left", "right", "height", "block"])
        #expect(try Fixtures.rows(atPath: out + "/network/top_hubs.tsv").count == k + 1)
        #expect(!FileManager.default.fileExists(atPath: out + "/network/hubs.tsv"))

        // --save-tom: the square TOM, equal to the packed one the network was built from.
        let saved = try HDF5Library.serialized { () -> (tom: (rows: Int, columns: Int, values: [Double]), genes: [String]) in
            let file = try HDF5File(path: out + "/network/tom.h5")
            return (try file.readMatrix("/tom"), try file.readLabels("/genes"))
        }
        let expression = try ModuleDetectionTests.expression("sim800")
        var adjacency = AdjacencyBlocks(expression, correlation: .pearson, networkType: .unsigned, power: 6, tomType: .signed)
            .matrix(as: Double.self)
        let tom = TopologicalOverlap.similarity(adjacency: &adjacency, genes: 800, type: .signed)
        #expect(saved.genes == expression.rowLabels)
        #expect(saved.tom.rows == 800 && saved.tom.columns == 800)
        #expect((0..<800).allSatisfy { i in (0..<800).allSatisfy { j in saved.tom.values[i * 800 + j] == (i == j ? 1 : tom[i, j]) } })
    }

    @Test func linksModulesToFeaturesOnTheExampleCohort() throws {
        let out = Fixtures.scratchFolder() + "/out"
        let result = try CommandRunner.run(["modules", "--quiet", "--omics", "data/example/omics.tsv", "--complete-genes",
                                            "--features", "data/example/features.csv", "--id-normalize", "tcga-patient",
                                            "--out", out], in: Fixtures.repository)
        #expect(result.status == 0, "\(result.stderr)")
        let links = try Fixtures.rows(atPath: out + "/network/module_feature.tsv")
        #expect(links[0] == ["module", "feature", "r", "p", "q"])
        let hubs = try Fixtures.rows(atPath: out + "/network/hubs.tsv")
        #expect(hubs[0] == ["feature", "module", "gene", "gs", "gs_p", "kme", "rank"])
        // Every hub passes the default rules.
        #expect(hubs.count > 1)
        #expect(hubs.dropFirst().allSatisfy { abs(Double($0[3])!) >= 0.2 && abs(Double($0[5])!) >= 0.8 && $0[1] != "0" })
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json")))
        #expect(manifest.parameters["power-used"] == "6.0" && manifest.parameters["complete-genes"] == "true")
    }

    @Test func warnsWhenThereAreFewerThan15Samples() throws {
        let out = Fixtures.scratchFolder() + "/out"
        let result = try CommandRunner.run(["modules", "--quiet", "--omics", "formats/omics.tsv", "--complete-genes", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "rgmap: warning: the network has 5 samples; WGCNA's authors advise at least 15: "
                + "with fewer, gene correlations are too noisy for stable modules\n")
    }

    @Test func refusesMissingValuesBeforeWritingAnything() throws {
        let out = Fixtures.scratchFolder() + "/out"
        let result = try CommandRunner.run(["modules", "--quiet", "--omics", "data/example/omics.tsv", "--out", out],
                                           in: Fixtures.repository)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("rgmap: error: modules need expression without missing values: 25 of 4997 genes have some"))
        #expect(!FileManager.default.fileExists(atPath: out + "/network"))
    }

    @Test func powerAutoStopsWhenNoPowerFitsWell() throws {
        let out = Fixtures.scratchFolder() + "/out"
        let result = try CommandRunner.run(["modules", "--quiet", "--omics", "modules/sim800_expr.tsv.gz", "--samples-in", "columns",
                                            "--power", "auto", "--rsquared-cut", "0.999", "--out", out])
        #expect(result.status == 1)
        #expect(result.stderr.contains("--power auto: no candidate power reaches scale-free R^2 > 0.999"))
        // The soft-threshold stage finished: its table is there to choose a power from, and the manifest says what failed.
        #expect(FileManager.default.fileExists(atPath: out + "/network/soft_threshold.tsv"))
        #expect(!FileManager.default.fileExists(atPath: out + "/network/modules.tsv"))
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json")))
        #expect(manifest.stages?.map(\.name) == ["soft threshold", "network"] && manifest.stages?.map(\.finished) == [true, false])
        #expect(result.stderr.hasSuffix("rgmap: error: " + (manifest.failure ?? "none") + "\n"))
    }

    @Test func aNetworkTooBigForThisMachineStopsBeforeItStarts() throws {
        let available = try #require(AvailableMemory.bytes)
        // Twice what is available in double precision: a small file (six samples) with many genes,
        // none constant (the second sample is -1, the first never is).
        let genes = Int((Double(available) * 2 / 12).squareRoot()) + 1000
        var text = "gene\t" + (1...6).map { "s\($0)" }.joined(separator: "\t") + "\n"
        text.reserveCapacity(genes * 40)
        for gene in 0..<genes { text += "G\(gene)\t\(gene % 7)\t-1\t\(gene % 3)\t\(gene % 11)\t\(gene % 2)\t\(gene % 13)\n" }
        let omics = Fixtures.file(named: "many_genes.tsv", text)
        let out = Fixtures.scratchFolder() + "/out"
        let result = try CommandRunner.run(["modules", "--quiet", "--omics", omics, "--out", out])
        #expect(result.status == 1)
        let line = result.stderr
        #expect(line.hasPrefix("rgmap: error: the network of \(genes) genes needs about "), "\(line)")
        #expect(line.contains(" of memory (double precision: adjacency and TOM, 1.5 x genes² values), but "))
        #expect(line.contains(" are available; reduce it with --precision single (about "))
        #expect(line.contains("), --max-block-size ") && line.contains(" or less (networks of related genes, one at a time), --top-variable "))
        #expect(line.hasSuffix(" or less (only the most variable genes)\n") && line.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
