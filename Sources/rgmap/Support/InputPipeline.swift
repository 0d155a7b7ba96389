import Foundation
import RGMap

/// Loads, matches and preprocesses the inputs named on the command line,
/// telling the user what happened and timing each step for the manifest.
struct InputPipeline {
    struct Result {
        var tables: [LoadedTable] = []
        var cohort: Cohort?
        var preprocessing: PreprocessReport?
        var geneSets: (path: String, sets: GeneSetCollection)?
        var steps: [(name: String, seconds: Double)] = []
    }

    let inputs: InputOptions
    let preprocess: PreprocessFlags
    let console: Console

    func run() throws -> Result {
        var result = Result()
        let files = inputs.tableFiles
        guard !files.isEmpty || inputs.geneSets != nil else {
            throw UsageError("no input given: name at least one of --features, --omics, --mutations, --covariates, --gene-sets")
        }
        for (role, path) in files {
            let started = Date()
            let step = console.step("reading \(role.rawValue) \(path)")
            let table = try InputLoader.load(role, path: path, options: inputs.loadOptions, progress: step.callback)
            let shape = table.shape
            step.finish("\(role.rawValue): \(path), \(table.format), \(shape.rows) x \(shape.columns)")
            for note in table.notes { console.note("  \(note)") }
            result.tables.append(table)
            result.steps.append(("load \(role.rawValue)", Date().timeIntervalSince(started)))
        }
        if !result.tables.isEmpty {
            let started = Date()
            let cohort = try SampleMatcher.match(result.tables, options: inputs.matchOptions())
            let (processed, report) = try Preprocessor.apply(cohort, options: preprocess.options)
            result.cohort = processed
            result.preprocessing = report
            result.steps.append(("match samples and preprocess", Date().timeIntervalSince(started)))
        }
        if let path = inputs.geneSets {
            let started = Date()
            let step = console.step("reading gene sets \(path)")
            let sets = try InputLoader.loadGeneSets(path: path)
            step.finish("gene sets: \(path), \(sets.count) sets over \(sets.genes.count) genes")
            result.geneSets = (path, sets)
            result.steps.append(("load gene sets", Date().timeIntervalSince(started)))
        }
        return result
    }

    /// The one-paragraph matching summary every command prints on stderr.
    func reportMatching(_ report: SampleMatchReport) {
        console.note("samples: \(report.samples.count) matched (ID match: \(report.normalization.rawValue))")
        for table in report.tables {
            var line = "  \(table.role.rawValue): \(table.samples) IDs in \(table.sampleAxis.rawValue), \(table.matched) matched"
            if !table.unmatched.isEmpty {
                line += ", \(table.unmatched.count) unmatched: " + table.unmatched.prefix(5).joined(separator: ", ")
                    + (table.unmatched.count > 5 ? ", ... (all in manifest.json)" : "")
            }
            console.note(line)
        }
    }

    /// A manifest holding the inputs' fingerprints, the matching and the step timings.
    func manifest(_ result: Result, command: String, extra: [String: String]) throws -> Manifest {
        var parameters = inputs.parameters.merging(preprocess.parameters) { a, _ in a }
        parameters.merge(extra) { a, _ in a }
        var manifest = Manifest(command: ["rgmap", command] + Array(CommandLine.arguments.dropFirst(2)),
                                parameters: parameters)
        for table in result.tables {
            try manifest.addInput(role: table.role.rawValue, path: table.path, format: table.format)
        }
        if let geneSets = result.geneSets {
            try manifest.addInput(role: "gene-sets", path: geneSets.path, format: "GMT")
        }
        manifest.sampleMatching = result.cohort?.matching
        manifest.preprocessing = result.preprocessing
        for step in result.steps { manifest.addStep(step.name, seconds: step.seconds) }
        return manifest
    }
}
