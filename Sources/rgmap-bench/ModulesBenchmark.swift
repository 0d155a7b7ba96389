import CBLAS
import Foundation
import RGMap

/// `rgmap modules` on deterministic synthetic cohorts (N samples, G genes with planted
/// modules) against R's pickSoftThreshold + blockwiseModules (one block, power 6), plus bare
/// G x G by G x G products in double and single precision.
struct ModulesBenchmark {
    let folder: String
    let genes: Int
    let samples = 300
    let threads = ProcessInfo.processInfo.activeProcessorCount

    var omicsPath: String { folder + "/modules_omics_\(genes)x\(samples).tsv" }
    var truthPath: String { folder + "/modules_truth_\(genes).tsv" }

    /// Nine planted modules over 40.5% of the genes (10%, 8%, 6%, 5%, 4%, 3%, 2%, 1.5%, 1%),
    /// each gene loading 0.5 to 0.85 on its module's factor; the rest noise. Seed 5.
    func prepare() throws {
        guard !FileManager.default.fileExists(atPath: truthPath) else { return }
        var rng = RandomSource(seed: 5)
        let shares = [0.10, 0.08, 0.06, 0.05, 0.04, 0.03, 0.02, 0.015, 0.01]
        var truth = [Int](repeating: 0, count: genes)
        var next = 0
        for (index, share) in shares.enumerated() {
            for _ in 0..<Int(share * Double(genes)) { truth[next] = index + 1; next += 1 }
        }
        truth.shuffle(using: &rng)
        let factors = shares.indices.map { _ in (0..<samples).map { _ in rng.normal() } }
        var text = "gene\t" + (0..<samples).map { "S\($0)" }.joined(separator: "\t") + "\n"
        var truthText = "gene\tmodule\n"
        for g in 0..<genes {
            let loading = truth[g] == 0 ? 0 : rng.uniform(0.5, 0.85)
            text += "G\(g)"
            for s in 0..<samples {
                let signal = truth[g] == 0 ? 0 : loading * factors[truth[g] - 1][s]
                text += "\t" + format(8 + signal + (1 - loading * loading).squareRoot() * rng.normal(), 6)
            }
            text += "\n"
            truthText += "G\(g)\t\(truth[g])\n"
        }
        try text.write(toFile: omicsPath, atomically: true, encoding: .utf8)
        try truthText.write(toFile: truthPath, atomically: true, encoding: .utf8)
    }

    func run(table: BenchTable) throws {
        let size = "N \(samples), G \(genes)"
        let truth = try labels(truthPath)
        var rgmapLabels: [String: [Int]] = [:]
        var rgmapRuns: [String: ChildProcess] = [:]
        for precision in ["double", "single"] {
            let out = folder + "/modules_out_\(precision)"
            rgmapRuns[precision] = ChildProcess.require(".build/release/rgmap", ["modules", "--omics", omicsPath, "--power", "6",
                                                                                 "--precision", precision, "--out", out, "--force", "--quiet"])
            rgmapLabels[precision] = try labels(out + "/network/modules.tsv")
            table.note("modules G \(genes), \(precision): rgmap steps (s): " + (try steps(out + "/manifest.json")))
        }
        let r = ChildProcess.require("Rscript", ["scripts/bench_modules.R", omicsPath, folder + "/modules_r_labels.tsv",
                                                  folder + "/modules_r_timings.tsv", String(threads)])
        let rSteps = try timings(folder + "/modules_r_timings.tsv")
        let rLabels = try labels(folder + "/modules_r_labels.tsv")
        let rModules = rSteps["blockwiseModules"]!
        // The second baseline (a WGCNA user's route) counts pickSoftThreshold too, as rgmap's command does.
        let baselines = [("R blockwiseModules, one block", rModules),
                         ("R pickSoftThreshold + blockwiseModules", rModules + rSteps["pickSoftThreshold"]!)]
        for (baseline, seconds) in baselines {
            for precision in ["double", "single"] {
                let run = rgmapRuns[precision]!
                table.add(BenchResult(name: "modules (whole command, \(precision))", size: size, rgmapSeconds: run.seconds,
                                      rgmapMegabytes: run.peakMegabytes, baselineName: baseline,
                                      baselineSeconds: seconds, baselineMegabytes: r.peakMegabytes))
            }
        }
        let softSeconds = try stepSeconds(folder + "/modules_out_double/manifest.json", "soft threshold")
        table.add(BenchResult(name: "soft-threshold table", size: size, rgmapSeconds: softSeconds, rgmapMegabytes: nil,
                              baselineName: "R pickSoftThreshold", baselineSeconds: rSteps["pickSoftThreshold"]!, baselineMegabytes: nil))
        let ari = { (a: [Int], b: [Int]) in format(adjustedRandIndex(a, b), 4) }
        table.note("modules G \(genes): ARI against the planted modules: rgmap double \(ari(rgmapLabels["double"]!, truth)), "
                   + "single \(ari(rgmapLabels["single"]!, truth)), R \(ari(rLabels, truth)); rgmap double against R \(ari(rgmapLabels["double"]!, rLabels)), "
                   + "single against double \(ari(rgmapLabels["single"]!, rgmapLabels["double"]!)); R peak RSS \(format(r.peakMegabytes, 0)) MB "
                   + "(includes pickSoftThreshold), rgmap/R memory: double \(format(rgmapRuns["double"]!.peakMegabytes / r.peakMegabytes, 2)), "
                   + "single \(format(rgmapRuns["single"]!.peakMegabytes / r.peakMegabytes, 2))")
        if genes > 5000 { try blockwise(table: table, truth: truth) }
        let gemm = bareGemmSeconds()
        table.note("modules G \(genes): bare G x G by G x G product: dgemm \(format(gemm.double, 2)) s, sgemm \(format(gemm.single, 2)) s; "
                   + "rgmap whole command / bare product: double \(format(rgmapRuns["double"]!.seconds / gemm.double, 2)), "
                   + "single \(format(rgmapRuns["single"]!.seconds / gemm.single, 2))")
    }

