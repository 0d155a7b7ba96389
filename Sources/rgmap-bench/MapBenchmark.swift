import CBLAS
import Foundation
import RGMap

/// `rgmap map` on a deterministic synthetic cohort (N samples, G genes, F features) against
/// the R route (WGCNA::cor + corPvalueStudent + p.adjust, data.table I/O) and a
/// numpy/scipy script doing the same job, plus a bare dgemm of the correlation's shape.
struct MapBenchmark {
    let folder: String
    let samples = 300
    let genes = 20_000
    let features = 1000
    /// Fraction of feature cells made missing in the second variant.
    let missingFraction = 0.02

    var omicsPath: String { folder + "/map_omics_\(genes)x\(samples).tsv" }
    func featuresPath(missing: Bool) -> String { folder + "/map_features_\(features)\(missing ? "_missing" : "").csv" }

    /// Writes the cohort once: 20 latent factors; 20% of genes and 30% of features load 0.6
    /// on one factor each, the rest is noise. Deterministic (seed 3).
    func prepare() throws {
        guard !FileManager.default.fileExists(atPath: featuresPath(missing: true)) else { return }
        var rng = RandomSource(seed: 3)
        let factors = (0..<20).map { _ in (0..<samples).map { _ in rng.normal() } }
        var omics = "gene\t" + (0..<samples).map { "P\($0)" }.joined(separator: "\t") + "\n"
        for g in 0..<genes {
            let loading = g % 5 == 0 ? 0.6 : 0.0
            omics += "G\(g)"
            for s in 0..<samples {
                let value = 8 + loading * factors[g % 20][s] + (1 - loading * loading).squareRoot() * rng.normal()
                omics += "\t" + format(value, 6)
            }
            omics += "\n"
        }
        try omics.write(toFile: omicsPath, atomically: true, encoding: .utf8)
        var values = [[Double]](repeating: [], count: samples)
        for f in 0..<features {
            let loading = f % 10 < 3 ? 0.6 : 0.0
            for s in 0..<samples {
                values[s].append(100 + 15 * (loading * factors[f % 20][s] + (1 - loading * loading).squareRoot() * rng.normal()))
            }
        }
        for missing in [false, true] {
            var text = "ID," + (0..<features).map { "original_firstorder_F\($0)" }.joined(separator: ",") + "\n"
            var missingRNG = RandomSource(seed: 4)
            for s in 0..<samples {
                text += "P\(s)"
                for f in 0..<features {
                    text += missing && missingRNG.uniform() < missingFraction ? "," : "," + format(values[s][f], 6)
                }
                text += "\n"
            }
            try text.write(toFile: featuresPath(missing: missing), atomically: true, encoding: .utf8)
        }
    }

    func run(python: String, table: BenchTable) throws {
        let gemm = bareGemmSeconds()
        for missing in [false, true] {
            let out = folder + "/map_out"
            try? FileManager.default.removeItem(atPath: out)
            let arguments = ["map", "--features", featuresPath(missing: missing), "--omics", omicsPath,
                             "--out", out, "--quiet", "--force", "--max-q", "0.05"]
            // rgmap runs in about a second, where this machine's noise is a sizeable share: median of 5.
            let tableOnly = median(of: 5) { ChildProcess.require(".build/release/rgmap", arguments + ["--matrices", "none"]) }
            let rgmap = median(of: 5) { ChildProcess.require(".build/release/rgmap", arguments) }
            let r = ChildProcess.require("Rscript", ["scripts/bench_map.R", featuresPath(missing: missing), omicsPath,
                                                      folder + "/map_r.tsv"])
            let numpy = ChildProcess.require(python, ["scripts/bench_map.py", featuresPath(missing: missing), omicsPath,
                                                       folder + "/map_numpy.tsv"])
            let label = "map, \(missing ? "2% missing features" : "complete data") (rgmap: median of 5)"
            let size = "N \(samples), G \(genes), F \(features)"
            func row(_ name: String, _ mine: ChildProcess, _ baseline: String, _ seconds: Double, _ megabytes: Double?) {
                table.add(BenchResult(name: name, size: size, rgmapSeconds: mine.seconds, rgmapMegabytes: mine.peakMegabytes,
                                      baselineName: baseline, baselineSeconds: seconds, baselineMegabytes: megabytes))
            }
            row(label, rgmap, "R (WGCNA::cor, corPvalueStudent, p.adjust)", r.seconds, r.peakMegabytes)
            row(label, rgmap, "numpy/scipy", numpy.seconds, numpy.peakMegabytes)
            row(label + ", --matrices none", tableOnly, "R (same job)", r.seconds, r.peakMegabytes)
            row(label + ", --matrices none", tableOnly, "numpy/scipy (same job)", numpy.seconds, numpy.peakMegabytes)
            row(label, rgmap, "bare cblas_dgemm \(features)x\(samples)x\(genes)", gemm, nil)
            let matricesAndInputs = Double(3 * features * genes * 8 + (features + genes) * samples * 8) / 1_048_576
            table.note("\(label): rgmap peak RSS \(format(rgmap.peakMegabytes, 0)) MB = "
                       + "\(format(rgmap.peakMegabytes / matricesAndInputs, 2))x the r, p, q matrices plus inputs (target <= 1.5x); "
                       + "rows written: rgmap \(lineCount(out + "/map/associations.tsv") - 1), R \(lineCount(folder + "/map_r.tsv") - 1), "
                       + "numpy \(lineCount(folder + "/map_numpy.tsv") - 1)")
        }
    }

    /// The run with the median wall time (short runs on a shared machine vary by +-30%).
    private func median(of runs: Int, _ run: () -> ChildProcess) -> ChildProcess {
        let results = (0..<runs).map { _ in run() }.sorted { $0.seconds < $1.seconds }
        return results[runs / 2]
    }

    /// Best of 3 times of C = A B^T with A features x samples and B genes x samples.
    func bareGemmSeconds() -> Double {
        let a = [Double](repeating: 0.5, count: features * samples)
        let b = [Double](repeating: 0.25, count: genes * samples)
        var c = [Double](repeating: 0, count: features * genes)
        return bestTime(runs: 3) {
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(features), Int32(genes), Int32(samples),
                        1, a, Int32(samples), b, Int32(samples), 0, &c, Int32(genes))
        }
    }

    private func lineCount(_ path: String) -> Int {
        guard let data = FileManager.default.contents(atPath: path) else { return 0 }
        return data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
