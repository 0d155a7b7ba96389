#if canImport(Glibc)
import Glibc
#endif
import CDirectIO

/// Writes large blocks of bytes into an existing file at given offsets, past the page
/// cache (O_DIRECT) where the file system allows it: a multi-hundred-megabyte output then
/// costs neither the kernel's copy nor the page cache's memory. The parts of a block that
/// are not aligned to ``alignment`` (and everything, where O_DIRECT is refused) go through
/// ordinary writes.
final class DirectFileWriter {
    /// File offset, length and memory alignment O_DIRECT requires.
    static let alignment = 4096
    /// Bytes copied into the aligned bounce buffer per write.
    private static let bufferSize = 8 << 20

    let path: String
    private let buffered: Int32
    private var direct: Int32
    private let buffer: UnsafeMutableRawPointer

    init(path: String) throws {
        self.path = path
        buffered = open(path, O_WRONLY | O_CLOEXEC)
        guard buffered >= 0 else { throw OutputError(path: path, "cannot open \(path) for writing: \(String(cString: strerror(errno)))") }
        direct = rgmap_open_direct_write(path)
        buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.bufferSize, alignment: Self.alignment)
    }

    deinit {
        close(buffered)
        if direct >= 0 { close(direct) }
        buffer.deallocate()
    }

    /// Writes `bytes` at `offset`.
    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
        let a = Self.alignment
        let end = offset + bytes.count
        let alignedStart = (offset + a - 1) / a * a, alignedEnd = end / a * a
        guard direct >= 0, alignedEnd > alignedStart else {
            try writeAll(buffered, bytes, at: offset)
            return
        }
        try writeAll(buffered, UnsafeRawBufferPointer(rebasing: bytes[0..<(alignedStart - offset)]), at: offset)
        var position = alignedStart
        while position < alignedEnd {
            let size = min(Self.bufferSize, alignedEnd - position)
            if direct >= 0 {
                buffer.copyMemory(from: bytes.baseAddress! + (position - offset), byteCount: size)
                do {
                    try writeAll(direct, UnsafeRawBufferPointer(start: buffer, count: size), at: position)
                    position += size
                    continue
                } catch where errno == EINVAL {
                    close(direct)  // opened, but refused on write: ordinary writes from here on
                    direct = -1
                }
            }
            try writeAll(buffered, UnsafeRawBufferPointer(rebasing: bytes[(position - offset)..<(position - offset + size)]),
                         at: position)
            position += size
        }
        try writeAll(buffered, UnsafeRawBufferPointer(rebasing: bytes[(alignedEnd - offset)...]), at: alignedEnd)
    }

    private func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
        var done = 0
        while done < bytes.count {
            let written = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw OutputError(path: path, "cannot write \(path): \(String(cString: strerror(errno)))") }
            done += written
        }
    }
}
