import Foundation
import Testing
@testable import RGMap

/// The bucket path must give exactly what the comparison-sort path gives (bit for bit, but
/// for the sign of a zero q from a -0 p): both evaluate R's candidates in R's order, only
/// the ordering machinery differs.
@Suite struct BucketStepUpTests {
    /// p-values shaped like a map: mostly uniform nulls, a block of tiny signal p, exact
    /// ties (repeated values, many 1s and 0s, -0), NaN, and values crowding one bucket.
    static func hostileP(count: Int, seed: UInt64) -> [Double] {
        var rng = RandomSource(seed: seed)
        return (0..<count).map { i in
            switch i % 17 {
            case 0: return .nan
            case 1: return 1
            case 2: return i % 34 == 2 ? 0 : -0.0
            case 3: return pow(10, -rng.uniform(5, 320))  // down to subnormals
            case 4: return 0.5 + Double(i % 7) * 1e-15     // one bucket, many ties
            case 5, 6: return Double(Int(rng.uniform() * 1000)) / 1000
            default: return rng.uniform()
            }
        }
    }

    @Test(arguments: [FDRMethod.bh, .by])
    func equalsTheSortPathBitForBit(method: FDRMethod) {
        for (count, seed) in [(200_003, UInt64(1)), (70_000, 2), (5, 3)] {
            let p = Self.hostileP(count: count, seed: seed)
            var bySort = [Double](repeating: 7, count: count), byBuckets = bySort
            p.withUnsafeBufferPointer { pb in
                bySort.withUnsafeMutableBufferPointer {
                    FalseDiscoveryRate.adjust(pb, method: method, into: $0, bucketThreshold: .max)
                }
                byBuckets.withUnsafeMutableBufferPointer {
                    FalseDiscoveryRate.adjust(pb, method: method, into: $0, bucketThreshold: 0)
                }
            }
            for i in 0..<count {
                #expect(bySort[i] == byBuckets[i] || (bySort[i].isNaN && byBuckets[i].isNaN),
                        "n \(count), p[\(i)] = \(p[i]): sort \(bySort[i]), buckets \(byBuckets[i])")
            }
        }
    }

    @Test func reportsFinalBlocksInOrder() {
        let p = Self.hostileP(count: 100_003, seed: 5)
        var final = [Double](repeating: 0, count: p.count), q = final
        p.withUnsafeBufferPointer { pb in
            final.withUnsafeMutableBufferPointer { FalseDiscoveryRate.adjust(pb, method: .bh, into: $0, bucketThreshold: 0) }
        }
        var covered = 0
        var snapshots: [[Double]] = []
        p.withUnsafeBufferPointer { pb in
            q.withUnsafeMutableBufferPointer { qb in
                let storage = UnsafeBufferPointer(qb)
                FalseDiscoveryRate.adjust(pb, method: .bh, into: qb, bucketThreshold: 0) { range in
                    #expect(range.lowerBound == covered)
                    covered = range.upperBound
                    snapshots.append(Array(storage[range]))  // final when reported
                }
            }
        }
        #expect(covered == p.count && snapshots.count > 1)
        let reported = snapshots.flatMap { $0 }
        #expect(zip(reported, final).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
    }

    @Test func fallsBackToTheSortPathOutsideTheUnitInterval() {
        let p = [0.2, 1.5, 0.01, .nan, 0.3]
        var q = [Double](repeating: 0, count: p.count)
        p.withUnsafeBufferPointer { pb in
            q.withUnsafeMutableBufferPointer { FalseDiscoveryRate.adjust(pb, method: .bh, into: $0, bucketThreshold: 0) }
        }
        // R 4.2.2: sprintf("%.17g", p.adjust(c(0.2, 1.5, 0.01, NA, 0.3), "BH"))
        #expect(q[0] == 0.39999999999999997 && q[1] == 1 && q[2] == 0.040000000000000001 && q[3].isNaN
                && q[4] == 0.39999999999999997)
    }
}
