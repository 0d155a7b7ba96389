import Foundation
import Testing
@testable import RGMap

@Suite struct HeatmapStageTests {
    @Test func theAssociationHeatmapTakesTheStrongestFeaturesAndGenes() throws {
        let stage = HeatmapStage(settings: HeatmapSettings(features: 1, genes: 2))
        let heatmap = stage.associations(SmallMap.make())
        // f1 holds the smallest q; its two genes of smallest q are A and C.
        #expect(heatmap.rows.labels == ["f1"] && Set(heatmap.columns.labels) == ["A", "C"])
    }

    @Test func writesTheHeatmapFolderAsOneStageAndFillsTheReport() throws {
        let folder = Fixtures.scratchFolder()
        let run = RunContext(output: try OutputDirectory(path: folder, force: true), log: SilentLog())
        let stage = HeatmapStage(settings: HeatmapSettings(features: 2, genes: 4))
        var report = ReportContent()
        try stage.run(associations: stage.associations(SmallMap.make()), network: nil, report: &report, in: run)
        #expect(report.associations != nil && report.geneTree == nil && report.hubRules == nil)
        #expect(run.stages.map(\.name) == ["heatmap"] && run.stages[0].files.allSatisfy { $0.hasPrefix("heatmap/associations/") })
        #expect(run.stages[0].files.contains("heatmap/associations/r.tsv") && run.steps.map(\.name) == ["heatmap exports"])
    }
}
