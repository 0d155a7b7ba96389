/// Options for matching samples across tables.
public struct SampleMatchOptions: Sendable {
    public var normalization: IDNormalization
    /// Explicit sample axis per table, overriding inference.
    public var sampleAxis: [TableRole: SampleAxis]

    public init(normalization: IDNormalization = .exact, sampleAxis: [TableRole: SampleAxis] = [:]) {
        self.normalization = normalization
        self.sampleAxis = sampleAxis
    }
}

/// Aligns loaded tables on their shared samples and builds the ``Cohort``.
///
/// The cohort's samples are those present in the features, the omics and (when
/// given) the covariate table, in the order of the first of them; samples with a
/// missing covariate are then dropped, since nothing can be adjusted for them.
/// The mutation table does not shrink the cohort when features or omics are
/// present: cohort samples absent from it get `NaN` (status unknown).
public enum SampleMatcher {
    /// Fewer shared samples than this is an error: no correlation has a p-value below n = 3.
    public static let minimumSamples = 3

    /// Decides every table's sample axis, matches IDs, and returns the aligned cohort.
    /// - Throws: ``AnalysisError`` when fewer than ``minimumSamples`` are shared;
    ///   ``InputError`` when two IDs of one table collide after normalization.
    public static func match(_ tables: [LoadedTable], options: SampleMatchOptions = SampleMatchOptions()) throws -> Cohort {
        precondition(!tables.isEmpty, "SampleMatcher needs at least one table")
        let decisions = SampleAxisInference.decide(tables, overrides: options.sampleAxis,
                                                   normalization: options.normalization)
        var keyed: [TableRole: KeyedTable] = [:]
        for table in tables {
            keyed[table.role] = try KeyedTable(table, axis: decisions[table.role]!.axis, normalization: options.normalization)
        }
        let primaryRoles = tables.map(\.role).filter { $0 != .mutations || !keyed.keys.contains { $0 == .features || $0 == .omics } }
        var shared = keyed[primaryRoles[0]]!.keys
        for role in primaryRoles.dropFirst() {
            let present = Set(keyed[role]!.keys)
            shared = shared.filter(present.contains)
        }
        if shared.count < minimumSamples,
           let message = transposedMessage(tables, keyed: keyed, primaryRoles: primaryRoles, options: options) {
            throw AnalysisError(.tooFewSamples, message)
        }
        if shared.isEmpty, primaryRoles.count > 1 {
            throw AnalysisError(.tooFewSamples, noOverlapMessage(primaryRoles.map { keyed[$0]! }, options.normalization))
        }

        var dropped: [String] = []
        var covariates: CovariateDesign?
        if let table = keyed[.covariates] { (shared, dropped, covariates) = designWithoutMissing(table, samples: shared) }
        guard shared.count >= minimumSamples else {
            let tables = primaryRoles.map(\.rawValue).joined(separator: ", ")
            let afterDropping = dropped.isEmpty ? "" : " after dropping \(dropped.count) with missing covariates"
            throw AnalysisError(.tooFewSamples, "only \(plural(shared.count, "sample")) shared by \(tables)\(afterDropping): need at least \(minimumSamples)")
        }
        return assemble(tables, keyed: keyed, decisions: decisions, samples: shared, covariates: covariates, dropped: dropped,
                        normalization: options.normalization)
    }

    /// The covariate design over `samples`, after dropping the samples with a missing
    /// covariate (nothing can be adjusted for them); nil when too few samples remain.
    private static func designWithoutMissing(_ table: KeyedTable, samples: [String])
        -> (samples: [String], dropped: [String], design: CovariateDesign?) {
        var shared = samples
        let (names, covariateValues) = table.covariateValues(for: shared)
        var values = covariateValues
        let missing = Set(CovariateDesign.missingSamples(values))
        var dropped: [String] = []
        if !missing.isEmpty {
            dropped = missing.sorted().map { shared[$0] }
            let keep = shared.indices.filter { !missing.contains($0) }
            shared = keep.map { shared[$0] }
            values = values.map { column in keep.map { column[$0] } }
        }
        let design = shared.count >= minimumSamples ? CovariateDesign.encode(names: names, values: values, samples: shared) : nil
        return (shared, dropped, design)
    }

    /// The cohort of `samples`: every table's variables over them, and the match report.
    private static func assemble(_ tables: [LoadedTable], keyed: [TableRole: KeyedTable], decisions: [TableRole: SampleAxisInference.Decision],
                                 samples shared: [String], covariates: CovariateDesign?, dropped: [String],
                                 normalization: IDNormalization) -> Cohort {
        var cohort = Cohort(samples: shared, matching: SampleMatchReport(
            normalization: normalization, tables: [], samples: shared,
            droppedForMissingCovariates: dropped, withoutMutationData: []))
        cohort.covariates = covariates
        let sharedSet = Set(shared)
        for table in tables {
            let keyedTable = keyed[table.role]!
            let decision = decisions[table.role]!
            cohort.matching.tables.append(TableMatch(
                role: table.role, path: table.path, sampleAxis: decision.axis, axisRule: decision.rule,
                samples: keyedTable.keys.count,
                matched: keyedTable.keys.filter(sharedSet.contains).count,
                unmatched: keyedTable.keys.indices.filter { !sharedSet.contains(keyedTable.keys[$0]) }.map { keyedTable.ids[$0] }))
            switch table.role {
            case .features: cohort.features = keyedTable.variablesBySamples(shared)
            case .omics: cohort.omics = keyedTable.variablesBySamples(shared)
            case .mutations:
                cohort.mutations = keyedTable.variablesBySamples(shared)
                let present = Set(keyedTable.keys)
                cohort.matching.withoutMutationData = shared.filter { !present.contains($0) }
            case .covariates: break
            }
        }
        return cohort
    }

