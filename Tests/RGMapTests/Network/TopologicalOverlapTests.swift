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
            // 1e-10: the agreement with WGCNA for TOM in double precision that docs/methods.md states.
            #expect(agrees(tom[i, j], RFixtures.number(row["tom"]), absolute: 1e-10), "\(i), \(j)")
        }
    }

    /// `--precision single` against double on the 2000 bladderbatch probes (signed TOM of an
    /// unsigned network, power 6): how far the float32 TOM is from the float64 one.
    @Test func singlePrecisionTOMStaysCloseToDouble() throws {
        let expression = try ModuleDetectionTests.expression("bladder2000")
        let blocks = AdjacencyBlocks(expression, correlation: .pearson, networkType: .unsigned, power: 6, tomType: .signed)
        var double = blocks.matrix(as: Double.self), single = blocks.matrix(as: Float.self)
        let n = expression.rowCount
        let tom64 = TopologicalOverlap.similarity(adjacency: &double, genes: n, type: .signed)
        let tom32 = TopologicalOverlap.similarity(adjacency: &single, genes: n, type: .signed)
        var largest = 0.0
        for k in tom64.values.indices { largest = max(largest, abs(Double(tom32.values[k]) - tom64.values[k])) }
        print("single vs double TOM: max |difference| \(largest)")
        // 2e-6: float32 rounding (6e-8) accumulated over the 2000-term products; docs/methods.md reports the measured value.
        #expect(largest < 2e-6)
    }

    /// Three genes by hand; the diagonal given is replaced by 1, so k = (1.7, 1.9, 1.6).
    @Test func followsTheMinDenominatorFormulaByHand() {
        // Unsigned: P = a a; TOM_01 = (1.08 - 0.5)/(1.7 - 0.5), TOM_02 = (0.6 - 0.2)/(1.6 - 0.2), TOM_12 = (0.9 - 0.4)/(1.6 - 0.4).
        var a: [Double] = [0, 0.5, 0.2, 0.5, 0, 0.4, 0.2, 0.4, 0]
        let unsigned = TopologicalOverlap.similarity(adjacency: &a, genes: 3, type: .unsigned)
        #expect(a[0] == 1 && a[4] == 1 && a[8] == 1)
        // 1e-15: a few roundings of values below 2.
        #expect(zip(unsigned.values, [0.58 / 1.2, 0.4 / 1.4, 0.5 / 1.2]).allSatisfy { abs($0 - $1) < 1e-15 })
        // Signed, a_01 = -0.5: |P - a| / (min k - |a|) with k from |a|: |-0.92 + 0.5|/1.2, |0.2 - 0.2|/1.4, |0.7 - 0.4|/1.2.
        var s: [Double] = [1, -0.5, 0.2, -0.5, 1, 0.4, 0.2, 0.4, 1]
        let signed = TopologicalOverlap.similarity(adjacency: &s, genes: 3, type: .signed)
        #expect(zip(signed.values, [0.42 / 1.2, 0, 0.3 / 1.2]).allSatisfy { abs($0 - $1) < 1e-15 })
        // The same in single precision, to float rounding (1e-6).
        var f: [Float] = [1, -0.5, 0.2, -0.5, 1, 0.4, 0.2, 0.4, 1]
        let single = TopologicalOverlap.similarity(adjacency: &f, genes: 3, type: .signed)
        #expect(zip(single.values, [0.42 / 1.2, 0, 0.3 / 1.2]).allSatisfy { abs(Double($0) - $1) < 1e-6 })
    }
}
