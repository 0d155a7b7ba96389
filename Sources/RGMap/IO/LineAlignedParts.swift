#if canImport(Glibc)
import Glibc
#endif

/// A plain text file's bytes from some offset on, cut at line breaks into parts that can
/// be parsed in parallel, with the line each part starts on.
///
/// Only files that hold no `"` are cut: a quoted field may contain a line break, and a cut
/// inside it would change the records.
struct LineAlignedParts {
    let ranges: [Range<Int>]
    /// 1-based line number of each part's first byte.
    let firstLines: [Int]
    /// Line breaks in each part (so it holds at most that many records, plus one).
    let lineBreaks: [Int]

    /// Parts of about equal size covering `start ..< fileSize`; nil when the file is too small
    /// to gain from it, holds a quote, or cannot be read.
    /// `minimumBytes` 8 MiB: below it a file parses in a few tens of milliseconds, less than
    /// planning and starting the parts would save.
    static func plan(path: String, from start: Int, startLine: Int, parts: Int, minimumBytes: Int = 8 << 20) -> LineAlignedParts? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard parts > 1, fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        guard size - start >= minimumBytes else { return nil }
        // Cut points: just after the first line break at or after each nominal point.
        var cuts = [start]
        for k in 1..<parts {
            let nominal = start + (size - start) * k / parts
            guard let cut = lineStart(fd, from: max(nominal, cuts.last!)), cut < size else { break }
            if cut > cuts.last! { cuts.append(cut) }
        }
        cuts.append(size)
        let ranges = (0..<(cuts.count - 1)).map { cuts[$0]..<cuts[$0 + 1] }
        var breaks = [Int](repeating: 0, count: ranges.count)
        var quoted = [Bool](repeating: false, count: ranges.count)
        breaks.withUnsafeMutableBufferPointer { breaks in
            quoted.withUnsafeMutableBufferPointer { quoted in
                Parallel.perform(ranges.count) { k in (breaks[k], quoted[k]) = scan(fd, ranges[k]) }
            }
        }
        guard !quoted.contains(true) else { return nil }
        var firstLines = [startLine]
        for k in 0..<(ranges.count - 1) { firstLines.append(firstLines[k] + breaks[k]) }
        return LineAlignedParts(ranges: ranges, firstLines: firstLines, lineBreaks: breaks)
    }

    /// The offset after the first `\n` at or after `offset`, or nil if there is none.
    private static func lineStart(_ fd: Int32, from offset: Int) -> Int? {
        var block = [UInt8](repeating: 0, count: 1 << 16)  // 64 KB reads: a line break is usually in the first
        var position = offset
        while true {
            let n = block.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(position)) }
            guard n > 0 else { return nil }
            if let index = block[0..<n].firstIndex(of: 0x0A) { return position + index + 1 }
            position += n
        }
    }

    /// Line breaks in `range`, and whether it holds a `"`.
    private static func scan(_ fd: Int32, _ range: Range<Int>) -> (Int, Bool) {
        let capacity = 1 << 20  // 1 MB reads: few system calls for a scan of the whole part
        let block = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { block.deallocate() }
        var breaks = 0, position = range.lowerBound
        while position < range.upperBound {
            let n = pread(fd, block, min(capacity, range.upperBound - position), off_t(position))
            guard n > 0 else { return (breaks, true) }  // unreadable: do not cut
            if memchr(block, 0x22, n) != nil { return (breaks, true) }
            var from = UnsafeMutableRawPointer(block)
            let end = from + n
            while let found = memchr(from, 0x0A, end - from) {
                breaks += 1
                from = found + 1
            }
            position += n
        }
        return (breaks, false)
    }
}
