import Foundation
@testable import RGMap

/// Settings of a whole run on the bundled example cohort cut to its most variable genes,
/// small enough for a test (GSEA with few permutations, p bounded at 1e-6).
enum ExampleRun {
    static func settings(out: String, genes: Int = 300) -> PipelineSettings {
        let data = Fixtures.repository + "/data"
        var inputs = InputSettings(features: data + "/example/features.csv", omics: data + "/example/omics.tsv",
                                   covariates: data + "/example/covariates.tsv", geneSets: data + "/genesets/go_bp.gmt.gz")
        inputs.matching = SampleMatchOptions(normalization: .tcgaPatient)
        inputs.preprocess = PreprocessOptions(topVariable: genes)
        var settings = PipelineSettings(inputs: inputs, output: OutputSettings(path: out))
        settings.map = MapSettings()
        var network = NetworkSettings()
        network.dropIncompleteGenes = true
        settings.network = network
        var enrichment = EnrichmentSettings()
        enrichment.gsea.permutations = 100
        enrichment.gsea.eps = 1e-6
        settings.enrichment = enrichment
        settings.heatmap = HeatmapSettings(features: 10, genes: 20)
        settings.report = true
        return settings
    }

    /// Every file under `folder` (relative paths, sorted), temporary files included.
    static func files(under folder: String) -> [String] {
        let all = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []
        return all.filter { path in
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder)
            return !isFolder.boolValue
        }.sorted()
    }

    static func manifest(in folder: String) throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json")))
    }
}

/// A log that keeps what it is told, for tests that check the notes and warnings.
final class RecordingLog: PipelineLog {
    private(set) var notes: [Message] = []
    private(set) var warnings: [Message] = []
    func note(_ message: Message) { notes.append(message) }
    func warning(_ message: Message) { warnings.append(message) }
    func step(_ label: String) -> StepProgress { SilentLog().step(label) }
    func name(_ setting: Setting) -> String { setting.rawValue }
}
