import Foundation

/// `report.html`: one self-contained page of the run's figures and tables.
public struct ReportStage: Sendable {
    public init() {}

    /// The report's first facts: version, inputs with their fingerprints, samples.
    public static func facts(_ manifest: Manifest) -> [(String, String)] {
        let threads = manifest.environment.blasThreads
        var facts = [("rgmap", "\(manifest.version), \(manifest.environment.blasCore) BLAS kernels, \(threads) thread\(threads == 1 ? "" : "s")")]
        facts += manifest.inputs.map { ($0.role, "\($0.path) (\($0.format), SHA-256 \($0.sha256.prefix(12))…)") }
        if let matching = manifest.sampleMatching {
            facts.append(("samples", "\(matching.samples.count) matched (ID match \(matching.normalization.rawValue))"))
        }
        return facts
    }

    /// Writes `report.html` from `content` as one stage of `run`.
    /// - Throws: ``OutputError``.
    public func run(_ content: ReportContent, in run: RunContext) throws {
        let output = run.requireOutput()
        try run.stage("report") {
            try run.time("report") {
                try output.write("report.html", data: Data(ReportPage.html(content, title: "rgmap report").utf8))
            }
        }
        run.log.note("report: \(output.url("report.html").path)")
    }
}
