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
        // Same merges in the same order; heights to 1e-10 (the tolerance).
        #expect(detection.blocks.count == 1)
        #expect(detection.blocks[0].tree.merges.elementsEqual(tree.merges) { $0 == $1 })
        #expect(zip(detection.blocks[0].tree.heights, tree.heights).allSatisfy { abs($0 - $1) <= 1e-10 })
        let labels = try RFixtures.table(prefix + "labels.tsv", in: "modules")
        #expect(detection.treeCutLabels == Self.column(labels, "cut"))
        #expect(detection.unmergedLabels == Self.column(labels, "unmerged"))
        #expect(detection.labels == Self.column(labels, "merged"))
    }

    @Test(arguments: ["bladder2000", "sim800"])
    func eigengenesKMEAndConnectivityMatchWGCNA(data: String) throws {
        let prefix = "bwm_\(data)_defaults_"
        let expression = try Self.expression(data)
        let options = Self.options("defaults")
        let detection = try ModuleDetection(expression, options: options)
        let statistics = ModuleStatistics(detection, expression: expression, options: options)
        let eigengenes = try RFixtures.table(prefix + "eigengenes.tsv", in: "modules")
        #expect(Set(eigengenes[0].keys) == Set(statistics.eigengenes.rowLabels + ["sample"]))
        for (sample, row) in eigengenes.enumerated() {
            for (index, name) in statistics.eigengenes.rowLabels.enumerated() {
                // 1e-8: the tolerance for eigengenes, kME and connectivity.
                #expect(agrees(statistics.eigengenes.values[index * expression.columnCount + sample], RFixtures.number(row[name]),
                               absolute: 1e-8), "\(name) sample \(sample)")
            }
        }
        let m = statistics.modules.count
        let values = try RFixtures.table(prefix + "kme_connectivity.tsv", in: "modules")
        for (gene, row) in values.enumerated() {
            for (index, module) in statistics.modules.enumerated() {
                #expect(agrees(statistics.kme[gene * m + index], RFixtures.number(row["kME\(module)"]), absolute: 1e-8))
            }
            #expect(agrees(statistics.kTotal[gene], RFixtures.number(row["k_total"]), absolute: 1e-8, relative: 1e-11))
            #expect(agrees(statistics.kWithin[gene], RFixtures.number(row["k_within"]), absolute: 1e-8, relative: 1e-11))
        }
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
        #expect(throws: UsageError("modules need expression without missing values: 1 of 3 genes have some (e.g. 'B'); impute them, or drop those genes with --complete-genes")) {
            try ModuleDetection(expression, options: ModuleDetectionOptions())
        }
    }
}
