import Testing
@testable import RGMap

/// WGCNA's GS versus kME scatter: the genes of each linked module and the cor(|GS|, |kME|) summary.
@Suite struct GeneSignificanceScatterTests {
    @Test func scatterSummaryIsTheCorrelationOfAbsoluteValuesWithStudentP() {
        // One feature, module 1 (genes 0-4) and module 0 (gene 5); module 2 (gene 6) not linked.
        let association = ModuleFeatureAssociation(moduleR: [0.7, 0.1, 0.2], moduleP: [0.001, 0.5, 0.3], moduleQ: [0.003, 0.5, 0.45],
                                                   geneSignificance: [0.9, -0.7, 0.5, 0.4, 0.1, 0.3, 0.2], geneSignificanceP: [Double](repeating: 0.1, count: 7))
        let labels = [1, 1, 1, 1, 1, 0, 2], modules = [1, 2, 0]
        let kme = [0.95, 0, 0, -0.9, 0, 0, 0.8, 0, 0, 0.6, 0, 0, 0.3, 0, 0, 0, 0, 0.2, 0, 0.9, 0]
        let hub = FeatureHub(feature: 0, module: 1, gene: 0, gs: 0.9, gsP: 0.1, kme: 0.95, rank: 1)
        let scatter = GeneSignificanceScatter(association, features: [0], featureCount: 1, labels: labels, modules: modules, kme: kme,
                                              hubs: [hub], moduleQ: 0.05)
        #expect(scatter.points.map(\.gene) == [0, 1, 2, 3, 4])
        #expect(scatter.points.map(\.hub) == [true, false, false, false, false])
        #expect(scatter.points[1].gs == -0.7 && scatter.points[1].kme == -0.9)
        let summary = try! #require(scatter.summaries.first)
        let expected = VectorCorrelation.pearson([0.9, 0.7, 0.5, 0.4, 0.1], [0.95, 0.9, 0.8, 0.6, 0.3])
        #expect(scatter.summaries.count == 1 && summary.genes == 5 && summary.r == expected)
        #expect(summary.p == StudentTPValue.viaR(r: expected, df: 3))
    }

    /// Two features, modules 1, 2 and 0; feature 0 linked to module 1, feature 1 to modules 1 and 2
    /// (module 0 never, however small its q).
    static func scatter() -> GeneSignificanceScatter {
        let association = ModuleFeatureAssociation(
            moduleR: [0.5, 0.4, 0.1, 0.6, 0.9, 0.9], moduleP: [0.001, 0.01, 0.3, 0.0001, 1e-6, 1e-6],
            moduleQ: [0.01, 0.04, 0.5, 0.001, 0.0001, 0.0001],
            geneSignificance: [0.9, 0.1, 0.2, -0.8, .nan, 0.3, 0.5, 0.5, 0.1, 0.6, 0.4, 0.7], geneSignificanceP: [Double](repeating: 0.5, count: 12))
        let labels = [1, 2, 1, 0, 2, 1]
        let kme = [0.95, 0.1, 0, /**/ 0.2, 0.85, 0, /**/ 0.7, 0, 0, /**/ 0, 0, 0.3, /**/ 0.1, -0.75, 0, /**/ 0.6, 0.2, 0]
        let hubs = [FeatureHub(feature: 1, module: 2, gene: 1, gs: -0.8, gsP: 0.01, kme: 0.85, rank: 1),
                    FeatureHub(feature: 0, module: 2, gene: 1, gs: 0.2, gsP: 0.5, kme: 0.85, rank: 1)]
        return GeneSignificanceScatter(association, features: [0, 1], featureCount: 2, labels: labels, modules: [1, 2, 0], kme: kme,
                                       hubs: hubs, moduleQ: 0.05)
    }

    @Test func everyGeneOfEachLinkedModuleFeatureByFeature() {
        let scatter = Self.scatter()
        #expect(scatter.points.map { [$0.feature, $0.module, $0.gene] } == [[0, 1, 0], [0, 1, 2], [0, 1, 5], [1, 1, 0], [1, 1, 2], [1, 1, 5], [1, 2, 1], [1, 2, 4]])
        #expect(scatter.points.filter(\.hub).map { [$0.feature, $0.gene] } == [[1, 1]], "a hub of an unlinked module draws no point")
        #expect(scatter.points[6].gs == -0.8 && scatter.points[6].kme == 0.85 && scatter.points[1].gs.isNaN)
        #expect(scatter.summaries.map { [$0.feature, $0.module, $0.genes] } == [[0, 1, 3], [1, 1, 3], [1, 2, 2]])
    }

    @Test func summariesNeedThreeGenesWithBothValues() throws {
        let summaries = Self.scatter().summaries
        // Feature 0, module 1: gene 2 has no GS, two pairs are left; module 2 has two genes.
        #expect(summaries[0].r.isNaN && summaries[0].p.isNaN && summaries[2].r.isNaN && summaries[2].p.isNaN)
        // Feature 1, module 1: R's cor(c(.1, .3, .7), c(.95, .7, .6)) and cor.test's p; 1e-14 for the sums' rounding.
        #expect(abs(summaries[1].r - -0.90784129900320354) < 1e-14)
        // p through Student's t with 1 df: r's rounding, amplified a little.
        #expect(abs(summaries[1].p - 0.27545867663494322) < 1e-13)
    }
}
