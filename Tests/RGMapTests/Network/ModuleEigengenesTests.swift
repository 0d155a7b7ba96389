import Testing
@testable import RGMap

/// WGCNA 1.72's moduleEigengenes and signedKME (the correlation of each gene with the eigengenes)
/// (scripts/make_network_fixtures.R) on the 200 most variable bladderbatch probes with fixed
/// labels (six groups of the TOM tree, one of them relabelled 0).
@Suite struct ModuleEigengenesTests {
    static func data() throws -> (LabeledMatrix, [Int]) {
        let expression = try SoftThresholdTests.expression("bladder").selectingRows(Array(0..<200))
        let labels = try RFixtures.table("modules_bladder200_labels.tsv", in: "network").map { Int(RFixtures.number($0["module"])) }
        return (expression, labels)
    }

    // 1e-8: the agreement with WGCNA for eigengenes, kME, kWithin and kTotal that docs/methods.md states.
    @Test func matchesModuleEigengenesAndVarianceExplained() throws {
        let (expression, labels) = try Self.data()
        let result = try ModuleEigengenes(expression, labels: labels)
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

    @Test func matchesSignedKME() throws {
        let (expression, labels) = try Self.data()
        let eigengenes = try ModuleEigengenes(expression, labels: labels)
        let kme = CorrelationEngine(method: .pearson, covariates: nil)
            .correlateUnadjusted(expression, eigengenes.matrix(samples: expression.columnLabels)).r
        let expectedKME = try RFixtures.table("modules_bladder200_kme.tsv", in: "network")
        for (gene, row) in expectedKME.enumerated() {
            for (index, module) in eigengenes.modules.enumerated() {
                #expect(agrees(kme[gene * eigengenes.modules.count + index], RFixtures.number(row["kME\(module)"]), absolute: 1e-8))
            }
        }
    }

    @Test func eigengeneOfOrthogonalProfilesByHand() throws {
        // Module 1 = {f, f, -f, h} with f ⟂ h (+-1 contrasts): its first principal component is f,
        // unit length (+-1/sqrt(8)), signed along the average (f + h)/4; it explains (1 + 1 + 1 + 0)/4.
        // Module 2 = {h}: the gene itself, explaining all of it.
        let f: [Double] = [1, 1, -1, -1, 1, 1, -1, -1], h: [Double] = [1, -1, 1, -1, 1, -1, 1, -1]
        let expression = LabeledMatrix(rowLabels: ["a", "b", "c", "d", "e"], columnLabels: (1...8).map { "S\($0)" },
                                       values: f + f + f.map { -$0 } + h + h.map { 3 * $0 + 2 })
        let result = try ModuleEigengenes(expression, labels: [1, 1, 1, 1, 2])
        #expect(result.modules == [1, 2])
        let unit = 1 / 8.0.squareRoot()
        // 1e-12: an eigenvector of an exactly rank-two Gram matrix, to rounding.
        #expect(zip(result.eigengenes[0], f).allSatisfy { abs($0 - unit * $1) < 1e-12 })
        #expect(zip(result.eigengenes[1], h).allSatisfy { abs($0 - unit * $1) < 1e-12 })
        #expect(abs(result.varianceExplained[0] - 0.75) < 1e-12 && abs(result.varianceExplained[1] - 1) < 1e-12)
        let matrix = result.matrix(samples: expression.columnLabels)
        #expect(matrix.rowLabels == ["ME1", "ME2"] && matrix.values == result.eigengenes[0] + result.eigengenes[1])
    }
}
