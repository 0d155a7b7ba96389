import Foundation
import RGMap

/// Parsing a 20000 genes x 300 samples numeric TSV: rgmap's loader against
/// `pandas.read_csv` on the same file.
struct TableParseBenchmark {
    enum Variant: CaseIterable {
        /// Full-precision doubles as Python's repr and Swift's description write them (~17 digits).
        case roundTrip
        /// Six decimals, as most expression exports are written.
        case sixDecimals
    }

    let variant: Variant
    let folder: String
    let runs: Int
    let genes = 20_000
    let samples = 300

    var path: String { folder + "/expression_20000x300_\(variant == .roundTrip ? "roundtrip" : "6dp").tsv" }

    /// Writes the file once (deterministic content), reused by later runs.
    func prepare() throws {
        guard !FileManager.default.fileExists(atPath: path) else { return }
        var rng = RandomSource(seed: 20_000)
        var text = "gene\t" + (1...samples).map { "S\($0)" }.joined(separator: "\t") + "\n"
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else { fatalError("cannot write \(path)") }
        for g in 0..<genes {
            text += "GENE\(g)"
            for _ in 0..<samples {
                let value = rng.normal(mean: 7, sd: 2)
                text += "\t" + (variant == .roundTrip ? value.description : String(format: "%.6f", value))
            }
            text += "\n"
            if text.utf8.count > 1 << 20 {
                handle.write(Data(text.utf8))
                text = ""
            }
        }
        handle.write(Data(text.utf8))
        try handle.close()
    }

    func run(python: String) throws -> BenchResult {
        let bytes = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0)
        let seconds = try bestTime(runs: runs) {
            let table = try InputLoader.load(.omics, path: path)
            precondition(table.shape.rows == genes && table.shape.columns == samples)
        }
        let pandas = Double(runCommand(python, ["scripts/bench_read_csv.py", path, String(runs)]))!
        let name = variant == .roundTrip ? "TSV parse, 17-digit values" : "TSV parse, 6-decimal values"
        return BenchResult(name: name, size: "\(genes) x \(samples), \(String(format: "%.0f", bytes / 1e6)) MB",
                           rgmapSeconds: seconds, baselineName: "pandas.read_csv", baselineSeconds: pandas,
                           megabytes: bytes / 1e6)
    }
}
