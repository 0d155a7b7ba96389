import Foundation
import Testing
@testable import RGMap

/// What enrichment draws from a map: each feature's genes by direction and its ranking
/// statistic, the same from a map in memory and from `map/associations.h5`.
@Suite struct AssociationQueriesTests {
    /// The covariates fixture's Pearson map (2 features x 5 genes, age and scanner: 3 design
    /// columns; missing values, so n differs between pairs) and R's r, df and p for it.
    static let fixture: (map: AssociationMap, expected: [[String: String]]) = {
        let cohort = try! RFixtures.cohort("covariates", covariates: true)
        let map = try! AssociationMapper.map(cohort, options: AssociationOptions())
        return (map, try! RFixtures.table("covariates_expected.tsv").filter { $0["method"] == "pearson" })
    }()

    /// The map saved by AssociationMatrixFile and read back with only the matrices the queries need.
    static func stored(_ map: AssociationMap, rankBy: RankStatistic?, lists: Bool) throws -> StoredAssociationMap {
        let folder = Fixtures.scratchFolder()
        try AssociationMatrixFile(output: OutputDirectory(path: folder, force: false)).finish(map)
        return try StoredAssociationMap.read(path: folder + "/map/associations.h5", matrices: AssociationQueries.matrices(rankBy: rankBy, lists: lists))
    }

    static func expectSame(_ a: AssociationQueries, _ b: AssociationQueries, _ comment: Comment) {
        #expect(a.features == b.features && a.genes == b.genes, comment)
        #expect(sameValues(a.scores, b.scores), comment)
        #expect(a.positive == b.positive && a.negative == b.negative, comment)
    }

    @Test(arguments: [RankStatistic.r, .t, .signedLog10p, nil])
    func aStoredMapGivesTheSameQueriesAsTheMapInMemory(_ rankBy: RankStatistic?) throws {
        let map = Self.fixture.map
        for cut in [0.05, 1, nil] as [Double?] {
            let stored = try Self.stored(map, rankBy: rankBy, lists: cut != nil)
            let memory = AssociationQueries(map, rankBy: rankBy, listCut: cut)
            Self.expectSame(memory, AssociationQueries(stored, rankBy: rankBy, listCut: cut), "\(String(describing: rankBy)), cut \(String(describing: cut))")
            #expect(memory.scores.count == (rankBy == nil ? 0 : 10) && memory.positive.count == (cut == nil ? 0 : 2))
        }
    }

    @Test func scoresAreRsStatisticsWithTheCovariatesDegreesOfFreedom() throws {
        let map = Self.fixture.map
        let t = AssociationQueries(map, rankBy: .t, listCut: nil), signed = AssociationQueries(map, rankBy: .signedLog10p, listCut: nil)
        let r = AssociationQueries(map, rankBy: .r, listCut: nil)
        for row in Self.fixture.expected {
            let k = map.features.firstIndex(of: row["feature"]!)! * map.geneCount + map.genes.firstIndex(of: row["gene"]!)!
            let (rR, df, pR) = (RFixtures.number(row["r"]), RFixtures.number(row["df"]), RFixtures.number(row["p"]))
            #expect(Double(map.pairs[k]) - 2 - 3 == df, "df = n - 2 - 3 design columns")
            // t = r sqrt(df / (1 - r^2)) from R's r and df: r agrees to 1e-12 and dt/dr stays below 10 here.
            #expect(abs(t.scores[k] - rR * (df / (1 - rR * rR)).squareRoot()) < 1e-10, "\(row["feature"]!) x \(row["gene"]!)")
            // -log10(p) with the sign of r, from R's p: p agrees to 1e-10 relative, log10 to 5e-11.
            #expect(abs(signed.scores[k] - -log10(pR) * (rR > 0 ? 1 : -1)) < 1e-10)
            // r itself: the map's r agrees with R's to 1e-12 (AssociationMapperTests).
            #expect(abs(r.scores[k] - rR) < 1e-12)
        }
    }

