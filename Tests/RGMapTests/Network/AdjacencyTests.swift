#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import RGMap

/// ``Adjacency`` and ``AdjacencyBlocks`` against WGCNA 1.72's `adjacency()`
/// (scripts/make_network_unit_fixtures.R) on the first 30 bladderbatch probes and on 30
/// simulated genes with missing values; integer powers against C's `pow`.
@Suite struct AdjacencyTests {
    static func bladder30() throws -> LabeledMatrix {
        try SoftThresholdTests.expression("bladder").selectingRows(Array(0..<30))
    }

    /// The column of the fixture: network type and power as R prints them ("signed_hybrid_2.5").
    static func column(_ type: NetworkType, _ power: Double) -> String {
        let name = type.rawValue.replacingOccurrences(of: "-", with: "_")
        return power == power.rounded() ? "\(name)_\(Int(power))" : "\(name)_\(power)"
    }

    /// The largest |ours - R's| over the fixture's pairs (i < j, 1-based) of `column`.
    static func largestDifference(_ a: [Double], genes n: Int, _ rows: [[String: String]], _ column: String) -> Double {
        rows.reduce(0.0) { largest, row in
            let i = Int(row["i"]!)! - 1, j = Int(row["j"]!)! - 1, expected = RFixtures.number(row[column])
            let mine = a[i * n + j]
            #expect(a[j * n + i] == mine, "symmetric at \(i), \(j)")
            if expected.isNaN || mine.isNaN { return expected.isNaN && mine.isNaN ? largest : .infinity }
            return max(largest, abs(mine - expected))
        }
    }

    @Test(arguments: NetworkType.allCases, [1.0, 6, 2.5, 70])
    func blocksMatchWGCNAsAdjacency(type: NetworkType, power: Double) throws {
        let expression = try Self.bladder30()
        let rows = try RFixtures.table("unit_adjacency_bladder30.tsv", in: "network")
        let a = AdjacencyBlocks(expression, correlation: .pearson, networkType: type, power: power, tomType: nil).matrix(as: Double.self)
        let largest = Self.largestDifference(a, genes: 30, rows, Self.column(type, power))
        // 1e-13: Pearson agrees with R's cor to about 1e-15 here, and a power of |r| <= 1 does not enlarge that past 1e-13.
        #expect(largest <= 1e-13, "largest difference \(largest)")
        // base(1)^power = 1: a unit vector's dot product with itself, clamped to 1.
        #expect((0..<30).allSatisfy { a[$0 * 30 + $0] == 1 })
    }

    @Test func singlePrecisionBlocksAreTheDoubleAdjacencyRoundedOnce() throws {
        let expression = try Self.bladder30()
        let rows = try RFixtures.table("unit_adjacency_bladder30.tsv", in: "network")
        let a = AdjacencyBlocks(expression, correlation: .pearson, networkType: .signed, power: 6, tomType: nil).matrix(as: Float.self)
        for row in rows {
            let i = Int(row["i"]!)! - 1, j = Int(row["j"]!)! - 1
            // 1e-7 relative: one rounding to float32 (at most 2^-24 = 6e-8 relative) of a value within 1e-13 of R's.
            #expect(agrees(Double(a[i * 30 + j]), RFixtures.number(row["signed_6"]), absolute: 1e-13, relative: 1e-7), "\(i), \(j)")
        }
    }

    @Test func aSignedTOMOnAnUnsignedNetworkKeepsTheSignOfR() throws {
        let expression = try Self.bladder30()
        let rows = try RFixtures.table("unit_adjacency_bladder30.tsv", in: "network")
        let a = AdjacencyBlocks(expression, correlation: .pearson, networkType: .unsigned, power: 6, tomType: .signed).matrix(as: Double.self)
        #expect(rows.contains { RFixtures.number($0["sign_kept_6"]) < 0 })  // the data do have negative correlations
        let largest = Self.largestDifference(a, genes: 30, rows, "sign_kept_6")
        // 1e-13: as for the unsigned adjacency, of which this is the signed copy.
        #expect(largest <= 1e-13, "largest difference \(largest)")
        #expect(Adjacency.keepsSign(networkType: .unsigned, tomType: .signed))
        #expect(!Adjacency.keepsSign(networkType: .unsigned, tomType: .unsigned))
        #expect(!Adjacency.keepsSign(networkType: .unsigned, tomType: nil))
        #expect(!Adjacency.keepsSign(networkType: .signed, tomType: .signed))
        #expect(!Adjacency.keepsSign(networkType: .signedHybrid, tomType: .signed))
    }

    @Test(arguments: [(NetworkType.unsigned, 6.0, "bicor_unsigned_6"), (.signedHybrid, 4, "bicor_signed_hybrid_4")])
    func bicorBlocksMatchWGCNAsAdjacency(type: NetworkType, power: Double, column: String) throws {
        let expression = try Self.bladder30()
        let rows = try RFixtures.table("unit_adjacency_bladder30.tsv", in: "network")
        let a = AdjacencyBlocks(expression, correlation: .bicor, networkType: type, power: power, tomType: nil).matrix(as: Double.self)
        let largest = Self.largestDifference(a, genes: 30, rows, column)
        // 1e-13: bicor agrees with WGCNA's to about 3e-15 here (docs/methods.md states 1e-10 in general).
        #expect(largest <= 1e-13, "largest difference \(largest)")
    }

