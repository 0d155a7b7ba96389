import Foundation
import RGMap

/// `rgmap enrich` on the map benchmark's cohort (N 300, G 20000, F 1000) with its genes named
/// by real symbols: one feature's GSEA against 5000 GO BP sets versus gseapy prerank (same
/// permutations, same size limits), and every feature against the whole GO BP file.
struct EnrichmentBenchmark {
    let map: MapBenchmark
    let folder: String
    let python: String
    let goBP = "data/genesets/go_bp.gmt.gz"
    var omicsPath: String { folder + "/enrich_omics_20000x300.tsv" }
    var mapFolder: String { folder + "/enrich_map" }

    /// The map cohort's expression with gene i renamed to a GO symbol (GO's genes in a seeded
    /// random order, then `NOVEL<i>` once they run out), and its association map.
    func prepare() throws {
        guard !FileManager.default.fileExists(atPath: mapFolder + "/map/associations.h5") else { return }
        var random = RandomSource(seed: 8)
        let symbols = try GMTSymbols.read(goBP).shuffled(using: &random)
        var text = ""
        for (i, line) in try String(contentsOfFile: map.omicsPath, encoding: .utf8).split(separator: "\n").enumerated() {
            guard i > 0, let tab = line.firstIndex(of: "\t") else { text += line + "\n"; continue }
            text += (i - 1 < symbols.count ? symbols[i - 1] : "NOVEL\(i)") + line[tab...] + "\n"
        }
        try text.write(toFile: omicsPath, atomically: true, encoding: .utf8)
        _ = ChildProcess.require(".build/release/rgmap", ["map", "--features", map.featuresPath(missing: false), "--omics", omicsPath,
                                                      "--out", mapFolder, "--force", "--quiet"])
    }

    func run(table: BenchTable) throws {
        try oneFeatureAgainstGseapy(table: table)
        let out = folder + "/enrich_all"
        let all = ChildProcess.require(".build/release/rgmap", ["enrich", "--from", mapFolder, "--gene-sets", goBP, "--out", out, "--force", "--quiet"])
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))) as! [String: Any]
        let report = manifest["enrichment"] as! [String: Any]
        let steps = (manifest["steps"] as! [[String: Any]]).map { "\($0["name"]!) \(format(($0["seconds"] as! NSNumber).doubleValue, 1)) s" }
        table.note("enrich: all \(map.features) features x \(report["setsTested"]!) GO BP sets (GSEA, 1000 permutations, multilevel p; plus ORA of "
                   + "\(report["oraQueries"]!) feature gene lists): \(format(all.seconds, 1)) s wall (target < 600 s), peak RSS "
                   + "\(format(all.peakMegabytes, 0)) MB; \(report["multilevelEstimates"]!) multilevel p-values; steps: \(steps.joined(separator: ", "))")
    }

    /// The first feature's ranking against the first 5000 GO BP sets, 1000 permutations, sizes 15-500, 2 threads each.
    private func oneFeatureAgainstGseapy(table: BenchTable) throws {
        let rnk = folder + "/enrich_one.rnk", gmt = folder + "/enrich_go5000.gmt"
        // A child writes the ranking: a child's peak RSS includes this process's at spawn, so it must stay small.
        _ = ChildProcess.require(python, ["scripts/bench_gsea.py", "--write-ranks", mapFolder + "/map/associations.h5", rnk])
        try GMTSymbols.firstSets(goBP, count: 5000).write(toFile: gmt, atomically: true, encoding: .utf8)
        let threads = String(ProcessInfo.processInfo.activeProcessorCount)
        let mine = ChildProcess.require(".build/release/rgmap", ["enrich", "--ranks", rnk, "--gene-sets", gmt, "--min-size", "15", "--max-size", "500",
                                                                 "--permutations", "1000", "--ora", "false", "--threads", threads,
                                                                 "--out", folder + "/enrich_one", "--force", "--quiet"])
        let gseapy = ChildProcess.require(python, ["scripts/bench_gsea.py", rnk, gmt, "1000", threads, folder + "/enrich_gseapy.tsv"])
        table.add(BenchResult(name: "GSEA, one feature x 5000 GO BP sets, 1000 permutations", size: "G \(map.genes)",
                              rgmapSeconds: mine.seconds, rgmapMegabytes: mine.peakMegabytes, baselineName: "gseapy 1.3.1 prerank",
                              baselineSeconds: gseapy.seconds, baselineMegabytes: gseapy.peakMegabytes))
    }
}

/// Gene symbols and set lines of a GMT file, for preparing benchmark inputs.
enum GMTSymbols {
    static func lines(_ path: String) throws -> [Substring] {
        let text = path.hasSuffix(".gz") ? runCommand("/usr/bin/env", ["gzip", "-dc", path])
            : String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        return text.split(separator: "\n")
    }

    /// Every gene the file names, sorted.
    static func read(_ path: String) throws -> [String] {
        var genes = Set<String>()
        for line in try lines(path) { for gene in line.split(separator: "\t").dropFirst(2) { genes.insert(String(gene)) } }
        return genes.sorted()
    }

    static func firstSets(_ path: String, count: Int) throws -> String {
        try lines(path).prefix(count).joined(separator: "\n") + "\n"
    }
}
