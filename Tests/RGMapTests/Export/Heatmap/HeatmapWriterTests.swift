import Foundation
import Testing
@testable import RGMap

/// The `heatmap/` folder: files, their layout and their order (docs/formats.md, "Plot-ready exports").
@Suite struct HeatmapWriterTests {
    @Test func writerLaysOutTheFolderAsFormatsMdSays() throws {
        let out = Fixtures.scratchFolder()
        let output = try OutputDirectory(path: out, force: true)
        let heatmap = AssociationHeatmap.make(AssociationHeatmapTests.map, features: 3, genes: 4)
        try HeatmapWriter.write(heatmap, folder: "heatmap/associations", to: output)
        let files = try FileManager.default.contentsOfDirectory(atPath: out + "/heatmap/associations").sorted()
        #expect(files == ["column_order.tsv", "column_tree.json", "column_tree.nwk", "q.tsv", "r.tsv", "row_order.tsv", "row_tree.json", "row_tree.nwk"])
        let r = try Fixtures.rows(atPath: out + "/heatmap/associations/r.tsv")
        #expect(r[0] == ["feature"] + heatmap.columns.displayLabels)
        #expect(r.dropFirst().map { $0[0] } == heatmap.rows.displayLabels)
        let order = try Fixtures.rows(atPath: out + "/heatmap/associations/row_order.tsv")
        #expect(order == [["position", "label"]] + heatmap.rows.displayLabels.enumerated().map { [String($0 + 1), $1] })
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/heatmap/associations/row_tree.json"))) as! [String: Any]
        let labels = json["labels"] as! [String], jsonOrder = json["order"] as! [Int]
        #expect(jsonOrder.map { labels[$0 - 1] } == heatmap.rows.displayLabels)
    }

