import Foundation
import Testing
@testable import RGMap

@Suite struct ReportStageTests {
    @Test func factsNameTheVersionTheInputsAndTheSamples() throws {
        var manifest = Manifest(command: ["rgmap", "run"], parameters: [:])
        manifest.inputs = [Manifest.Input(role: "omics", path: "o.tsv", format: "TSV", bytes: 10, sha256: String(repeating: "ab", count: 32))]
        let facts = ReportStage.facts(manifest)
        #expect(facts[0].0 == "rgmap" && facts[0].1.hasPrefix("\(RGMapVersion.current), "))
        #expect(facts[1].0 == "omics" && facts[1].1 == "o.tsv (TSV, SHA-256 abababababab…)")
        #expect(facts.count == 2, "no samples line without sample matching")
    }

    @Test func writesTheReportAsItsOwnStage() throws {
        let folder = Fixtures.scratchFolder()
        let run = RunContext(output: try OutputDirectory(path: folder, force: true), log: SilentLog())
        var content = ReportContent()
        content.facts = [("cohort", "two <features>")]
        try ReportStage().run(content, in: run)
        #expect(run.stages == [Manifest.StageRecord(name: "report", finished: true, files: ["report.html"])])
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(html.contains("<dd>two &lt;features&gt;</dd>"))
    }
}
