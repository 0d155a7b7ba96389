import CBLAS

/// Matrix products whose every bit is the same for any thread count (``Parallel/threads``).
///
/// OpenBLAS's threaded products round differently with the thread count (each thread gets a
/// different share, and edge shares take other kernel paths). rgmap instead keeps OpenBLAS at
/// one thread and cuts every product C (m x n) into strips of rows or columns (the longer
/// side), fixed by the shape alone (``strips(_:)``); the strips run in parallel on rgmap's own
/// threads, each one single-threaded BLAS call. A strip's bits depend only on its inputs, so
/// the whole product depends only on the shape and the data.
enum TiledProducts {
    /// Strips are about this wide at most: each strip packs the whole other operand again,
    /// a memory-bound copy that narrower strips repeat more often. With these two settings
    /// the TOM of 15000 genes takes as long as with OpenBLAS's own threads (41 s, 2 threads).
    static let widestStrip = 1024
    /// At least this many strips of equal width (when each keeps 64 rows or more), so that
    /// two or more threads stay balanced on the smaller products too.
    static let fewestStrips = 8

    /// The strips of a side of `length`: a function of the length alone.
    static func strips(_ length: Int) -> (count: Int, width: Int) {
        let count = max(1, min((length + 63) / 64, max(fewestStrips, (length + widestStrip - 1) / widestStrip)))
        return (count, (length + count - 1) / count)
    }

    /// OpenBLAS pinned to one thread, once, before the first product.
    private static let pinned: Void = BLASRuntime.pinSingleThreaded()

    /// Calls `body(rows, columns)` for each strip of an m x n product, in parallel.
    static func forEachStrip(m: Int, n: Int, _ body: (Range<Int>, Range<Int>) -> Void) {
        _ = pinned
        let alongRows = m >= n
        let length = alongRows ? m : n
        let (count, width) = strips(length)
        Parallel.perform(count) { s in
            let part = min(length, s * width)..<min(length, (s + 1) * width)
            guard !part.isEmpty else { return }
            if alongRows { body(part, 0..<n) } else { body(0..<m, part) }
        }
    }
}
