import Foundation
import Testing
@testable import RGMap

/// The `network/` tables (docs/formats.md): columns, row order, the gene numbering of the
/// trees, NA where a value does not apply. The modules and statistics are set by hand.
@Suite struct NetworkWriterTests {
    static let genes = ["G1", "G2", "G3", "G4", "G5", "G6", "G7"]

    /// A detection and statistics of 7 genes over 6 samples (modules 1, 2 and 0, then set by hand):
    /// G1, G2, G6 in module 1, G3, G5 in module 2, G4 and G7 in none; G7 left out of the network.
    static func network() throws -> (ModuleDetection, ModuleStatistics) {
        var random = RandomSource(seed: 4)
        let expression = LabeledMatrix(rowLabels: genes, columnLabels: (1...6).map { "s\($0)" },
                                       values: (0..<42).map { _ in random.uniform(0, 1) })
        var detection = try ModuleDetection(expression, options: ModuleDetectionOptions())
        var statistics = ModuleStatistics(detection, expression: expression, options: ModuleDetectionOptions())
        detection.labels = [1, 1, 2, 0, 2, 1, 0]
        detection.blocks = [.init(genes: [0, 1, 2, 4, 5], tree: Dendrogram(merges: [(-1, -2), (-4, -5), (-3, 1), (2, 3)], heights: [0.1, 0.2, 0.3, 0.4])),
                            .init(genes: [3], tree: Dendrogram(merges: [], heights: []))]
        statistics.modules = [1, 2, 0]
        // kME of gene g to module m (column): g + 1 tenths, negative for module 2, 0.5 for module 0.
        statistics.kme = (0..<7).flatMap { (g: Int) -> [Double] in
            let tenths = Double(g + 1) / 10
            return [tenths, -tenths, 0.5]
        }
        statistics.kmeP = (0..<21).map { Double($0) / 64 }
        statistics.kWithin = [2, 1.5, 0.25, 0, 0.75, 2.5, .nan]
        statistics.kTotal = [3, 2.5, 1.25, 1, 1.75, 3.5, .nan]
        statistics.topHubs = [2: 4, 1: 5]
        statistics.eigengenes = LabeledMatrix(rowLabels: ["ME1", "ME2", "ME0"], columnLabels: ["s1", "s2"], values: [0.5, -0.5, 0.25, -0.25, 0, 1])
        return (detection, statistics)
    }

    static func table(_ folder: String, _ file: String) throws -> [[String]] { try Fixtures.rows(atPath: folder + "/network/" + file) }