    /// `Adjacency.matrix` takes missing values (pairwise-complete Pearson, adjacency's `use = "p"`).
    @Test(arguments: NetworkType.allCases)
    func matrixWithMissingValuesMatchesWGCNAsAdjacency(type: NetworkType) throws {
        let expression = try SoftThresholdTests.expression("sim").selectingRows(Array(0..<30))
        #expect(expression.values.contains { $0.isNaN })
        let rows = try RFixtures.table("unit_adjacency_sim30.tsv", in: "network")
        let a = Adjacency.matrix(expression, networkType: type, power: 6, tomType: nil)
        let largest = Self.largestDifference(a, genes: 30, rows, Self.column(type, 6))
        // 1e-13: pairwise-complete Pearson agrees with R to 1e-15 here (1e-12 is the general bound docs/methods.md states).
        #expect(largest <= 1e-13, "largest difference \(largest)")
    }

    @Test func transformsHandComputedCorrelations() {
        // r, type, power, keepSign -> adjacency, all exact in binary.
        let cases: [(Double, NetworkType, Double, Bool, Double)] = [
            (0.5, .unsigned, 3, false, 0.125), (-0.5, .unsigned, 3, false, 0.125), (-0.5, .unsigned, 3, true, -0.125),
            (0.5, .signed, 2, false, 0.5625), (-0.5, .signed, 2, false, 0.0625), (-1, .signed, 6, false, 0),
            (0.5, .signedHybrid, 2, false, 0.25), (-0.5, .signedHybrid, 2, false, 0),
            (0.25, .unsigned, 2.5, false, 0.03125), (0.5, .unsigned, 70, false, 0x1p-70), (-0.5, .unsigned, 65, true, -0x1p-65),
            // Correlations a rounding past +-1 are clamped: base 1 (unsigned), 0 (signed at -1).
            (1 + 2 * Double.ulpOfOne, .unsigned, 6, false, 1), (-1 - 2 * Double.ulpOfOne, .signed, 2, false, 0),
            (-1 - 2 * Double.ulpOfOne, .unsigned, 3, true, -1),
        ]
        for (r, type, power, keepSign, expected) in cases {
            var value = [r]
            value.withUnsafeMutableBufferPointer { Adjacency.transform($0, networkType: type, power: power, keepSign: keepSign) }
            #expect(value[0] == expected, "r \(r), \(type), power \(power), keep sign \(keepSign)")
            #expect(Adjacency.value(CorrelationEngine.clamp(r), networkType: type, power: power, keepSign: keepSign) == expected)
        }
        var missing = [Double.nan]
        missing.withUnsafeMutableBufferPointer { Adjacency.transform($0, networkType: .unsigned, power: 6, keepSign: false) }
        #expect(missing[0].isNaN)
    }

    @Test func integerPowersStayWithinTheirRoundingBoundOfPow() {
        var rng = RandomSource(seed: 7)
        var largestUlps = 0.0
        for _ in 0..<2000 {
            let x = rng.uniform()
            for power in 1...64 {
                let exact = pow(x, Double(power))
                guard exact > 0 else { continue }
                largestUlps = max(largestUlps, abs(Adjacency.integerPower(x, Double(power)) - exact) / exact / Double.ulpOfOne)
            }
        }
        // 32 ulps (25 measured): up to 6 squarings each double the relative error and add half an ulp ((2^6 - 1)/2 = 31.5 ulps), and pow is within 1.
        #expect(largestUlps <= 32, "largest error \(largestUlps) ulps")
        #expect(Adjacency.integerPower(2, 10) == 1024 && Adjacency.integerPower(-1.5, 3) == -3.375 && Adjacency.integerPower(0.3, 1) == 0.3)
        // Past 64, fractional or below 1: C's pow itself.
        for x in [0.3, 0.77, 0.999] {
            for power in [65.0, 200, 2.5, 0.5, 0] { #expect(Adjacency.integerPower(x, power) == pow(x, power), "\(x)^\(power)") }
        }
    }

    /// More genes than one block holds (2^23 / 2900 = 2892 rows), on profiles whose
    /// correlations are exactly 0 or +-1: every block is the adjacency of its rows.
    @Test func blocksCoverEveryRowOnce() {
        let patterns: [[Double]] = [[1, -1, 1, -1], [1, 1, -1, -1], [1, -1, -1, 1], [-1, 1, -1, 1]]
        let n = 2900
        let expression = LabeledMatrix(rowLabels: (0..<n).map { "G\($0)" }, columnLabels: ["a", "b", "c", "d"],
                                       values: (0..<n).flatMap { patterns[$0 % 4] })
        let blocks = AdjacencyBlocks(expression, correlation: .pearson, networkType: .signed, power: 2, tomType: nil)
        #expect(blocks.blockRows == 2892)
        // r = 1 between equal patterns, -1 between patterns 0 and 3, else 0: signed base 1, 0 or 1/2, squared.
        let expected = (0..<16).map { pair -> Double in
            let (p, q) = (pair / 4, pair % 4)
            let r = p == q ? 1.0 : (p + q == 3 && p * q == 0 ? -1 : 0)
            return (1 + r) / 2 * ((1 + r) / 2)
        }
        var covered: [Range<Int>] = [], wrong = 0
        blocks.forEachBlock { rows, block in
            covered.append(rows)
            #expect(block.count == rows.count * n)
            for (local, i) in rows.enumerated() {
                for j in 0..<n {
                    // 1e-12: the unit profiles' dot products are exact to a few ulps.
                    if abs(block[local * n + j] - expected[(i % 4) * 4 + j % 4]) > 1e-12 { wrong += 1 }
                }
            }
        }
        #expect(covered == [0..<2892, 2892..<2900])
        #expect(wrong == 0)
    }
}
