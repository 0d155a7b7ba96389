import Foundation
import Testing
@testable import RGMap

// BEGIN EXAMPLE (docs/library.md shows this code unchanged)
/// Prints notes and warnings as they come; names settings as the library does.
struct PrintingLog: PipelineLog {
    func note(_ message: Message) { print(message) }
    func warning(_ message: Message) { print("warning: \(message)") }
    func step(_ label: String) -> StepProgress { SilentLog().step(label) }
    func name(_ setting: Setting) -> String { setting.rawValue }
}

/// The whole pipeline on one cohort into `out`: map, network, enrichment, heatmaps, report.
func analyseCohort(features: String, omics: String, geneSets: String, out: String) throws -> PipelineResult? {
    var inputs = InputSettings(features: features, omics: omics, geneSets: geneSets)
    inputs.matching = SampleMatchOptions(normalization: .tcgaPatient)
    var settings = PipelineSettings(inputs: inputs, output: OutputSettings(path: out))
    settings.map = MapSettings(association: AssociationOptions(method: .spearman))
    var network = NetworkSettings()
    network.power = .fixed(6)
    network.dropIncompleteGenes = true
    settings.network = network
    settings.enrichment = EnrichmentSettings()
    settings.heatmap = HeatmapSettings()
    settings.report = true
    do {
        let result = try Pipeline(settings: settings).run(log: PrintingLog())
        if let network = result.network, let links = network.links {
            for hub in links.hubs.prefix(3) {
                print("\(links.features[hub.feature]): \(network.genes[hub.gene]) (module \(hub.module), kME \(hub.kme))")
            }
        }
        return result
    } catch let error as InputError {
        print("\(error.file) line \(error.line ?? 0): \(error.message)")
    } catch let error as AnalysisError {
        print("cannot analyse this cohort (\(error.kind)): \(error.message)")
    }
    return nil
}
// END EXAMPLE

/// The example of docs/library.md: the page shows exactly this code, and it runs.
@Suite struct LibraryExampleTests {
    static func code(between start: String, and end: String, in text: String) throws -> String {
        let from = try #require(text.range(of: start)), to = try #require(text.range(of: end, range: from.upperBound..<text.endIndex))
        return String(text[from.upperBound..<to.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func theGuideShowsThisCode() throws {
        let page = try String(contentsOfFile: Fixtures.repository + "/docs/library.md", encoding: .utf8)
        let shown = try Self.code(between: "```swift\nimport RGMap\n", and: "```", in: page)
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let compiled = try Self.code(between: "// BEGIN EXAMPLE (docs/library.md shows this code unchanged)\n", and: "// END EXAMPLE", in: source)
        #expect(shown == compiled)
    }

    @Test func theExampleRunsOnASmallCohort() throws {
        let folder = Fixtures.scratchFolder()
        var options = SimulationOptions(seed: 3)
        (options.genes, options.features, options.moduleSizes) = (400, 8, [60, 40, 30])
        (options.imagedPatients, options.profiledPatients, options.sequencedPatients) = (46, 40, 35)
        let cohort = try ExampleCohortSimulator.simulate(options, geneSets: Fixtures.goBiologicalProcess)
        try ExampleCohortWriter.write(cohort, to: OutputDirectory(path: folder + "/cohort", force: false))
        let result = try #require(try analyseCohort(features: folder + "/cohort/features.csv", omics: folder + "/cohort/omics.tsv",
                                                    geneSets: Fixtures.repository + "/data/genesets/go_bp.gmt.gz", out: folder + "/out"))
        #expect(result.network?.moduleCount ?? 0 >= 2)
        #expect(FileManager.default.fileExists(atPath: folder + "/out/report.html"))
    }
}
