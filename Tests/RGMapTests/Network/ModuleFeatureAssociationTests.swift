import Testing
@testable import RGMap

@Suite struct ModuleFeatureAssociationTests {
    /// R (scripts/make_network_fixtures.R): cor(MEs, features, use = "p"), corPvalueStudent,
    /// p.adjust(BH) over all pairs; gene significance the same per gene. 1e-10 relative for p
    /// and q and 1e-12 for r: the map's tolerances.
    @Test func matchesRsModuleTraitAndGeneSignificance() throws {
        let expression = try NumericTableReader.read(path: Fixtures.path("network/merge_expr.tsv")).matrix
        let features = try NumericTableReader.read(path: Fixtures.path("network/merge_features.tsv")).matrix
        let labels = try RFixtures.table("merge_labels.tsv", in: "network").map { Int(RFixtures.number($0["merged_0.25"])) }
        let eigengenes = try ModuleEigengenes(expression, labels: labels)
        let association = ModuleFeatureAssociation(eigengenes: eigengenes.matrix(samples: expression.columnLabels),
                                                   expression: expression, features: features)
        let f = features.rowCount
        for row in try RFixtures.table("module_feature.tsv", in: "network") {
            let module = eigengenes.modules.firstIndex(of: Int(RFixtures.number(row["module"])))!
            let feature = features.rowLabels.firstIndex(of: row["feature"]!)!
            let k = module * f + feature
            #expect(agrees(association.moduleR[k], RFixtures.number(row["r"]), absolute: 1e-12))
            #expect(agrees(association.moduleP[k], RFixtures.number(row["p"]), relative: 1e-10))
            #expect(agrees(association.moduleQ[k], RFixtures.number(row["q"]), relative: 1e-10))
        }
        for row in try RFixtures.table("gene_significance.tsv", in: "network") {
            let gene = expression.rowLabels.firstIndex(of: row["gene"]!)!, feature = features.rowLabels.firstIndex(of: row["feature"]!)!
            #expect(agrees(association.geneSignificance[gene * f + feature], RFixtures.number(row["gs"]), absolute: 1e-12))
            #expect(agrees(association.geneSignificanceP[gene * f + feature], RFixtures.number(row["gs_p"]), relative: 1e-10))
        }
    }

    @Test func picksHubsBySignificantModuleKMEAndGS() {
        // One feature; module 1 significant (q 0.01), module 2 not (q 0.2), module 0 never counts.
        var association = ModuleFeatureAssociation(moduleR: [], moduleP: [], moduleQ: [0.001, 0.01, 0.2],
                                                   geneSignificance: [], geneSignificanceP: [])
        let labels = [1, 1, 1, 1, 2, 0]
        association.geneSignificance = [0.5, -0.9, 0.1, 0.3, 0.9, 0.9]
        association.geneSignificanceP = [1e-3, 1e-9, 0.4, 0.02, 1e-9, 1e-9]
        // kME to modules (0, 1, 2) per gene.
        let kme: [Double] = [0, 0.95, 0, 0, -0.85, 0, 0, 0.99, 0, 0, 0.7, 0, 0, 0, 0.99, 0.99, 0, 0]
        let hubs = association.hubs(labels: labels, modules: [0, 1, 2], kme: kme, features: 1)
        // Gene 1: |-0.9 x -0.85| = 0.765 beats gene 0: 0.475; gene 2 fails GS, gene 3 fails kME.
        #expect(hubs.map(\.gene) == [1, 0] && hubs.map(\.rank) == [1, 2] && hubs.allSatisfy { $0.module == 1 })
        #expect(hubs[0].kme == -0.85 && hubs[0].gsP == 1e-9)
    }
}
