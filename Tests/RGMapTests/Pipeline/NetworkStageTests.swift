import Foundation
import Testing
@testable import RGMap

/// The network stage's checks before anything is computed, and the network it writes.
@Suite struct NetworkStageTests {
    /// The 200 most variable probes of the bladderbatch arrays (57 samples).
    static let expression: LabeledMatrix = {
        let table = try! NumericTableReader.read(path: Fixtures.path("network/bladder_expr.tsv"))
        return table.matrix.selectingRows(Array(0..<200))
    }()

    @Test func checksGenesMissingValuesAndMemoryBeforeAnything() throws {
        let stage = NetworkStage(settings: NetworkSettings())
        let one = LabeledMatrix(rowLabels: ["g"], columnLabels: ["a", "b", "c", "d"], values: [1, 2, 3, 4])
        #expect(throws: AnalysisError(.tooFewVariables, "modules need at least 2 genes, got 1")) { try stage.check(one, log: SilentLog()) }
        let gap = LabeledMatrix(rowLabels: ["g", "h"], columnLabels: ["a", "b", "c", "d"], values: [1, 2, 3, 4, 4, .nan, 2, 1])
        let missing = try #require(throws: AnalysisError.self) { try stage.check(gap, log: SilentLog()) }
        #expect(missing.kind == .missingValues && missing.message.settings == [.completeGenes])
        // 1 MiB cannot hold the network of 200 genes: the error says what would fit.
        let memory = try #require(throws: AnalysisError.self) {
            try stage.check(Self.expression, log: SilentLog(), availableMemory: 1 << 20)
        }
        #expect(memory.kind == .insufficientMemory)
        #expect(memory.description.hasPrefix("the network of 200 genes needs about "))
        #expect(memory.message.settings.first == .precision)
    }

    @Test func warnsBelowFifteenSamplesAndDropsIncompleteGenesWhenAsked() throws {
        let log = RecordingLog()
        let few = Self.expression.selectingColumns(Array(0..<10))
        try NetworkStage(settings: NetworkSettings()).check(few, log: log)
        #expect(log.warnings.map(\.description) == ["the network has 10 samples; WGCNA's authors advise at least 15: "
                                                    + "with fewer, gene correlations are too noisy for stable modules"])
        var settings = NetworkSettings()
        settings.dropIncompleteGenes = true
        let gap = LabeledMatrix(rowLabels: ["g", "h", "i"], columnLabels: ["a", "b"], values: [1, 2, .nan, 1, 3, 4])
        let kept = NetworkStage(settings: settings).expression(from: gap, log: log)
        #expect(kept.rowLabels == ["g", "i"])
        #expect(log.notes.last?.description == "network: 1 genes with missing values left out (the map keeps them)")
        #expect(NetworkStage(settings: NetworkSettings()).expression(from: gap, log: log).rowCount == 3)
    }

    @Test func buildsTheNetworkAndWritesItsTablesAsOneStage() throws {
        let folder = Fixtures.scratchFolder()
        let run = RunContext(output: try OutputDirectory(path: folder, force: true), log: SilentLog())
        let settings = NetworkSettings()
        let table = try SoftThresholdStage(settings: settings).run(Self.expression, in: run)
        let result = try NetworkStage(settings: settings).run(Self.expression, softThreshold: table, features: nil, in: run)
        #expect(result.power == 6 && result.options.power == 6 && result.genes == Self.expression.rowLabels)
        #expect(result.links == nil && result.moduleCount == Set(result.detection.labels).subtracting([0]).count)
        #expect(run.stages.map(\.name) == ["soft threshold", "network"])
        #expect(run.stages[1].files == ["network/modules.tsv", "network/eigengenes.tsv", "network/kme.tsv", "network/tree.tsv",
                                        "network/top_hubs.tsv"])
        #expect(run.steps.map(\.name).contains("kME and connectivity"))
    }
}
