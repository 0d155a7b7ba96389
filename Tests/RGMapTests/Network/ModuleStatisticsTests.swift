import Testing
@testable import RGMap

/// ``ModuleStatistics`` against WGCNA 1.72 (scripts/make_module_fixtures.R): blockwiseModules'
/// eigengenes, signedKME and intramodularConnectivity of the final modules.
@Suite struct ModuleStatisticsTests {
    @Test(arguments: ["bladder2000", "sim800"])
    func eigengenesKMEAndConnectivityMatchWGCNA(data: String) throws {
        let prefix = "bwm_\(data)_defaults_"
        let expression = try ModuleDetectionTests.expression(data)
        let options = ModuleDetectionTests.options("defaults")
        let detection = try ModuleDetection(expression, options: options)
        let statistics = ModuleStatistics(detection, expression: expression, options: options)
        let eigengenes = try RFixtures.table(prefix + "eigengenes.tsv", in: "modules")
        #expect(Set(eigengenes[0].keys) == Set(statistics.eigengenes.rowLabels + ["sample"]))
        for (sample, row) in eigengenes.enumerated() {
            for (index, name) in statistics.eigengenes.rowLabels.enumerated() {
                // 1e-8: the agreement with WGCNA for eigengenes, kME and connectivity that docs/methods.md states.
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

    /// sim800 with a constant gene put first: it is left out of the network, so every network
    /// gene's index is one less than its input index (the statistics must map them back).
    static let withConstantGene: Result<(ModuleDetection, ModuleStatistics, LabeledMatrix), Error> = Result {
        let sim = try ModuleDetectionTests.expression("sim800")
        let expression = LabeledMatrix(rowLabels: ["CONSTANT"] + sim.rowLabels, columnLabels: sim.columnLabels,
                                       values: [Double](repeating: 5, count: sim.columnCount) + sim.values)
        let options = ModuleDetectionTests.options("defaults")
        let detection = try ModuleDetection(expression, options: options)
        return (detection, ModuleStatistics(detection, expression: expression, options: options), expression)
    }

    @Test func genesLeftOutOfTheNetworkHaveNoConnectivity() throws {
        let (detection, statistics, _) = try Self.withConstantGene.get()
        #expect(detection.networkGenes == Array(1...800))
        let merged = ModuleDetectionTests.column(try RFixtures.table("bwm_sim800_defaults_labels.tsv", in: "modules"), "merged")
        #expect(detection.labels == [0] + merged)
        #expect(statistics.kWithin[0].isNaN && statistics.kTotal[0].isNaN)
        let m = statistics.modules.count
        #expect(statistics.kme[0..<m].allSatisfy(\.isNaN) && statistics.kmeP[0..<m].allSatisfy(\.isNaN))
        // The other genes' values are WGCNA's, one row further down.
        let values = try RFixtures.table("bwm_sim800_defaults_kme_connectivity.tsv", in: "modules")
        for (gene, row) in values.enumerated() {
            // 1e-8: the agreement with WGCNA for kME and connectivity that docs/methods.md states.
            #expect(agrees(statistics.kTotal[gene + 1], RFixtures.number(row["k_total"]), absolute: 1e-8, relative: 1e-11))
            #expect(agrees(statistics.kWithin[gene + 1], RFixtures.number(row["k_within"]), absolute: 1e-8, relative: 1e-11))
        }
    }

    @Test func modulesComeOneToKThenZero() throws {
        let (detection, statistics, expression) = try Self.withConstantGene.get()
        let k = detection.labels.max()!
        #expect(statistics.modules == Array(1...k) + [0])
        #expect(statistics.eigengenes.rowLabels == (1...k).map { "ME\($0)" } + ["ME0"])
        #expect(statistics.eigengenes.columnLabels == expression.columnLabels)
        #expect(statistics.kme.count == expression.rowCount * (k + 1))
    }

    @Test func kMEPValuesAreCorPvalueStudent() throws {
        let (_, statistics, _) = try Self.withConstantGene.get()
        let m = statistics.modules.count
        for (gene, row) in try RFixtures.table("unit_kme_p_sim800.tsv", in: "network").enumerated() {
            for (index, module) in statistics.modules.enumerated() {
                // 1e-10 relative: p = 2 pt(-|t|, 78) magnifies kME's last-digit differences as |t| grows
                // (3.5e-13 measured at the smallest p, 4e-31); 1e-10 is the Student p-values' bound in docs/methods.md.
                #expect(agrees(statistics.kmeP[(gene + 1) * m + index], RFixtures.number(row["p_kME\(module)"]), relative: 1e-10),
                        "gene \(gene + 1), module \(module)")
            }
        }
    }

    @Test func ownKMEIsTheKMEToTheGenesModule() throws {
        let (detection, statistics, _) = try Self.withConstantGene.get()
        let own = statistics.ownKME(labels: detection.labels)
        #expect(own[0].isNaN)
        let values = try RFixtures.table("bwm_sim800_defaults_kme_connectivity.tsv", in: "modules")
        for (gene, row) in values.enumerated() {
            let label = detection.labels[gene + 1]
            // 1e-8: as above.
            #expect(label == 0 ? own[gene + 1].isNaN : agrees(own[gene + 1], RFixtures.number(row["kME\(label)"]), absolute: 1e-8),
                    "gene \(gene + 1)")
        }
    }

    @Test func topHubsAreChooseTopHubInEachModulesByInputIndex() throws {
        let (_, statistics, expression) = try Self.withConstantGene.get()
        let expected = try RFixtures.table("unit_top_hubs_sim800.tsv", in: "network")
        #expect(statistics.topHubs.count == expected.count)
        for row in expected {
            let module = Int(RFixtures.number(row["module"]))
            #expect(statistics.topHubs[module].map { expression.rowLabels[$0] } == row["gene"], "module \(module)")
        }
    }
}
