import Foundation

/// One measured comparison: rgmap against a baseline in the same run.
struct BenchResult {
    var name: String
    var size: String
    var rgmapSeconds: Double
    var rgmapMegabytes: Double?
    var baselineName: String
    var baselineSeconds: Double
    var baselineMegabytes: Double?
    /// Bytes processed, for a throughput column (MB/s).
    var megabytes: Double?
}

/// Prints results as a Markdown table: times, peak memory, throughput and rgmap's speed-up.
final class BenchTable {
    private var results: [BenchResult] = []
    private var notes: [String] = []

    func add(_ result: BenchResult) { results.append(result) }
    func note(_ text: String) { notes.append(text) }

    func print() {
        Swift.print("| benchmark | size | rgmap s | rgmap MB/s | rgmap peak MB | baseline | baseline s | baseline MB/s | baseline peak MB | speed-up |")
        Swift.print("|---|---|---|---|---|---|---|---|---|---|")
        for r in results {
            let rate = { (seconds: Double) in r.megabytes.map { format($0 / seconds, 0) } ?? "-" }
            let memory = { (mb: Double?) in mb.map { format($0, 0) } ?? "-" }
            Swift.print("| \(r.name) | \(r.size) | \(format(r.rgmapSeconds, 3)) | \(rate(r.rgmapSeconds)) | \(memory(r.rgmapMegabytes)) "
                        + "| \(r.baselineName) | \(format(r.baselineSeconds, 3)) | \(rate(r.baselineSeconds)) | \(memory(r.baselineMegabytes)) "
                        + "| \(format(r.baselineSeconds / r.rgmapSeconds, 2))x |")
        }
        for note in notes { Swift.print("\n" + note) }
    }
}

func format(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

/// Runs a command and returns its standard output (trimmed); exits on failure.
func runCommand(_ executable: String, _ arguments: [String]) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch { fatalError("cannot run \(executable): \(error)") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { fatalError("\(executable) \(arguments.joined(separator: " ")) failed") }
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

/// Best wall time of `runs` calls of `body`.
func bestTime(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<runs {
        let start = DispatchTime.now()
        try body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
    }
    return best
}
