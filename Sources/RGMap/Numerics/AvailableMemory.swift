import Foundation

/// Memory this process can still take: the kernel's `MemAvailable`, or less when a cgroup
/// (a container, a batch-system job) caps the process lower.
public enum AvailableMemory {
    /// Bytes available, nil when neither /proc/meminfo nor a cgroup limit can be read.
    public static var bytes: UInt64? {
        let system = meminfoAvailable()
        guard let limit = cgroupRemaining() else { return system }
        return system.map { min($0, limit) } ?? limit
    }

    /// `MemAvailable` of /proc/meminfo (in kB there).
    static func meminfoAvailable() -> UInt64? {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
            let fields = line.split(separator: " ")
            // /proc/meminfo's "kB" are units of 1024 bytes.
            if fields.count >= 2, let kilobytes = UInt64(fields[1]) { return kilobytes * 1024 }
        }
        return nil
    }

    /// The cgroup v2 limit minus what the group uses ("max" means no limit).
    static func cgroupRemaining() -> UInt64? {
        func number(_ path: String) -> UInt64? {
            (try? String(contentsOfFile: path, encoding: .utf8)).flatMap { UInt64($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        guard let limit = number("/sys/fs/cgroup/memory.max") else { return nil }
        let used = number("/sys/fs/cgroup/memory.current") ?? 0
        return limit > used ? limit - used : 0
    }

    /// `12.3 GiB` (2^30 bytes).
    public static func text(_ bytes: UInt64) -> String {
        String(format: "%.1f GiB", Double(bytes) / Double(1 << 30))
    }
}
