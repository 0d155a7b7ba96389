import Testing
@testable import RGMap

/// WGCNA 1.72's moduleEigengenes, signedKME and intramodularConnectivity
/// (scripts/make_network_fixtures.R) on the 200 most variable bladderbatch probes with fixed
/// labels (six groups of the TOM tree, one of them relabelled 0).
@Suite struct ModuleEigengenesTests {
    static func data() throws -> (LabeledMatrix, [Int]) {
        let expression = try SoftThresholdTests.expression("bladder").selectingRows(Array(0..<200))
        let labels = try RFixtures.table("modules_bladder200_labels.tsv", in: "network").map { Int(RFixtures.number($0["module"])) }
        return (expression, labels)
    }

    // 1e-8: the tolerance for eigengenes, kME, kWithin and kTotal.
    @Test func matchesModuleEigengenesAndVarianceExplained() throws {
        let (expression, labels) = try Self.data()
        let result = ModuleEigengenes(expression, labels: labels)
        #expect(result.modules == [0, 1, 2, 3, 5, 6])
        let expected = try RFixtures.table("modules_bladder200_eigengenes.tsv", in: "network")
        for (index, module) in result.modules.enumerated() {
            for (s, row) in expected.enumerated() {
                #expect(agrees(result.eigengenes[index][s], RFixtures.number(row["ME\(module)"]), absolute: 1e-8), "ME\(module) \(s)")
            }
        }
        let explained = try RFixtures.table("modules_bladder200_var_explained.tsv", in: "network")
        for (index, row) in explained.enumerated() {
            #expect(agrees(result.varianceExplained[index], RFixtures.number(row["var_explained"]), absolute: 1e-8))
        }
    }

    @Test func matchesSignedKMEAndIntramodularConnectivity() throws {
        let (expression, labels) = try Self.data()
        let eigengenes = ModuleEigengenes(expression, labels: labels)
        let kme = CorrelationEngine(method: .pearson, covariates: nil)
            .correlate(expression, eigengenes.matrix(samples: expression.columnLabels)).r
        let expectedKME = try RFixtures.table("modules_bladder200_kme.tsv", in: "network")
        for (gene, row) in expectedKME.enumerated() {
            for (index, module) in eigengenes.modules.enumerated() {
                #expect(agrees(kme[gene * eigengenes.modules.count + index], RFixtures.number(row["kME\(module)"]), absolute: 1e-8))
            }
        }
        let adjacency = AdjacencyBlocks(expression, correlation: .pearson, networkType: .unsigned, power: 6, tomType: nil)
        let connectivity = IntramodularConnectivity(adjacency, labels: labels)
        let expected = try RFixtures.table("modules_bladder200_connectivity.tsv", in: "network")
        for (gene, row) in expected.enumerated() {
            #expect(agrees(connectivity.total[gene], RFixtures.number(row["k_total"]), absolute: 1e-8), "gene \(gene)")
            #expect(agrees(connectivity.within[gene], RFixtures.number(row["k_within"]), absolute: 1e-8), "gene \(gene)")
        }
    }
}
