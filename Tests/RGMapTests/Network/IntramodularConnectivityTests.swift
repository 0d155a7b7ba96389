import Testing
@testable import RGMap

/// WGCNA 1.72's intramodularConnectivity (scripts/make_network_fixtures.R) on the 200 most
/// variable bladderbatch probes with fixed labels (the same data as ``ModuleEigengenesTests``).
@Suite struct IntramodularConnectivityTests {
    // 1e-8: the agreement with WGCNA for kWithin and kTotal that docs/methods.md states.
    @Test func matchesIntramodularConnectivity() throws {
        let (expression, labels) = try ModuleEigengenesTests.data()
        let adjacency = AdjacencyBlocks(expression, correlation: .pearson, networkType: .unsigned, power: 6, tomType: nil)
        let connectivity = IntramodularConnectivity(adjacency, labels: labels)
        let expected = try RFixtures.table("modules_bladder200_connectivity.tsv", in: "network")
        for (gene, row) in expected.enumerated() {
            #expect(agrees(connectivity.total[gene], RFixtures.number(row["k_total"]), absolute: 1e-8), "gene \(gene)")
            #expect(agrees(connectivity.within[gene], RFixtures.number(row["k_within"]), absolute: 1e-8), "gene \(gene)")
        }
    }

    /// A signed network (power 12) with a module of two genes and one of one, whose kWithin WGCNA sets to 0.
    @Test func matchesIntramodularConnectivityOfASignedNetworkWithTinyModules() throws {
        let expression = try SoftThresholdTests.expression("bladder").selectingRows(Array(0..<200))
        let expected = try RFixtures.table("unit_intramodular_signed_bladder200.tsv", in: "network")
        let labels = expected.map { Int(RFixtures.number($0["module"])) }
        #expect(labels.filter { $0 == 7 }.count == 2 && labels.filter { $0 == 8 }.count == 1)
        let adjacency = AdjacencyBlocks(expression, correlation: .pearson, networkType: .signed, power: 12, tomType: nil)
        let connectivity = IntramodularConnectivity(adjacency, labels: labels)
        for (gene, row) in expected.enumerated() {
            // 1e-12 relative: sums of at most 199 adjacencies, each within 1e-13 of R's.
            #expect(agrees(connectivity.total[gene], RFixtures.number(row["k_total"]), relative: 1e-12), "gene \(gene)")
            #expect(agrees(connectivity.within[gene], RFixtures.number(row["k_within"]), relative: 1e-12), "gene \(gene)")
        }
        #expect([4, 16, 39].allSatisfy { connectivity.within[$0] == 0 && connectivity.total[$0] > 0 })
    }

    /// g0 = x, g1 = x + y, g2 = y, g3 = z for orthogonal contrasts x, y, z: r(g0, g1) = r(g1, g2)
    /// = 1/sqrt(2), every other pair 0.
    static let contrasts = LabeledMatrix(rowLabels: ["g0", "g1", "g2", "g3"], columnLabels: ["a", "b", "c", "d"],
                                         values: [1, -1, 1, -1, 2, 0, 0, -2, 1, 1, -1, -1, 1, -1, -1, 1])

    @Test func sumsTheAdjacencyOverOtherGenesAndTheOwnModule() {
        // Unsigned, power 2: a01 = a12 = 1/2, all else 0.
        let unsigned = AdjacencyBlocks(Self.contrasts, correlation: .pearson, networkType: .unsigned, power: 2, tomType: nil)
        let connectivity = IntramodularConnectivity(unsigned, labels: [1, 1, 1, 2])
        // 1e-15: exact values up to a few roundings.
        #expect(zip(connectivity.total, [0.5, 1, 0.5, 0]).allSatisfy { abs($0 - $1) < 1e-15 })
        #expect(zip(connectivity.within, [0.5, 1, 0.5, 0]).allSatisfy { abs($0 - $1) < 1e-15 })
        // Modules of two genes: kWithin 0 (WGCNA's `sum(rest1) < 3`), kTotal unchanged.
        let pairs = IntramodularConnectivity(unsigned, labels: [1, 1, 2, 2])
        #expect(pairs.within == [0, 0, 0, 0] && zip(pairs.total, [0.5, 1, 0.5, 0]).allSatisfy { abs($0 - $1) < 1e-15 })
        // Signed, power 1: a01 = a12 = (1 + 1/sqrt(2))/2, every other pair 1/2.
        let signed = AdjacencyBlocks(Self.contrasts, correlation: .pearson, networkType: .signed, power: 1, tomType: nil)
        let s = IntramodularConnectivity(signed, labels: [1, 1, 1, 2])
        let strong = (1 + 0.5.squareRoot()) / 2
        #expect(zip(s.total, [strong + 1, 2 * strong + 0.5, strong + 1, 1.5]).allSatisfy { abs($0 - $1) < 1e-15 })
        #expect(zip(s.within, [strong + 0.5, 2 * strong, strong + 0.5, 0]).allSatisfy { abs($0 - $1) < 1e-15 })
    }
}
