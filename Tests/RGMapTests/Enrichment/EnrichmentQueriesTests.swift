import Foundation
import Testing
@testable import RGMap

/// The enrichment queries built from earlier results: module lists, feature lists, ranked lists.
@Suite struct EnrichmentQueriesTests {
    /// The universe lacks the map's gene e and holds x, which the map does not have.
    static let universe = GeneUniverse(genes: ["d", "x", "a", "c", "b"], source: "test")

    @Test func oneQueryPerModuleWithItsGenesInTableOrder() {
        let queries = EnrichmentQueries.modules(genes: ["a", "b", "c", "d", "e"], modules: [2, 0, 1, 2, 3], universe: Self.universe)
        #expect(queries.map(\.name) == ["M1", "M2", "M3"])
        // Universe indices: a 2, c 3, d 0; e is outside and counted.
        #expect(queries.map(\.genes) == [[3], [2, 0], []])
        #expect(queries.map(\.outsideUniverse) == [0, 0, 1])
        #expect(EnrichmentQueries.modules(genes: ["a", "b"], modules: [0, 0], universe: Self.universe).isEmpty)
    }

    /// Features f and g over map genes a...e (lists index them), most significant first.
    static let queries: AssociationQueries = {
        var queries = AssociationQueries(features: ["f", "g"], genes: ["a", "b", "c", "d", "e"], r: [], p: [], q: [], pairs: { _ in 0 },
                                         covariateColumns: 0, rankBy: nil, listCut: nil)
        queries.positive = [[4, 1, 0, 2], []]
        queries.negative = [[3], [4]]
        queries.scores = [0.5, -0.25, .nan, 0.75, 1, /**/ 0, 0, 0, 0, 0]
        return queries
    }()

    @Test func featureListsKeepTheirOrderWithinTheUniverseAndTheirSizeLimit() {
        let lists = EnrichmentQueries.featureLists(Self.queries, universe: Self.universe, maxGenes: 2)
        // f:positive drops e (outside), then keeps the first two: b, a; g's lists are empty or outside: left out.
        #expect(lists.map(\.name) == ["f:positive", "f:negative"])
        #expect(lists.map(\.genes) == [[4, 2], [0]])
        #expect(EnrichmentQueries.featureLists(Self.queries, universe: Self.universe, maxGenes: 10)[0].genes == [4, 2, 3])
    }

    @Test func aRankedListScoresEveryUniverseGeneTheMapRanks() {
        let list = EnrichmentQueries.rankedList(Self.queries, feature: 0, universe: Self.universe)
        #expect(list.name == "f")
        // d 0.75, x not in the map, a 0.5, c NaN in the map, b -0.25 (e is outside the universe).
        #expect(sameValues(list.scores, [0.75, .nan, 0.5, .nan, -0.25]))
    }

    @Test func statisticsAreTheDocumentedFormulas() {
        // Hand-computed: t = r sqrt(df / (1 - r^2)), df = n - 2 - covariates; -log10(p) with the sign of r.
        #expect(EnrichmentQueries.score(r: 0.6, p: 0.1, n: 12, covariates: 2, .t) == 0.6 * (8 / 0.64).squareRoot())
        #expect(EnrichmentQueries.score(r: -0.6, p: 0.1, n: 12, covariates: 0, .t) == -0.6 * (10 / 0.64).squareRoot())
        #expect(EnrichmentQueries.score(r: 0.6, p: 0.1, n: 4, covariates: 2, .t).isNaN, "no degrees of freedom left")
        #expect(EnrichmentQueries.score(r: -0.2, p: 0.001, n: 12, covariates: 0, .signedLog10p) == -3)
        #expect(EnrichmentQueries.score(r: 0.2, p: 0.01, n: 12, covariates: 0, .signedLog10p) == 2)
        #expect(EnrichmentQueries.score(r: 0, p: 1, n: 12, covariates: 0, .signedLog10p) == 0)
        #expect(EnrichmentQueries.score(r: 0.3, p: 0.5, n: 12, covariates: 0, .r) == 0.3)
        #expect(RankStatistic(rawValue: "signed-log10p") == .signedLog10p && RankStatistic.allCases.map(\.rawValue) == ["r", "t", "signed-log10p"])
    }
}
