import Foundation

/// One measured comparison: rgmap against a baseline tool in the same run.
struct BenchResult {
    var name: String
    var size: String
    var rgmapSeconds: Double
    var baselineName: String
    var baselineSeconds: Double
    /// Throughput unit (MB/s) when the benchmark has a byte count.
    var megabytes: Double?
}

/// Prints results as a Markdown table: times, throughput and rgmap's speed-up.
final class BenchTable {
    private var results: [BenchResult] = []

    func add(_ result: BenchResult) { results.append(result) }

    func print() {
        Swift.print("| benchmark | size | rgmap s | rgmap MB/s | baseline | baseline s | baseline MB/s | speed-up |")
        Swift.print("|---|---|---|---|---|---|---|---|")
        for r in results {
            let rate = { (seconds: Double) in r.megabytes.map { String(format: "%.0f", $0 / seconds) } ?? "-" }
            Swift.print("| \(r.name) | \(r.size) | \(String(format: "%.3f", r.rgmapSeconds)) | \(rate(r.rgmapSeconds)) "
                        + "| \(r.baselineName) | \(String(format: "%.3f", r.baselineSeconds)) | \(rate(r.baselineSeconds)) "
                        + "| \(String(format: "%.2fx", r.baselineSeconds / r.rgmapSeconds)) |")
        }
    }
}

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