    /// `--max-block-size 5000` against blockwiseModules with maxBlockSize = 5000.
    private func blockwise(table: BenchTable, truth: [Int]) throws {
        let out = folder + "/modules_out_blocks"
        let mine = ChildProcess.require(".build/release/rgmap", ["modules", "--omics", omicsPath, "--power", "6", "--max-block-size", "5000",
                                                                  "--out", out, "--force", "--quiet"])
        let r = ChildProcess.require("Rscript", ["scripts/bench_modules.R", omicsPath, folder + "/modules_r_block_labels.tsv",
                                                  folder + "/modules_r_block_timings.tsv", String(threads), "5000"])
        let rSeconds = try timings(folder + "/modules_r_block_timings.tsv")["blockwiseModules"]!
        table.add(BenchResult(name: "modules, blocks of <= 5000 (whole command, double)", size: "N \(samples), G \(genes)",
                              rgmapSeconds: mine.seconds, rgmapMegabytes: mine.peakMegabytes,
                              baselineName: "R blockwiseModules, maxBlockSize 5000", baselineSeconds: rSeconds, baselineMegabytes: r.peakMegabytes))
        let blockLabels = try labels(out + "/network/modules.tsv"), rLabels = try labels(folder + "/modules_r_block_labels.tsv")
        table.note("modules G \(genes), blocks of <= 5000: rgmap steps (s): " + (try steps(out + "/manifest.json"))
                   + "; ARI against the planted modules: rgmap \(format(adjustedRandIndex(blockLabels, truth), 4)), R \(format(adjustedRandIndex(rLabels, truth), 4)); "
                   + "rgmap/R memory \(format(mine.peakMegabytes / r.peakMegabytes, 2))")
    }

    /// One run each of C = A B with A, B genes x genes, in double and single precision.
    func bareGemmSeconds() -> (double: Double, single: Double) {
        let n = Int32(genes)
        var seconds = (double: 0.0, single: 0.0)
        do {
            let a = [Double](repeating: 0.5, count: genes * genes)
            var c = [Double](repeating: 0, count: genes * genes)
            seconds.double = bestTime(runs: 1) {
                cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1, a, n, a, n, 0, &c, n)
            }
        }
        do {
            let a = [Float](repeating: 0.5, count: genes * genes)
            var c = [Float](repeating: 0, count: genes * genes)
            seconds.single = bestTime(runs: 1) {
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1, a, n, a, n, 0, &c, n)
            }
        }
        return seconds
    }

    /// The `module` column of a `gene<TAB>module...` table.
    private func labels(_ path: String) throws -> [Int] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { Int($0.split(separator: "\t")[1])! }
    }

    private func timings(_ path: String) throws -> [String: Double] {
        var values: [String: Double] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst() {
            // A step R skipped has an empty time.
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count > 1, let seconds = Double(fields[1]) { values[String(fields[0])] = seconds }
        }
        return values
    }

    /// The manifest's step timings as `step s, ...`.
    private func steps(_ manifestPath: String) throws -> String {
        try manifestSteps(manifestPath).map { "\($0.0) \(format($0.1, 2))" }.joined(separator: ", ")
    }

    private func stepSeconds(_ manifestPath: String, _ name: String) throws -> Double {
        try manifestSteps(manifestPath).first { $0.0 == name }!.1
    }

    private func manifestSteps(_ path: String) throws -> [(String, Double)] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        let steps = json["steps"] as! [[String: Any]]
        return steps.map { ($0["name"] as! String, ($0["seconds"] as! NSNumber).doubleValue) }
    }
}
