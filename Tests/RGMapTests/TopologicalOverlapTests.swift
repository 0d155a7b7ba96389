import Testing
@testable import RGMap

/// WGCNA 1.72's TOMsimilarityFromExpr (scripts/make_network_fixtures.R): power 6, Pearson,
/// "min" denominator, on the 80 most variable bladderbatch probes.
@Suite struct TopologicalOverlapTests {
    static func bladder80() throws -> LabeledMatrix {
        try SoftThresholdTests.expression("bladder").selectingRows(Array(0..<80))
    }

    static func tom(_ network: NetworkType, _ type: TOMType) throws -> PackedLowerTriangle<Double> {
        let expression = try bladder80()
        var adjacency = AdjacencyBlocks(expression, correlation: .pearson, networkType: network, power: 6, tomType: type)
            .matrix(as: Double.self)
        return TopologicalOverlap.similarity(adjacency: &adjacency, genes: expression.rowCount, type: type)
    }

    @Test(arguments: [(NetworkType.unsigned, TOMType.unsigned), (.unsigned, .signed), (.signed, .signed), (.signedHybrid, .unsigned)])
    func matchesTOMsimilarityFromExpr(network: NetworkType, type: TOMType) throws {
        let tom = try Self.tom(network, type)
        let file = "tom_bladder80_\(network.rawValue.replacingOccurrences(of: "-", with: "_"))_\(type.rawValue).tsv"
        let expected = try RFixtures.table(file, in: "network")
        #expect(expected.count == 80 * 79 / 2)
        #expect(tom.values.count == expected.count)
        for row in expected {
            let i = Int(RFixtures.number(row["i"])) - 1, j = Int(RFixtures.number(row["j"])) - 1
            // 1e-10: the issue's tolerance for TOM in double precision.
            #expect(agrees(tom[i, j], RFixtures.number(row["tom"]), absolute: 1e-10), "\(i), \(j)")
        }
    }
}
