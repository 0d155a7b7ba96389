#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization

/// rgmap's own parallel loops (BLAS has its threads; these are for everything else).
public enum Parallel {
    /// Threads for parallel loops; set by the caller (default: all cores).
    nonisolated(unsafe) public static var threads = max(1, ProcessInfoCores.count)

    /// Calls `body` for every chunk of `0..<count` (chunks of at least `minimumChunk`),
    /// on up to ``threads`` threads. Chunks are fixed by `count`, not by timing, so
    /// results do not depend on scheduling.
    static func forEachChunk(_ count: Int, minimumChunk: Int = 1, _ body: (Range<Int>) -> Void) {
        guard count > 0 else { return }
        let workers = max(1, min(threads, count / max(minimumChunk, 1)))
        if workers == 1 {
            body(0..<count)
            return
        }
        // Four chunks per worker: a worker that draws slow chunks is made up for by the others
        // taking more from the shared counter, while chunks stay few enough to cost nothing to hand out.
        let chunks = workers * 4
        let size = (count + chunks - 1) / chunks
        perform((count + size - 1) / size) { chunk in body((chunk * size)..<min(count, (chunk + 1) * size)) }
    }

    /// Calls `body(i)` for every i in `0..<iterations`, concurrently on up to ``threads``
    /// threads. The iterations must touch disjoint data.
    static func perform(_ iterations: Int, _ body: (Int) -> Void) {
        guard iterations > 1 && threads > 1 else {
            for i in 0..<iterations { body(i) }
            return
        }
        withoutActuallyEscaping(body) { escapable in
            // The iterations touch disjoint data by contract; the closure itself is not Sendable.
            nonisolated(unsafe) let work = escapable
            // concurrentPerform alone would use every core: `threads` workers instead, each taking
            // the next iteration not yet taken (so unequal iterations stay balanced).
            let next = IterationCounter()
            DispatchQueue.concurrentPerform(iterations: min(threads, iterations)) { _ in
                while case let i = next.take(), i < iterations { work(i) }
            }
        }
    }
}

/// Hands out 0, 1, 2, ... to concurrent workers.
private final class IterationCounter: Sendable {
    private let value = Atomic<Int>(0)
    func take() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
}

/// The number of CPU cores available to this process.
enum ProcessInfoCores {
    static var count: Int {
        #if canImport(Glibc)
        return Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #else
        return 1
        #endif
    }
}
