import Testing
@testable import RGMap

/// Both ways of forming the pairwise-complete moments against a plain two-pass Pearson over
/// each pair's common samples (what R's `cor(use = "pairwise.complete.obs")` computes; the
/// R fixtures check the whole map against R itself).
@Suite struct MaskedPearsonTests {
    static func matrix(_ prefix: String, rows: Int, samples: Int, missing: Double, seed: UInt64) -> LabeledMatrix {
        var rng = RandomSource(seed: seed)
        let values = (0..<(rows * samples)).map { k -> Double in
            if rng.uniform() < missing { return .nan }
            return k % 97 == 0 ? 3 : 10 + rng.normal() * Double(1 + k % samples % 3)  // ties, scales
        }
        return LabeledMatrix(rowLabels: (0..<rows).map { "\(prefix)\($0)" }, columnLabels: (0..<samples).map { "S\($0)" },
                             values: values)
    }

    static func reference(_ x: ArraySlice<Double>, _ y: ArraySlice<Double>) -> (r: Double, n: Int) {
        let pairs = zip(x, y).filter { !$0.0.isNaN && !$0.1.isNaN }
        let n = pairs.count
        guard n >= 2 else { return (.nan, n) }
        let mx = pairs.reduce(0) { $0 + $1.0 } / Double(n), my = pairs.reduce(0) { $0 + $1.1 } / Double(n)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in pairs {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        return (sxx == 0 || syy == 0 ? .nan : sxy / (sxx * syy).squareRoot(), n)
    }

    // 1e-12: the agreement with R's Pearson that docs/methods.md states.
    @Test(arguments: [(0.03, 0.0), (0.0, 0.04), (0.05, 0.02), (0.3, 0.0), (0.25, 0.4)])
    func bothMomentMethodsMatchTwoPassPearson(xMissing: Double, yMissing: Double) {
        let x = Self.matrix("F", rows: 23, samples: 41, missing: xMissing, seed: 1)
        let y = Self.matrix("G", rows: 1100, samples: 41, missing: yMissing, seed: 2)
        for limit in [1.0, 0.0] {  // subtraction everywhere; products wherever values are missing
            var r = [Double](repeating: 7, count: x.rowCount * y.rowCount)
            var counts = [Int32](repeating: -1, count: r.count)
            r.withUnsafeMutableBufferPointer { r in
                counts.withUnsafeMutableBufferPointer { counts in
                    MaskedPearson.correlate(x, y, r: r.baseAddress!, counts: counts.baseAddress!, sparseLimit: limit)
                }
            }
            for f in 0..<x.rowCount {
                for g in 0..<y.rowCount {
                    let expected = Self.reference(x.row(f), y.row(g))
                    let k = f * y.rowCount + g
                    #expect(Int(counts[k]) == expected.n)
                    #expect(agrees(r[k], expected.r, absolute: 1e-12) || (r[k].isNaN && expected.r.isNaN),
                            "limit \(limit) pair \(f), \(g): \(r[k]) vs \(expected.r)")
                }
            }
        }
    }

    @Test func coefficientFromMomentsByHand() {
        // x = 1, 2, 3 and y = 2, 4, 7: Sx 6, Sy 13, Sxx 14, Syy 69, Sxy 31;
        // r = (3 * 31 - 78) / sqrt((42 - 36) (207 - 169)) = 15 / sqrt(228).
        #expect(MaskedPearson.coefficient(n: 3, sxy: 31, sx: 6, sy: 13, sxx: 14, syy: 69) == 15 / 228.0.squareRoot())
        // y = 2x: exactly 1.
        #expect(MaskedPearson.coefficient(n: 3, sxy: 28, sx: 6, sy: 12, sxx: 14, syy: 56) == 1)
        // Fewer than two samples, or a side constant over the pair's samples (3, 3, 3): undefined.
        #expect(MaskedPearson.coefficient(n: 1, sxy: 2, sx: 1, sy: 2, sxx: 1, syy: 4).isNaN)
        #expect(MaskedPearson.coefficient(n: 3, sxy: 18, sx: 6, sy: 9, sxx: 14, syy: 27).isNaN)
    }
}
