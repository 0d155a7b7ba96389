#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CZlib

/// A forward-only stream of the bytes of a file, transparently gunzipped.
///
/// Compression is detected from the gzip magic bytes, not the file name.
/// Concatenated gzip members (as written by `bgzip` or `cat a.gz b.gz`) are
/// read as one stream; a stream that ends before its gzip trailer is reported
/// as truncated rather than silently accepted.
final class ByteSource {
    let path: String
    let isGzip: Bool
    /// Size of the file on disk (compressed size for gzip files).
    let fileSize: Int
    /// Bytes consumed from the file so far (compressed bytes for gzip files).
    private(set) var fileBytesRead = 0

    private let descriptor: Int32
    private var inflater: Inflater?
    /// For a part of a plain file: the next offset to read and the end of the part.
    private var position = 0
    private var end: Int?

    /// The bytes of `path` in `range` only (a plain file's part, see ``LineAlignedParts``).
    convenience init(path: String, range: Range<Int>) throws {
        try self.init(path: path)
        precondition(!isGzip, "parts of gzip files cannot be read")
        position = range.lowerBound
        end = range.upperBound
    }

    init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw InputError(file: path, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw InputError(file: path, message: "not a regular file")
        }
        descriptor = fd
        fileSize = Int(info.st_size)
        var magic: [UInt8] = [0, 0]
        let got = pread(fd, &magic, 2, 0)
        isGzip = got == 2 && magic[0] == 0x1f && magic[1] == 0x8b
        if isGzip { inflater = try Inflater(path: path) }
    }

    deinit { close(descriptor) }

    /// Expected number of bytes the stream yields: the file size, or for gzip the size
    /// its trailer records (modulo 4 GiB, and of the last member only: an estimate).
    var estimatedStreamSize: Int {
        // 18 bytes: the smallest gzip member (10-byte header, 8-byte trailer); the trailer's
        // last 4 bytes are ISIZE, the input size modulo 2^32, little-endian (RFC 1952).
        guard isGzip, fileSize >= 18 else { return fileSize }
        var trailer: [UInt8] = [0, 0, 0, 0]
        guard pread(descriptor, &trailer, 4, off_t(fileSize - 4)) == 4 else { return fileSize }
        let size = Int(trailer[0]) | Int(trailer[1]) << 8 | Int(trailer[2]) << 16 | Int(trailer[3]) << 24
        return max(size, fileSize)
    }

    /// Past this much output, a gzip stream that has grown more than ``bombRatio``-fold is
    /// refused: deflate's limit is about 1032-fold, reached only on long runs of a short
    /// pattern, while measured tables stay far below 500 (the example's expression 2.5-fold,
    /// a 0/1 table with 2% ones 53-fold, with 0.1% ones 170-fold); a crafted file of a few
    /// hundred kilobytes would otherwise fill memory.
    static let bombCheckAfter = 128 << 20
    static let bombRatio = 500
    /// Bytes handed out so far (decompressed bytes for gzip input).
    private var streamBytes = 0

    /// Fills up to `capacity` bytes at `buffer`; returns 0 only at the end of the data.
    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int {
        guard let inflater else { return try readRaw(into: buffer, capacity: capacity) }
        let n = try inflater.read(into: buffer, capacity: capacity) { raw, count in
            try self.readRaw(into: raw, capacity: count)
        }
        streamBytes += n
        if streamBytes > Self.bombCheckAfter && streamBytes > Self.bombRatio * fileBytesRead {
            throw InputError(file: path, message: "gzip data expand more than \(Self.bombRatio)-fold (\(streamBytes >> 20) MiB from "
                             + "\(fileBytesRead >> 10) KiB so far): a gzip bomb, not a table (if it is a real table, give it decompressed)")
        }
        return n
    }

    private func readRaw(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int {
        while true {
            let n = end.map { end in pread(descriptor, buffer, min(capacity, end - position), off_t(position)) }
                ?? Glibc.read(descriptor, buffer, capacity)
            if n >= 0 {
                position += n
                fileBytesRead += n
                return n
            }
            if errno == EINTR { continue }
            throw InputError(file: path, message: "read failed: \(String(cString: strerror(errno)))")
        }
    }
}

/// zlib inflate state for `ByteSource`, handling multi-member gzip streams.
private final class Inflater {
    private let path: String
    private var stream = z_stream()
    private let input: UnsafeMutablePointer<UInt8>
    private let inputCapacity = 1 << 18  // 256 KB of compressed input per read: few system calls, small buffer
    private var endOfFile = false
    /// True between the end of one gzip member and the start of the next.
    private var betweenMembers = false

    init(path: String) throws {
        self.path = path
        input = .allocate(capacity: inputCapacity)
        // 15 + 32: maximum window, automatic gzip/zlib header detection.
        let status = inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            input.deallocate()
            throw InputError(file: path, message: "cannot initialise the gzip decoder (zlib status \(status))")
        }
    }

    deinit {
        inflateEnd(&stream)
        input.deallocate()
    }

    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int,
              refill: (UnsafeMutablePointer<UInt8>, Int) throws -> Int) throws -> Int {
        stream.next_out = buffer
        stream.avail_out = UInt32(min(capacity, Int(UInt32.max)))
        while stream.avail_out > 0 {
            if stream.avail_in == 0 && !endOfFile {
                let n = try refill(input, inputCapacity)
                if n == 0 {
                    endOfFile = true
                } else {
                    stream.next_in = input
                    stream.avail_in = UInt32(n)
                }
            }
            if stream.avail_in == 0 && endOfFile {
                if betweenMembers { break }
                throw InputError(file: path, message: "truncated gzip data: the file ends inside a compressed stream")
            }
            if betweenMembers {
                inflateReset(&stream)
                betweenMembers = false
            }
            let status = inflate(&stream, Z_NO_FLUSH)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                continue
            case Z_STREAM_END:
                betweenMembers = true
            default:
                let detail = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw InputError(file: path, message: "corrupt gzip data: \(detail)")
            }
        }
        return capacity - Int(stream.avail_out)
    }
}
