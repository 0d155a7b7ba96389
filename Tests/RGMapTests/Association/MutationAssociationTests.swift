import Testing
@testable import RGMap

/// Mutated versus wild-type tests against R's t.test(var.equal = FALSE) and wilcox.test.
@Suite struct MutationAssociationTests {
    @Test(arguments: [MutationTest.wilcoxon, .t])
    func matchesRTests(_ test: MutationTest) throws {
        let cohort = try RFixtures.cohort("mutations", mutations: true)
        let map = try MutationAssociation.test(cohort, options: AssociationOptions(mutationTest: test))
        let expected = try RFixtures.table("mutations_expected.tsv")
        #expect(map.rows.count == expected.count)
        for row in expected {
            let mine = try #require(map.rows.first { $0.feature == row["feature"] && $0.gene == row["gene"] })
            #expect(mine.mutated == Int(row["n_mut"]!) && mine.wildType == Int(row["n_wt"]!))
            // Point-biserial r is a Pearson coefficient: 1e-12 absolute as for the map.
            #expect(agrees(mine.pointBiserial, RFixtures.number(row["r_pb"]), absolute: 1e-12))
            // p-values through R's own pt, pnorm and pwilcox: 1e-10 relative.
            #expect(agrees(mine.pWelch, RFixtures.number(row["p_t"]), relative: 1e-10), "\(mine)")
            #expect(agrees(mine.pWilcoxon, RFixtures.number(row["p_wilcox"]), relative: 1e-10), "\(mine)")
            let q = RFixtures.number(row[test == .wilcoxon ? "q_wilcox" : "q_t"])
            #expect(agrees(mine.q, q, relative: 1e-10))
        }
    }

    @Test func skipsGenesWithTooFewMutatedSamples() throws {
        let cohort = try RFixtures.cohort("mutations", mutations: true)
        let map = try MutationAssociation.test(cohort, options: AssociationOptions(minMutated: 7))
        #expect(map.skippedGenes == ["ALPHA"])  // 6 mutated samples
        #expect(Set(map.rows.map(\.gene)) == ["BETA", "GAMMA"])
    }
}
