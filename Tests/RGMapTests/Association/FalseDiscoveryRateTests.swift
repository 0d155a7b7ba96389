import Testing
@testable import RGMap

@Suite struct FalseDiscoveryRateTests {
    @Test func adjustsLikePAdjustGloballyAndPerFeature() throws {
        // p.adjust applied to R's own p-values: the FDR code alone, to 1e-12 relative.
        let rows = try RFixtures.table("simulated_expected.tsv").filter { $0["method"] == "pearson" }
        let p = rows.map { RFixtures.number($0["p"]) }
        for (method, column) in [(FDRMethod.bh, "q_bh"), (.by, "q_by"), (.bonferroni, "q_bonferroni")] {
            for threshold in [FalseDiscoveryRate.bucketThreshold, 1] {  // sort path and bucket path
                var q = [Double](repeating: 0, count: p.count)
                p.withUnsafeBufferPointer { pb in
                    q.withUnsafeMutableBufferPointer { FalseDiscoveryRate.adjust(pb, method: method, into: $0, bucketThreshold: threshold) }
                }
                for (i, row) in rows.enumerated() {
                    #expect(agrees(q[i], RFixtures.number(row[column]), relative: 1e-12), "\(method) row \(i)")
                }
            }
        }
        let features = Array(Set(rows.map { $0["feature"]! }))
        for feature in features {
            let indices = rows.indices.filter { rows[$0]["feature"] == feature }
            let sub = indices.map { p[$0] }
            var q = [Double](repeating: 0, count: sub.count)
            sub.withUnsafeBufferPointer { pb in q.withUnsafeMutableBufferPointer { FalseDiscoveryRate.adjust(pb, method: .bh, into: $0) } }
            for (j, i) in indices.enumerated() {
                #expect(agrees(q[j], RFixtures.number(rows[i]["q_bh_feature"]), relative: 1e-12))
            }
        }
    }

    static let pAdjust = try! NumericFixtures.table("p_adjust.tsv")

    @Test(arguments: [(FDRMethod.bh, "BH"), (.by, "BY"), (.bonferroni, "bonferroni"), (.none, "none")])
    func matchesPAdjustWithTiesZeroOneAndNA(_ method: FDRMethod, _ name: String) throws {
        let row = try #require(Self.pAdjust.first { $0["method"] == name })
        let p = NumericFixtures.numbers(row["p"]), expected = NumericFixtures.numbers(row["q"])
        for threshold in [FalseDiscoveryRate.bucketThreshold, 0] {  // sort path and bucket path
            var q = [Double](repeating: 7, count: p.count)
            p.withUnsafeBufferPointer { pb in
                q.withUnsafeMutableBufferPointer { FalseDiscoveryRate.adjust(pb, method: method, into: $0, bucketThreshold: threshold) }
            }
            // Bit for bit: R's own candidates n / i * p in R's order, and the same harmonic factor (harmonicNumber).
            #expect(sameValues(q, expected), "\(name), threshold \(threshold): \(q) vs R \(expected)")
        }
        #expect(sameValues(FalseDiscoveryRate.adjusted(p, method: method), expected))
    }

    @Test func harmonicNumbersAreThoseOfRsLongDoubleSum() throws {
        for row in try NumericFixtures.table("harmonic.tsv") {
            let n = Int(row["n"]!)!, expected = RFixtures.number(row["harmonic"])
            // Compensated double summation against R's 80-bit sum: both round the exact value once.
            #expect(FalseDiscoveryRate.harmonicNumber(n) == expected, "n = \(n)")
        }
        #expect(FalseDiscoveryRate.harmonicNumber(0) == 1)  // max(n, 1): the empty case never divides by zero
    }

    @Test func reportsTheWholeRangeOnceOnTheSortPath() {
        let p = [0.3, .nan, 0.01, 0.2]
        var q = [Double](repeating: 0, count: p.count)
        var ranges: [Range<Int>] = []
        p.withUnsafeBufferPointer { pb in
            q.withUnsafeMutableBufferPointer { FalseDiscoveryRate.adjust(pb, method: .bh, into: $0) { ranges.append($0) } }
        }
        #expect(ranges == [0..<4])
        // By hand: n = 3 (NaN not counted); from the largest p down, 3/3 * 0.3 = 0.3, then
        // min(0.3, 3/2 * 0.2 = 0.30000000000000004) = 0.3, then min(0.3, 3/1 * 0.01) = 0.03.
        #expect(sameValues(q, [0.3, .nan, 3.0 / 1 * 0.01, 0.3]))
    }
}
