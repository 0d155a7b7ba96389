import Foundation
import RGMap

/// Loads, matches and preprocesses the inputs named on the command line,
/// telling the user what happened and timing each step for the manifest.
struct InputPipeline {
    struct Result {
        var tables: [TableSummary] = []
        /// SHA-256 of every input, computed on another thread while the inputs are parsed.
        var fingerprints: InputFingerprints
        var cohort: Cohort?
        var preprocessing: PreprocessReport?
        var geneSets: (path: String, sets: GeneSetCollection)?
        var steps = StepLog()
    }

    let inputs: InputOptions
    let preprocess: PreprocessFlags
    let console: Console

    func run() throws -> Result {
        var result = Result(fingerprints: InputFingerprints(paths: inputs.tableFiles.map(\.1) + (inputs.geneSets.map { [$0] } ?? [])))
        // The loaded tables live only until matching has moved their data into the cohort.
        var tables: [LoadedTable] = []
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
            tables.append(table)
            result.tables.append(TableSummary(table))
            result.steps.record("load \(role.rawValue)", seconds: Date().timeIntervalSince(started))
        }
        if !tables.isEmpty {
            let started = Date()
            let cohort = try SampleMatcher.match(tables, options: inputs.matchOptions())
            tables.removeAll()
            reportMatching(cohort.matching)
            let (processed, report) = try Preprocessor.apply(cohort, options: preprocess.options)
            for warning in report.warnings { console.warning(warning) }
            result.cohort = processed
            result.preprocessing = report
            result.steps.record("match samples and preprocess", seconds: Date().timeIntervalSince(started))
        }
        if let path = inputs.geneSets {
            let started = Date()
            let step = console.step("reading gene sets \(path)")
            let sets = try InputLoader.loadGeneSets(path: path)
            step.finish("gene sets: \(path), \(sets.count) sets over \(sets.genes.count) genes")
            result.geneSets = (path, sets)
            result.steps.record("load gene sets", seconds: Date().timeIntervalSince(started))
        }
        return result
    }

    /// One line on stderr with the matched and unmatched counts of every table
    /// (the IDs themselves are in `inspect`'s summary and in manifest.json).
    func reportMatching(_ report: SampleMatchReport) {
        let tables = report.tables.map { "\($0.role.rawValue) \($0.unmatched.count) of \($0.samples)" }
        var line = "samples: \(report.samples.count) matched (ID match \(report.normalization.rawValue)); unmatched: "
            + tables.joined(separator: ", ")
        if !report.droppedForMissingCovariates.isEmpty {
            line += "; \(report.droppedForMissingCovariates.count) dropped for a missing covariate"
        }
        console.note(line)
    }

    /// A manifest holding the inputs' fingerprints, the matching and the step timings.
    func manifest(_ result: Result, command: String, extra: [String: String]) throws -> Manifest {
        var parameters = inputs.parameters.merging(preprocess.parameters) { a, _ in a }
        parameters.merge(extra) { a, _ in a }
        var manifest = Manifest(command: ["rgmap"] + Array(CommandLine.arguments.dropFirst()), parameters: parameters)
        manifest.settings = CommandSettings.recorded(for: command)
        // Every input path was hashed (wait() throws otherwise), so each lookup succeeds.
        let digests = try result.fingerprints.wait()
        for table in result.tables {
            manifest.addInput(role: table.role.rawValue, path: table.path, format: table.format, sha256: digests[table.path]!)
        }
        if let geneSets = result.geneSets {
            manifest.addInput(role: "gene-sets", path: geneSets.path, format: "GMT", sha256: digests[geneSets.path]!)
        }
        manifest.sampleMatching = result.cohort?.matching
        manifest.preprocessing = result.preprocessing
        manifest.steps = result.steps.steps
        return manifest
    }
}

/// SHA-256 digests of input files, computed on a background thread.
final class InputFingerprints: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var digests: [String: String] = [:]
    private var failure: Error?

    init(paths: [String]) {
        DispatchQueue.global(qos: .utility).async(group: group) { [self] in
            for path in paths {
                do {
                    let digest = try SHA256.hexDigest(ofFileAt: path)
                    lock.withLock { digests[path] = digest }
                } catch {
                    lock.withLock { failure = error }
                }
            }
        }
    }

    /// The digests by path, once all are computed.
    func wait() throws -> [String: String] {
        group.wait()
        return try lock.withLock {
            if let failure { throw failure }
            return digests
        }
    }
}