    /// The IDs shared by all of `roles` along their chosen axes.
    private static func sharedCount(_ keyed: [TableRole: KeyedTable], _ roles: [TableRole]) -> Int {
        var shared = Set(keyed[roles[0]]!.keys)
        for role in roles.dropFirst() { shared.formIntersection(keyed[role]!.keys) }
        return shared.count
    }

    /// When a given sample axis leaves too few samples and the table's other axis would give
    /// enough, says the table is transposed relative to that setting.
    private static func transposedMessage(_ tables: [LoadedTable], keyed: [TableRole: KeyedTable], primaryRoles: [TableRole],
                                          options: SampleMatchOptions) -> Message? {
        let now = sharedCount(keyed, primaryRoles)
        for role in primaryRoles {
            guard let axis = options.sampleAxis[role], let table = tables.first(where: { $0.role == role }),
                  let flipped = try? KeyedTable(table, axis: axis.other, normalization: options.normalization) else { continue }
            var trial = keyed
            trial[role] = flipped
            let then = sharedCount(trial, primaryRoles)
            if then >= minimumSamples && then > now {
                let what = primaryRoles.count > 1 ? "shared sample ID" : "sample"
                return "\(setting: .samplesIn, "\(role.rawValue)=\(axis.rawValue)") gives \(plural(now, what)), its \(axis.other.rawValue) would give \(then): "
                    + "the \(role.rawValue) table is transposed relative to \(setting: .samplesIn) (give \(role.rawValue)=\(axis.other.rawValue), or leave the axis to rgmap)"
            }
        }
        return nil
    }

    private static func noOverlapMessage(_ tables: [KeyedTable], _ normalization: IDNormalization) -> Message {
        let described = tables.map { table in
            // Two IDs of at most 30 characters per table: enough to see their shapes differ.
            "\(table.table.role.rawValue) \(table.axis.rawValue) (e.g. "
                + table.ids.prefix(2).map { $0.quotedForMessage(limit: 30) }.joined(separator: ", ") + ")"
        }
        let message = Message("no sample IDs shared by " + described.joined(separator: " and "))
        let allTCGA = tables.allSatisfy { $0.ids.first?.uppercased().hasPrefix("TCGA") ?? false }
        if normalization == .exact && allTCGA {
            return message + "; TCGA barcodes of different length match with \(setting: .idNormalize, "tcga-patient")"
        }
        return message + "; check the IDs, \(setting: .samplesIn) and \(setting: .idNormalize)"
    }
}

/// A loaded table with its sample axis decided and its IDs turned into comparison keys.
private struct KeyedTable {
    let table: LoadedTable
    let axis: SampleAxis
    let ids: [String]
    let keys: [String]
    let position: [String: Int]

    init(_ table: LoadedTable, axis: SampleAxis, normalization: IDNormalization) throws {
        self.table = table
        self.axis = axis
        ids = table.labels(axis)
        keys = ids.map(normalization.key(for:))
        var position: [String: Int] = [:]
        for (index, key) in keys.enumerated() {
            if let earlier = position.updateValue(index, forKey: key) {
                let how: Message = normalization == .exact ? "appears twice"
                    : "and \(ids[earlier].quotedForMessage()) both read as \(key.quotedForMessage()) under \(setting: .idNormalize, normalization.rawValue)"
                throw InputError(file: table.path, value: ids[index],
                                 message: "duplicated sample ID: \(ids[index].quotedForMessage()) \(how) (\(table.role.rawValue) \(axis.rawValue)); keep one sample per ID")
            }
        }
        self.position = position
    }

    /// The numeric matrix as variables x `samples` (NaN columns for samples the table lacks).
    func variablesBySamples(_ samples: [String]) -> LabeledMatrix {
        guard case .numeric(let matrix) = table.content else { preconditionFailure("numeric table expected") }
        let indices = samples.map { position[$0] }
        if axis == .columns {
            if indices.count == matrix.columnCount && indices.enumerated().allSatisfy({ $0.element == $0.offset }) {
                return matrix.relabelingColumns(samples)  // shares the table's storage: no copy
            }
            return matrix.selectingColumns(indices, labels: samples)
        }
        let present = indices.compactMap { $0 }
        if present.count == samples.count {
            return matrix.selectingRows(present).transposed().relabelingColumns(samples)
        }
        return matrix.transposed().selectingColumns(indices, labels: samples)
    }

    /// Covariate names and their text values for `samples` (a text table).
    func covariateValues(for samples: [String]) -> (names: [String], values: [[String]]) {
        guard case .text(let header, let rows) = table.content else { preconditionFailure("text table expected") }
        let indices = samples.map { position[$0]! }
        if axis == .rows {
            let names = Array(header.dropFirst())
            return (names, names.indices.map { v in indices.map { rows[$0][v + 1] } })
        }
        return (rows.map { $0[0] }, rows.map { row in indices.map { row[$0 + 1] } })
    }
}