    @Test func modulesTableHasOwnKMEAndTheBlockOfEachGene() throws {
        let (detection, statistics) = try Self.network()
        let folder = Fixtures.scratchFolder()
        try NetworkWriter.writeModules(genes: Self.genes, detection: detection, statistics: statistics, to: OutputDirectory(path: folder, force: false))
        #expect(try Self.table(folder, "modules.tsv") == [
            ["gene", "module", "color", "kme", "k_within", "k_total", "block"],
            ["G1", "1", "turquoise", "0.1", "2.0", "3.0", "1"],
            ["G2", "1", "turquoise", "0.2", "1.5", "2.5", "1"],
            ["G3", "2", "blue", "-0.3", "0.25", "1.25", "1"],
            ["G4", "0", "grey", "NA", "0.0", "1.0", "2"],
            ["G5", "2", "blue", "-0.5", "0.75", "1.75", "1"],
            ["G6", "1", "turquoise", "0.6", "2.5", "3.5", "1"],
            ["G7", "0", "grey", "NA", "NA", "NA", "NA"],
        ])
    }

    @Test func kmeTableHasEveryModulesKMEThenItsP() throws {
        let (_, statistics) = try Self.network()
        let folder = Fixtures.scratchFolder()
        try NetworkWriter.writeKME(genes: Self.genes, statistics, to: OutputDirectory(path: folder, force: false))
        let rows = try Self.table(folder, "kme.tsv")
        #expect(rows[0] == ["gene", "kME1", "kME2", "kME0", "p_kME1", "p_kME2", "p_kME0"])
        #expect(rows[2] == ["G2", "0.2", "-0.2", "0.5", "0.046875", "0.0625", "0.078125"])
        #expect(rows.count == 8)
    }

    @Test func treesNumberLeavesByTheirRowInModulesTsvAndStepsPerBlock() throws {
        let (detection, _) = try Self.network()
        var blocks = detection.blocks
        blocks[1] = .init(genes: [3, 6], tree: Dendrogram(merges: [(-1, -2)], heights: [0.5]))
        let folder = Fixtures.scratchFolder()
        try NetworkWriter.writeTrees(blocks, to: OutputDirectory(path: folder, force: false))
        // Block 1's leaves 1..5 are genes 1, 2, 3, 5, 6 (rows of modules.tsv); block 2's are 4 and 7.
        #expect(try Self.table(folder, "tree.tsv") == [
            ["step", "left", "right", "height", "block"],
            ["1", "-1", "-2", "0.1", "1"], ["2", "-5", "-6", "0.2", "1"], ["3", "-3", "1", "0.3", "1"], ["4", "2", "3", "0.4", "1"],
            ["1", "-4", "-7", "0.5", "2"],
        ])
    }

    @Test func topHubsEigengenesAndSoftThreshold() throws {
        let (detection, statistics) = try Self.network()
        let folder = Fixtures.scratchFolder()
        let output = try OutputDirectory(path: folder, force: false)
        try NetworkWriter.writeTopHubs(genes: Self.genes, labels: detection.labels, statistics, to: output)
        #expect(try Self.table(folder, "top_hubs.tsv") == [["module", "color", "gene", "kme"], ["1", "turquoise", "G6", "0.6"], ["2", "blue", "G5", "-0.5"]])
        try NetworkWriter.writeEigengenes(statistics, to: output)
        #expect(try Self.table(folder, "eigengenes.tsv") == [["sample", "ME1", "ME2", "ME0"], ["s1", "0.5", "0.25", "0.0"], ["s2", "-0.5", "-0.25", "1.0"]])
        let table = [SoftThresholdFigureTests.row(1, rSquared: 0.25, slope: 0.5, meanK: 12), SoftThresholdFigureTests.row(4, rSquared: 0.875, slope: -1.5, meanK: 3)]
        try NetworkWriter.writeSoftThreshold(table, to: output)
        // signed_r2 = -sign(slope) sft_r2; truncated_r2 as the fit computed it.
        let truncated = table.map { NumberText.text($0.fit.truncatedRSquared) }
        #expect(try Self.table(folder, "soft_threshold.tsv") == [
            ["power", "sft_r2", "slope", "truncated_r2", "mean_k", "median_k", "max_k", "signed_r2"],
            ["1", "0.25", "0.5", truncated[0], "12.0", "12.0", "24.0", "-0.25"],
            ["4", "0.875", "-1.5", truncated[1], "3.0", "3.0", "6.0", "0.875"],
        ])
    }

    @Test func featureLinksGoModuleByModuleAndHubsAsGiven() throws {
        // Modules 1, 2, 0 x features a, b: r, p, q at k = module index * 2 + feature.
        let association = ModuleFeatureAssociation(moduleR: [0.5, -0.25, 0.125, 0, .nan, 1], moduleP: [0.01, 0.2, 0.5, 1, .nan, 0],
                                                   moduleQ: [0.03, 0.3, 0.6, 1, .nan, 0], geneSignificance: [], geneSignificanceP: [])
        let hubs = [FeatureHub(feature: 1, module: 2, gene: 4, gs: -0.75, gsP: 0.001, kme: -0.5, rank: 1),
                    FeatureHub(feature: 1, module: 1, gene: 0, gs: 0.5, gsP: 0.02, kme: 0.1, rank: 2)]
        let folder = Fixtures.scratchFolder()
        try NetworkWriter.writeFeatureLinks(association, hubs: hubs, modules: [1, 2, 0], features: ["a", "b"], genes: Self.genes,
                                            to: OutputDirectory(path: folder, force: false))
        #expect(try Self.table(folder, "module_feature.tsv") == [
            ["module", "feature", "r", "p", "q"], ["1", "a", "0.5", "0.01", "0.03"], ["1", "b", "-0.25", "0.2", "0.3"],
            ["2", "a", "0.125", "0.5", "0.6"], ["2", "b", "0.0", "1.0", "1.0"], ["0", "a", "NA", "NA", "NA"], ["0", "b", "1.0", "0.0", "0.0"],
        ])
        #expect(try Self.table(folder, "hubs.tsv") == [
            ["feature", "module", "gene", "gs", "gs_p", "kme", "rank"], ["b", "2", "G5", "-0.75", "0.001", "-0.5", "1"], ["b", "1", "G1", "0.5", "0.02", "0.1", "2"],
        ])
    }
}
