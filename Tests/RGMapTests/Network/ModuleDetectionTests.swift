import Testing
@testable import RGMap

/// WGCNA 1.72 blockwiseModules with one block (scripts/make_module_fixtures.R) on the 2000
/// most variable bladderbatch probes and on a simulated cohort of 800 genes, in the WGCNA
/// tutorial's settings and in the defaults with power 6.
@Suite struct ModuleDetectionTests {
    static func expression(_ data: String) throws -> LabeledMatrix {
        try NumericTableReader.read(path: Fixtures.path("modules/\(data)_expr.tsv.gz")).matrix
    }

    static func options(_ setting: String) -> ModuleDetectionOptions {
        var options = ModuleDetectionOptions()
        if setting == "tutorial" {
            options.tomType = .unsigned
            options.minModuleSize = 30
            options.reassignThreshold = 0
            options.mergeCutHeight = 0.25
            options.pamRespectsDendro = false
        }
        if setting == "bicor" { options.correlation = .bicor }
        return options
    }

    static func tree(_ prefix: String) throws -> Dendrogram {
        let rows = try RFixtures.table(prefix + "tree.tsv", in: "modules")
        return Dendrogram(merges: rows.map { (Int($0["left"]!)!, Int($0["right"]!)!) },
                          heights: rows.map { RFixtures.number($0["height"]) })
    }

    static func column(_ rows: [[String: String]], _ name: String) -> [Int] { rows.map { Int($0[name]!)! } }

    @Test(arguments: ["bladder2000", "sim800"], ["tutorial", "defaults", "bicor"])
    func matchesBlockwiseModulesStepByStep(data: String, setting: String) throws {
        let prefix = "bwm_\(data)_\(setting)_"
        let detection = try ModuleDetection(try Self.expression(data), options: Self.options(setting))
        let tree = try Self.tree(prefix)
        // Same merges in the same order; heights to 1e-10 (as docs/methods.md states).
        #expect(detection.blocks.count == 1)
        #expect(detection.blocks[0].tree.merges.elementsEqual(tree.merges) { $0 == $1 })
        #expect(zip(detection.blocks[0].tree.heights, tree.heights).allSatisfy { abs($0 - $1) <= 1e-10 })
        let labels = try RFixtures.table(prefix + "labels.tsv", in: "modules")
        #expect(detection.treeCutLabels == Self.column(labels, "cut"))
        #expect(detection.unmergedLabels == Self.column(labels, "unmerged"))
        #expect(detection.labels == Self.column(labels, "merged"))
    }

    @Test func recoversThePlantedModulesOfTheSimulatedCohort() throws {
        let detection = try ModuleDetection(try Self.expression("sim800"), options: Self.options("defaults"))
        let truth = Self.column(try RFixtures.table("sim800_truth.tsv", in: "modules"), "module")
        // Noise genes that join a module by chance keep this a little below 1.
        #expect(adjustedRandIndex(detection.labels, truth) > 0.9)
    }

    @Test func blocksPartitionTheGenesAndStillFindThePlantedModules() throws {
        let expression = try Self.expression("sim800")
        var options = Self.options("defaults")
        options.maxBlockSize = 300
        let detection = try ModuleDetection(expression, options: options)
        #expect(detection.blocks.count >= 3)
        #expect(detection.blocks.allSatisfy { $0.genes.count <= 300 && $0.tree.merges.count == $0.genes.count - 1 })
        #expect(detection.blocks.flatMap(\.genes).sorted() == Array(0..<800))
        let again = try ModuleDetection(expression, options: options)
        #expect(again.labels == detection.labels)
        let truth = Self.column(try RFixtures.table("sim800_truth.tsv", in: "modules"), "module")
        let ari = adjustedRandIndex(detection.labels, truth)
        print("blocks of <= 300: sizes \(detection.blocks.map(\.genes.count)), ARI against the planted modules \(ari)")
        #expect(ari > 0.9)
    }

