import Foundation
import Testing
@testable import RGMap

/// What the kernel reports: `MemAvailable` of /proc/meminfo (kB there, bytes here) and, where the
/// machine has one, the cgroup v2 limit minus its use.
@Suite struct AvailableMemoryTests {
    /// A field of /proc/meminfo in bytes, read here independently.
    static func meminfo(_ field: String) throws -> UInt64? {
        let text = try String(contentsOfFile: "/proc/meminfo", encoding: .utf8)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }) else { return nil }
        let parts = line.split(whereSeparator: { $0 == " " || $0 == ":" })
        #expect(parts.last == "kB")
        return UInt64(parts[1]).map { $0 * 1024 }
    }

    @Test func readsMemAvailableInBytes() throws {
        guard let total = try Self.meminfo("MemTotal"), let available = try Self.meminfo("MemAvailable") else { return }
        let read = try #require(AvailableMemory.meminfoAvailable())
        // Other processes change MemAvailable between the two reads; a factor 2 allows for that and
        // still tells bytes from kilobytes (a factor 1024).
        #expect(read <= total && read >= available / 2 && read <= available * 2)
        #expect(try #require(AvailableMemory.bytes) <= read * 2)
    }

    @Test func cgroupLimitIsTheLimitMinusItsUse() throws {
        let limit = try? String(contentsOfFile: "/sys/fs/cgroup/memory.max", encoding: .utf8)
        let remaining = AvailableMemory.cgroupRemaining()
        guard let limit, let bytes = UInt64(limit.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            #expect(remaining == nil)  // no cgroup v2 file, or "max": no limit
            return
        }
        // The group's use moves between reads; the remainder never exceeds the limit.
        #expect(try #require(remaining) <= bytes)
    }

    @Test func printsGibibytesWithOneDecimal() {
        #expect(AvailableMemory.text(0) == "0.0 GiB")
        #expect(AvailableMemory.text(3 << 29) == "1.5 GiB")
        #expect(AvailableMemory.text(12_345_678_901) == "11.5 GiB")  // 11.4978... GiB
    }
}