    @Test func listsHoldEachDirectionsGenesMostSignificantFirst() throws {
        let map = Self.fixture.map
        let queries = AssociationQueries(map, rankBy: nil, listCut: 1)
        for (f, feature) in map.features.enumerated() {
            // With cut 1, every gene with a q; in R's p order (no ties in this fixture).
            let rows = Self.fixture.expected.filter { $0["feature"] == feature }.sorted { RFixtures.number($0["p"]) < RFixtures.number($1["p"]) }
            let up = rows.filter { RFixtures.number($0["r"]) > 0 }.map { map.genes.firstIndex(of: $0["gene"]!)! }
            let down = rows.filter { RFixtures.number($0["r"]) < 0 }.map { map.genes.firstIndex(of: $0["gene"]!)! }
            #expect(queries.positive[f].map(Int.init) == up && queries.negative[f].map(Int.init) == down, "\(feature)")
        }
    }

    @Test func listsCutAtQAndBreakTiesByLargerRThenMapOrder() {
        // One feature, 7 genes: p ties among genes 0, 1, 3 (|r| 0.5, 0.7, 0.7); gene 4 has q above the cut; gene 5 r NA; gene 6 r = 0.
        let map = AssociationMap(features: ["f"], genes: (0..<7).map { "g\($0)" },
                                 r: [0.5, 0.7, -0.9, 0.7, 0.95, .nan, 0], p: [0.01, 0.01, 0.001, 0.01, 0.2, .nan, 0.01],
                                 q: [0.02, 0.02, 0.005, 0.02, 0.3, .nan, 0.02], pairs: .constant(10), options: AssociationOptions(),
                                 covariateColumns: [], sampleCount: 10, warnings: [])
        let queries = AssociationQueries(map, rankBy: nil, listCut: 0.02)
        #expect(queries.positive == [[1, 3, 0]] && queries.negative == [[2]] && queries.scores.isEmpty)
        #expect(AssociationQueries(map, rankBy: nil, listCut: 0.3).positive == [[1, 3, 0, 4]])
        #expect(AssociationQueries(map, rankBy: nil, listCut: 0.001).positive == [[]])
    }

    @Test func undefinedAndInfiniteStatisticsAreNaN() {
        // n = 2 leaves no degrees of freedom for t; r = 1 makes t infinite; p = 0 makes -log10 p infinite.
        let map = AssociationMap(features: ["f"], genes: ["a", "b", "c", "d"], r: [0.5, 1, -0.5, .nan], p: [0.5, 0, 1e-300, .nan],
                                 q: [0.5, 0, 1e-299, .nan], pairs: .matrix([2, 10, 10, 10]), options: AssociationOptions(),
                                 covariateColumns: [], sampleCount: 10, warnings: [])
        let t = AssociationQueries(map, rankBy: .t, listCut: nil).scores
        #expect(t[0].isNaN && t[1].isNaN && t[3].isNaN)
        // Hand-computed: -0.5 sqrt(8 / 0.75); 1e-15 for a rounding or two.
        #expect(abs(t[2] - -0.5 * (8 / 0.75).squareRoot()) < 1e-15)
        let signed = AssociationQueries(map, rankBy: .signedLog10p, listCut: nil).scores
        // -log10(0.5) = log10(2), and -log10(1e-300) = 300: to rounding (1e-300 is not exact in binary).
        #expect(abs(signed[0] - log10(2)) < 1e-15 && signed[1].isNaN && abs(signed[2] - -300) < 1e-12 && signed[3].isNaN)
        #expect(sameValues(AssociationQueries(map, rankBy: .r, listCut: nil).scores, map.r))
    }

    @Test func aStoredMapIsReadForOnlyWhatTheQueriesNeed() {
        #expect(AssociationQueries.matrices(rankBy: nil, lists: false).isEmpty)
        #expect(AssociationQueries.matrices(rankBy: .r, lists: false) == [.r])
        #expect(AssociationQueries.matrices(rankBy: .t, lists: false) == [.r, .n])
        #expect(AssociationQueries.matrices(rankBy: .signedLog10p, lists: false) == [.r, .p])
        #expect(AssociationQueries.matrices(rankBy: .t, lists: true) == [.r, .p, .q, .n])
    }
}
