import Foundation

/// The inputs as the stages use them: the tables as loaded (summaries), the cohort after
/// sample matching and preprocessing, and the gene sets.
public struct PipelineInputs: Sendable {
    public var tables: [TableSummary] = []
    /// SHA-256 of every input file, computed while the inputs are parsed.
    public var fingerprints: InputFingerprints
    /// Nil when only gene sets were given.
    public var cohort: Cohort?
    public var preprocessing: PreprocessReport?
    public var geneSets: (path: String, sets: GeneSetCollection)?
}

/// Loads every input table, matches their samples, preprocesses the cohort, and reads the
/// gene sets; tells the log what it read and what it matched, and times each step.
public struct InputStage: Sendable {
    public var settings: InputSettings

    public init(settings: InputSettings) { self.settings = settings }

    /// Reads, matches and preprocesses the inputs; writes nothing.
    /// - Throws: ``InputError`` for a file that cannot be read as its kind, ``AnalysisError``
    ///   when no input is given or the tables share too few samples, ``SettingError`` for a
    ///   preprocessing setting the data cannot take.
    public func run(in run: RunContext) throws -> PipelineInputs {
        let files = settings.tableFiles
        guard !files.isEmpty || settings.geneSets != nil else {
            throw AnalysisError(.missingInput, "no input given: name at least one of \(setting: .features), \(setting: .omics), "
                                + "\(setting: .mutations), \(setting: .covariates), \(setting: .geneSets)")
        }
        var inputs = PipelineInputs(fingerprints: InputFingerprints(paths: files.map(\.path) + (settings.geneSets.map { [$0] } ?? [])))
        // The loaded tables live only until matching has moved their data into the cohort.
        var tables: [LoadedTable] = []
        for (role, path) in files {
            let table = try run.time("load \(role.rawValue)") {
                let step = run.log.step("reading \(role.rawValue) \(path)")
                let table = try InputLoader.load(role, path: path, options: settings.load, progress: step.callback)
                let shape = table.shape
                step.finish("\(role.rawValue): \(path), \(table.format), \(shape.rows) x \(shape.columns)")
                for note in table.notes { run.log.note("  \(note)") }
                return table
            }
            tables.append(table)
            inputs.tables.append(TableSummary(table))
        }
        if !tables.isEmpty {
            try run.time("match samples and preprocess") {
                let cohort = try SampleMatcher.match(tables, options: settings.matching)
                tables.removeAll()
                run.log.note(Self.matchingLine(cohort.matching))
                let (processed, report) = try Preprocessor.apply(cohort, options: settings.preprocess)
                for warning in report.warnings { run.log.warning(Message(warning)) }
                inputs.cohort = processed
                inputs.preprocessing = report
            }
        }
        if let path = settings.geneSets {
            inputs.geneSets = try run.time("load gene sets") {
                let step = run.log.step("reading gene sets \(path)")
                let sets = try InputLoader.loadGeneSets(path: path)
                step.finish("gene sets: \(path), \(sets.count) sets over \(sets.genes.count) genes")
                return (path, sets)
            }
        }
        return inputs
    }

    /// One line with the matched and unmatched counts of every table (the IDs themselves
    /// are in the input summary and the manifest).
    static func matchingLine(_ report: SampleMatchReport) -> Message {
        let tables = report.tables.map { "\($0.role.rawValue) \($0.unmatched.count) of \($0.samples)" }
        var line = "samples: \(report.samples.count) matched (ID match \(report.normalization.rawValue)); unmatched: "
            + tables.joined(separator: ", ")
        if !report.droppedForMissingCovariates.isEmpty {
            line += "; \(report.droppedForMissingCovariates.count) dropped for a missing covariate"
        }
        return Message(line)
    }
}