    @Test func refusesMissingValuesNamingTheGenes() throws {
        let expression = LabeledMatrix(rowLabels: ["A", "B", "C"], columnLabels: ["s1", "s2", "s3", "s4"],
                                       values: [1, 2, 3, 4, 2, .nan, 1, 0, 4, 3, 2, 1])
        let error = try #require(throws: AnalysisError.self) { try ModuleDetection(expression, options: ModuleDetectionOptions()) }
        #expect(error.kind == .missingValues && error.message.settings == [.completeGenes])
        #expect(error.description == "modules need expression without missing values: 1 of 3 genes have some (e.g. 'B'); impute them, or drop those genes with completeGenes")
    }

    /// `--precision single` against double on the 2000 bladderbatch probes: whether the modules change.
    @Test func singlePrecisionFindsTheSameModules() throws {
        let expression = try ModuleDetectionTests.expression("bladder2000")
        var options = ModuleDetectionOptions()
        let double = try ModuleDetection(expression, options: options)
        options.precision = .single
        let single = try ModuleDetection(expression, options: options)
        let ari = adjustedRandIndex(single.labels, double.labels)
        print("single vs double modules: ARI \(ari), genes with other labels \(zip(single.labels, double.labels).filter { $0 != $1 }.count)")
        #expect(ari > 0.98)
    }

    @Test func usableGenesAreWGCNAsGoodGenes() {
        // Variance must exceed (1e-10 max|x|)^2 = (1e-4)^2 here (max |x| = 1e6): gene B's 1e-5 swings
        // (variance 1.33e-10) fall short, C is constant, D's 1e-3 swings pass.
        let expression = LabeledMatrix(rowLabels: ["A", "B", "C", "D"], columnLabels: ["s1", "s2", "s3", "s4"],
                                       values: [1e6, -1e6, 3, 0, 1e-5, -1e-5, 1e-5, -1e-5, 7, 7, 7, 7, 1e-3, 0, -1e-3, 0])
        #expect(ModuleDetection.usableGenes(expression) == [0, 3])
    }

    /// odd15 (15 genes x 300 samples) with a constant gene put first.
    static func odd15WithAConstantGene() throws -> LabeledMatrix {
        let odd = try NumericTableReader.read(path: Fixtures.path("modules_odd/odd15_expr.tsv")).matrix
        return LabeledMatrix(rowLabels: ["CONSTANT"] + odd.rowLabels, columnLabels: odd.columnLabels,
                             values: [Double](repeating: 1, count: odd.columnCount) + odd.values)
    }

    @Test func genesWithoutVarianceAreLeftOutAndSaid() throws {
        var saved: [NetworkTOM] = []
        let detection = try ModuleDetection(try Self.odd15WithAConstantGene(), options: ModuleDetectionOptions(), tomReady: { saved.append($0) })
        #expect(detection.networkGenes == Array(1...15) && detection.labels[0] == 0 && detection.unmergedLabels[0] == 0)
        #expect(detection.notes == ["1 gene without variance left out of the network (module 0)"])
        // The TOM handed over is the network genes' (15 x 14 / 2 values), in the precision asked for.
        guard saved.count == 1, case .double(let tom) = saved[0] else { Issue.record("one double TOM expected"); return }
        #expect(tom.count == 15 && tom.values.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(detection.timings.map(\.step) == ["adjacency", "TOM", "saving TOM", "clustering", "tree cut", "kME checks", "merging"])
    }

    @Test func refusesTooFewSamplesGenesOrATOMOverBlocks() throws {
        let three = LabeledMatrix(rowLabels: ["A", "B"], columnLabels: ["s1", "s2", "s3"], values: [1, 2, 3, 3, 1, 2])
        let samples = try #require(throws: AnalysisError.self) { try ModuleDetection(three, options: ModuleDetectionOptions()) }
        #expect(samples.kind == .tooFewSamples)
        let one = LabeledMatrix(rowLabels: ["A", "B"], columnLabels: ["s1", "s2", "s3", "s4"], values: [1, 2, 3, 4, 5, 5, 5, 5])
        let genes = try #require(throws: AnalysisError.self) { try ModuleDetection(one, options: ModuleDetectionOptions()) }
        #expect(genes.kind == .tooFewVariables)
        var blocks = ModuleDetectionOptions()
        blocks.maxBlockSize = 5
        let tom = try #require(throws: SettingError.self) {
            try ModuleDetection(try Self.odd15WithAConstantGene(), options: blocks, tomReady: { _ in })
        }
        #expect(tom.setting == .saveTOM)
    }
}