    @Test func aSquareHeatmapWritesOneOrderAndOneTree() throws {
        let out = Fixtures.scratchFolder()
        let heatmap = try #require(ModuleHeatmaps.eigengeneAdjacency(try ClusteredAxisTests.matrix("eigengenes.tsv"), modules: [1, 2, 3, 4, 5]))
        try HeatmapWriter.write(heatmap, folder: "heatmap/eigengene_adjacency", to: OutputDirectory(path: out, force: false))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/heatmap/eigengene_adjacency").sorted()
                == ["adjacency.tsv", "order.tsv", "tree.json", "tree.nwk"])
        // R's leaf order of the eigengene tree (Fixtures/heatmap).
        let order = try RFixtures.table("eigengene_tree_order.tsv", in: "heatmap").map { "ME" + $0["order"]! }
        let adjacency = try Fixtures.rows(atPath: out + "/heatmap/eigengene_adjacency/adjacency.tsv")
        #expect(adjacency[0] == ["module"] + order && adjacency.dropFirst().map { $0[0] } == order)
        #expect(try String(contentsOfFile: out + "/heatmap/eigengene_adjacency/tree.nwk", encoding: .utf8).hasSuffix(");\n"))
    }

    @Test func aFixedAxisWritesItsOrderButNoTree() throws {
        let out = Fixtures.scratchFolder()
        let heatmap = ModuleHeatmaps.moduleFeature(ModuleHeatmapsTests.association, modules: [1, 2, 0], features: ["a", "b", "c"], featureCount: 2,
                                                   eigengeneOrder: ["ME2", "ME1"])
        try HeatmapWriter.write(heatmap, folder: "heatmap/module_feature", to: OutputDirectory(path: out, force: false))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/heatmap/module_feature").sorted()
                == ["column_order.tsv", "column_tree.json", "column_tree.nwk", "p.tsv", "q.tsv", "r.tsv", "row_order.tsv"])
        #expect(try Fixtures.rows(atPath: out + "/heatmap/module_feature/row_order.tsv") == [["position", "label"], ["1", "ME2"], ["2", "ME1"], ["3", "ME0"]])
        let q = try Fixtures.rows(atPath: out + "/heatmap/module_feature/q.tsv")
        #expect(q[1][0] == "ME2" && q[3][0] == "ME0" && q[0][0] == "module")
    }

    @Test func modulesTableCountsEachModulesGenes() throws {
        let out = Fixtures.scratchFolder()
        try HeatmapWriter.writeModules([1, 2, 3, 0], labels: [2, 1, 1, 0, 2, 1], to: OutputDirectory(path: out, force: false))
        // R's col2rgb: turquoise #40e0d0, blue #0000ff, brown #a52a2a, grey #bebebe.
        #expect(try Fixtures.rows(atPath: out + "/heatmap/modules.tsv") == [
            ["label", "module", "color", "genes", "hex"], ["ME1", "1", "turquoise", "3", "#40e0d0"], ["ME2", "2", "blue", "2", "#0000ff"],
            ["ME3", "3", "brown", "0", "#a52a2a"], ["ME0", "0", "grey", "1", "#bebebe"],
        ])
    }

    @Test func scatterTablesNameFeaturesGenesAndHubs() throws {
        let out = Fixtures.scratchFolder()
        try HeatmapWriter.writeScatter(GeneSignificanceScatterTests.scatter(), features: ["fa", "fb"], genes: ["G0", "G1", "G2", "G3", "G4", "G5"],
                                       to: OutputDirectory(path: out, force: false))
        let points = try Fixtures.rows(atPath: out + "/heatmap/gs_kme.tsv")
        #expect(points[0] == ["feature", "module", "gene", "gs", "kme", "hub"] && points.count == 9)
        #expect(points[2] == ["fa", "1", "G2", "NA", "0.7", "false"] && points[7] == ["fb", "2", "G1", "-0.8", "0.85", "true"])
        let summary = try Fixtures.rows(atPath: out + "/heatmap/gs_kme_summary.tsv")
        #expect(summary[0] == ["feature", "module", "genes", "r", "p"])
        #expect(summary[1] == ["fa", "1", "3", "NA", "NA"] && summary[2][0...2] == ["fb", "1", "3"] && summary.count == 4)
    }

    @Test func geneTreesAndTheirColoursInLeafOrder() throws {
        // Two blocks of genes 0, 2, 3 and 1, 4; leaves labelled by gene name in the block's order.
        var random = RandomSource(seed: 2)
        let expression = LabeledMatrix(rowLabels: ["A", "B", "C", "D", "E"], columnLabels: (1...6).map { "s\($0)" },
                                       values: (0..<30).map { _ in random.uniform(0, 1) })
        var detection = try ModuleDetection(expression, options: ModuleDetectionOptions())
        detection.blocks = [.init(genes: [0, 2, 3], tree: Dendrogram(merges: [(-2, -3), (-1, 1)], heights: [0.25, 0.5])),
                            .init(genes: [1, 4], tree: Dendrogram(merges: [(-1, -2)], heights: [0.75]))]
        detection.labels = [1, 2, 1, 0, 2]
        detection.unmergedLabels = [3, 2, 1, 0, 4]
        let out = Fixtures.scratchFolder()
        try HeatmapWriter.writeGeneTrees(detection, genes: expression.rowLabels, distance: "1 - TOM", to: OutputDirectory(path: out, force: false))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/heatmap/gene_tree").sorted()
                == ["block1.json", "block1.nwk", "block2.json", "block2.nwk", "colors.tsv"])
        #expect(try String(contentsOfFile: out + "/heatmap/gene_tree/block1.nwk", encoding: .utf8) == "(A:0.5,(C:0.25,D:0.25):0.25);\n")
        // Block 1's leaf order is A, C, D (genes 0, 2, 3), block 2's B, E.
        #expect(try Fixtures.rows(atPath: out + "/heatmap/gene_tree/colors.tsv") == [
            ["gene", "block", "position", "module", "color", "unmerged_module", "unmerged_color", "hex", "unmerged_hex"],
            ["A", "1", "1", "1", "turquoise", "3", "brown", "#40e0d0", "#a52a2a"],
            ["C", "1", "2", "1", "turquoise", "1", "turquoise", "#40e0d0", "#40e0d0"],
            ["D", "1", "3", "0", "grey", "0", "grey", "#bebebe", "#bebebe"],
            ["B", "2", "1", "2", "blue", "2", "blue", "#0000ff", "#0000ff"],
            ["E", "2", "2", "2", "blue", "4", "yellow", "#0000ff", "#ffff00"],
        ])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/heatmap/gene_tree/block2.json"))) as? [String: Any])
        #expect(json["labels"] as? [String] == ["B", "E"] && json["distance"] as? String == "1 - TOM")
    }
}
