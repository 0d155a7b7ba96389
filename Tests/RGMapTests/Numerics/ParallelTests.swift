import Synchronization
import Testing
@testable import RGMap

/// rgmap's parallel loops: every index exactly once, chunks that tile the range, and results that
/// do not depend on the thread count. (Other suites may change ``Parallel/threads`` meanwhile: these
/// properties must hold for any value.)
@Suite(.serialized) struct ParallelTests {
    /// How often each index of 0..<count was visited, and the chunks handed out.
    static func visits(_ count: Int, minimumChunk: Int, threads: Int) -> (counts: [Int], chunks: [Range<Int>]) {
        Parallel.threads = threads
        defer { Parallel.threads = ProcessInfoCores.count }
        let seen = Mutex<(counts: [Int], chunks: [Range<Int>])>(([Int](repeating: 0, count: count), []))
        Parallel.forEachChunk(count, minimumChunk: minimumChunk) { chunk in
            seen.withLock { seen in
                for i in chunk { seen.counts[i] += 1 }
                seen.chunks.append(chunk)
            }
        }
        return seen.withLock { $0 }
    }

    @Test(arguments: [1, 2, 3, 8])
    func forEachChunkVisitsEveryIndexOnceInChunksThatTileTheRange(threads: Int) {
        for (count, minimumChunk) in [(0, 1), (1, 1), (7, 1), (1000, 16), (1001, 1), (100_003, 64)] {
            let (counts, chunks) = Self.visits(count, minimumChunk: minimumChunk, threads: threads)
            #expect(counts.allSatisfy { $0 == 1 }, "count \(count), threads \(threads)")
            let sorted = chunks.sorted { $0.lowerBound < $1.lowerBound }
            #expect(sorted.first?.lowerBound ?? 0 == 0 && sorted.last?.upperBound ?? 0 == count)
            #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound } && sorted.allSatisfy { !$0.isEmpty })
        }
    }

    @Test func aRangeTooSmallToShareIsOneChunk() {
        // Fewer than two minimum chunks: one worker, whatever the thread count.
        let (_, chunks) = Self.visits(30, minimumChunk: 16, threads: 8)
        #expect(chunks == [0..<30])
    }

    @Test(arguments: [1, 2, 5])
    func performRunsEveryIterationOnce(threads: Int) {
        Parallel.threads = threads
        defer { Parallel.threads = ProcessInfoCores.count }
        for iterations in [0, 1, 2, 17, 500] {
            let counts = Mutex([Int](repeating: 0, count: iterations))
            Parallel.perform(iterations) { i in counts.withLock { $0[i] += 1 } }
            #expect(counts.withLock { $0 }.allSatisfy { $0 == 1 }, "\(iterations) iterations, \(threads) threads")
        }
    }

    @Test func resultsDoNotDependOnTheThreadCount() {
        // Per-index work written to disjoint slots, as rgmap's loops do: the same bits for any count.
        let count = 50_000
        var results: [[Double]] = []
        for threads in [1, 2, 3, 8] {
            Parallel.threads = threads
            var out = [Double](repeating: 0, count: count)
            out.withUnsafeMutableBufferPointer { out in
                Parallel.forEachChunk(count, minimumChunk: 100) { chunk in
                    for i in chunk { out[i] = (1...20).reduce(Double(i)) { ($0 * 1.000001).squareRoot() + Double($1) } }
                }
            }
            results.append(out)
        }
        Parallel.threads = ProcessInfoCores.count
        #expect(results.dropFirst().allSatisfy { $0.map(\.bitPattern) == results[0].map(\.bitPattern) })
        #expect(results[0][49_999] > 0)
    }
}
