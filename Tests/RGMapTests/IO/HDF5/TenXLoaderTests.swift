import Testing
@testable import RGMap

@Suite struct TenXLoaderTests {
    @Test func readsTenXKeepingGeneExpressionAndMakingNamesUnique() throws {
        let result = try loadHDF5("formats/tenx_v3.h5", expecting: "HDF5 10x Genomics (CSC matrix)", samplesIn: .columns)
        #expect(result.matrix.rowLabels == ["TP53", "EGFR", "KRAS", "MYC", "CDK4", "TP53-1"])
        #expect(result.matrix.columnLabels == (1...5).map { "TCGA-AA-000\($0)-1" })
        #expect(result.matrix.values == Fixtures.countValues)
        #expect(result.notes == ["kept 6 Gene Expression features, dropped 1 of other types",
                                 "1 repeated gene names made unique with -1, -2... suffixes"])
    }

    @Test func makeUniqueSkipsTakenSuffixes() {
        #expect(TenXLoader.makeUnique(["A", "A", "A-1", "B"]).names == ["A", "A-2", "A-1", "B"])
    }

    @Test func makeUniqueNumbersRepeatsInOrderAndCountsThem() {
        let unique = TenXLoader.makeUnique(["A", "B", "A", "A", "B", "C"])
        #expect(unique.names == ["A", "B", "A-1", "A-2", "B-1", "C"] && unique.renamed == 3)
        #expect(TenXLoader.makeUnique(["A", "B"]) == (["A", "B"], 0))
        // A name that is itself a suffix of another: A-1 exists, so the repeated A becomes A-2, the repeated A-1 A-1-1.
        #expect(TenXLoader.makeUnique(["A-1", "A", "A", "A-1"]).names == ["A-1", "A", "A-2", "A-1-1"])
    }
}
