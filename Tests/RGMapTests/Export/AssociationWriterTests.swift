import Foundation
import Testing
@testable import RGMap

/// `map/associations.tsv` and `map/mutations.tsv` (docs/formats.md): which rows, in which
/// order, written how.
@Suite struct AssociationWriterTests {
    /// Features b, B, a x genes z, é, A (pair k = feature * 3 + gene), q at the cut, above it and NA.
    static func map(maxQ: Double = 0.05, pairs: PairCounts = .matrix([10, 11, 12, 13, 14, 15, 16, 17, 18])) -> AssociationMap {
        AssociationMap(features: ["b", "B", "a"], genes: ["z", "é", "A"],
                       r: [0.1, -0.2, .nan, 0.4, -0.5, 0.6, 0.7, -0.8, 0.9],
                       p: [0.001, 0.002, .nan, 0.004, 0.005, 0.006, 0.007, 0.008, 0.009],
                       q: [0.01, 0.05, .nan, 0.01, 0.2, 0.001, 0.05, 0.01, 0.01],
                       pairs: pairs, options: AssociationOptions(maxQ: maxQ), covariateColumns: [], sampleCount: 18, warnings: [])
    }

    @Test func pairsAtOrBelowTheCutSortedByQThenFeatureThenGeneInByteOrder() {
        // q 0.001: B-A; q 0.01: B-z, a-A, a-é, b-z (byte order: "B" < "a" < "b", "A" < "z" < "é"); q 0.05: a-z, b-é.
        #expect(AssociationWriter.significantPairs(Self.map()) == [5, 3, 8, 7, 0, 6, 1])
        // Every pair with a q at a cut of 1; b-A (q NA) never.
        #expect(AssociationWriter.significantPairs(Self.map(maxQ: 1)) == [5, 3, 8, 7, 0, 6, 1, 4])
        #expect(AssociationWriter.significantPairs(Self.map(maxQ: 0.0001)).isEmpty)
    }

    @Test func tableHasTheDocumentedColumnsAndNumbers() throws {
        let folder = Fixtures.scratchFolder()
        let output = try OutputDirectory(path: folder, force: false)
        #expect(try AssociationWriter.writeTable(Self.map(), to: output) == 7)
        #expect(try String(contentsOfFile: folder + "/map/associations.tsv", encoding: .utf8) == """
            feature\tgene\tr\tp\tq\tn
            B\tA\t0.6\t0.006\t0.001\t15
            B\tz\t0.4\t0.004\t0.01\t13
            a\tA\t0.9\t0.009\t0.01\t18
            a\té\t-0.8\t0.008\t0.01\t17
            b\tz\t0.1\t0.001\t0.01\t10
            a\tz\t0.7\t0.007\t0.05\t16
            b\té\t-0.2\t0.002\t0.05\t11

            """)
        // A constant n is written for every pair; with nothing significant, the header alone.
        _ = try AssociationWriter.writeTable(Self.map(maxQ: 0.001, pairs: .constant(24)), to: output, path: "one.tsv")
        #expect(try String(contentsOfFile: folder + "/one.tsv", encoding: .utf8) == "feature\tgene\tr\tp\tq\tn\nB\tA\t0.6\t0.006\t0.001\t24\n")
        _ = try AssociationWriter.writeTable(Self.map(maxQ: 0), to: output, path: "none.tsv")
        #expect(try String(contentsOfFile: folder + "/none.tsv", encoding: .utf8) == "feature\tgene\tr\tp\tq\tn\n")
    }

    @Test func aTableOfManyChunksKeepsItsOrder() throws {
        // 9 x 9000 pairs: more than the 65536 rows formatted per chunk.
        let (f, g) = (9, 9000)
        var random = RandomSource(seed: 3)
        // q on a grid of 100 values, so that most rows tie on q and the names decide.
        let q = (0..<(f * g)).map { _ in Double(random.index(100)) / 100 }
        let map = AssociationMap(features: (0..<f).map { "f\($0)" }, genes: (0..<g).map { "g\($0)" }, r: q.map { $0 - 0.5 }, p: q, q: q,
                                 pairs: .constant(30), options: AssociationOptions(maxQ: 1), covariateColumns: [], sampleCount: 30, warnings: [])
        let folder = Fixtures.scratchFolder()
        #expect(try AssociationWriter.writeTable(map, to: OutputDirectory(path: folder, force: false)) == f * g)
        let rows = try Fixtures.rows(atPath: folder + "/map/associations.tsv").dropFirst()
        #expect(rows.count == f * g)
        let keys = rows.map { (Double($0[4])!, $0[0], $0[1]) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { a, b in
            a.0 != b.0 ? a.0 < b.0 : (a.1 != b.1 ? a.1.utf8.lexicographicallyPrecedes(b.1.utf8) : a.2.utf8.lexicographicallyPrecedes(b.2.utf8))
        })
        #expect(Set(rows.map { $0[0] + " " + $0[1] }).count == f * g)
    }

    @Test func mutationsAreSortedByQWithNALastThenFeatureThenGene() throws {
        func row(_ feature: String, _ gene: String, q: Double) -> MutationAssociationRow {
            MutationAssociationRow(feature: feature, gene: gene, mutated: 4, wildType: 20, pointBiserial: -0.25, pWelch: .nan, pWilcoxon: 0.0125, q: q)
        }
        let mutations = MutationMap(rows: [row("f2", "TP53", q: .nan), row("f2", "KRAS", q: 0.5), row("F1", "TP53", q: 0.5),
                                           row("f1", "KRAS", q: .nan), row("f1", "TP53", q: 0.1)],
                                    skippedGenes: [], options: AssociationOptions())
        let folder = Fixtures.scratchFolder()
        try AssociationWriter.writeMutations(mutations, to: OutputDirectory(path: folder, force: false))
        let rows = try Fixtures.rows(atPath: folder + "/map/mutations.tsv")
        #expect(rows[0] == ["feature", "gene", "n_mut", "n_wt", "r_pb", "p_t", "p_wilcox", "q"])
        #expect(rows.dropFirst().map { $0[0] + " " + $0[1] + " " + $0[7] } == ["f1 TP53 0.1", "F1 TP53 0.5", "f2 KRAS 0.5", "f1 KRAS NA", "f2 TP53 NA"])
        #expect(rows[1] == ["f1", "TP53", "4", "20", "-0.25", "NA", "0.0125", "0.1"])
    }
}
