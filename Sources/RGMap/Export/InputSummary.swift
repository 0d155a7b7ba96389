/// The plain-text summary `rgmap inspect` prints: each table as loaded, the
/// sample matching, the cohort after preprocessing, and the gene sets.
public struct InputSummary: Sendable {
    public var tables: [TableSummary]
    public var cohort: Cohort?
    public var preprocessing: PreprocessReport?
    public var geneSets: (path: String, sets: GeneSetCollection)?
    /// Gene-set size bounds reported after intersecting with the omics genes.
    public var geneSetSizes: ClosedRange<Int>

    public init(tables: [TableSummary], cohort: Cohort?, preprocessing: PreprocessReport?,
                geneSets: (path: String, sets: GeneSetCollection)?, geneSetSizes: ClosedRange<Int> = 10...500) {
        self.tables = tables
        self.cohort = cohort
        self.preprocessing = preprocessing
        self.geneSets = geneSets
        self.geneSetSizes = geneSetSizes
    }

    /// The summary as lines of text, ending with a newline.
    public func render() -> String {
        var lines: [String] = []
        for table in tables { lines += describe(table) }
        if let cohort { lines += describeMatching(cohort.matching) + describeCohort(cohort) }
        if let geneSets { lines += describeGeneSets(geneSets.path, geneSets.sets) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func row(_ key: String, _ value: String, indent: Int = 2) -> String {
        String(repeating: " ", count: indent) + key.padding(toLength: 12, withPad: " ", startingAt: 0) + value
    }

    private func describe(_ table: TableSummary) -> [String] {
        var lines = ["\(table.role.rawValue) \(table.path)",
                     row("format", table.format),
                     row("size", "\(table.rows) rows x \(table.columns) columns (as in the file)")]
        if let match = cohort?.matching.table(table.role) {
            lines.append(row("samples", "in \(match.sampleAxis.rawValue) (\(match.axisRule))"))
        }
        if let missing = table.missingValues {
            lines.append(row("missing", Self.fraction(missing, of: table.rows * table.columns)))
        }
        for (i, note) in table.notes.enumerated() { lines.append(row(i == 0 ? "notes" : "", note)) }
        return lines
    }

    private func describeMatching(_ report: SampleMatchReport) -> [String] {
        var lines = ["samples",
                     row("ID match", report.normalization.rawValue),
                     row("matched", "\(report.samples.count) samples in the cohort")]
        for table in report.tables {
            var text = "\(table.samples) IDs, \(table.matched) matched, \(table.unmatched.count) unmatched"
            if !table.unmatched.isEmpty { text += ": " + Self.list(table.unmatched) }
            lines.append(row(table.role.rawValue, text))
        }
        if !report.droppedForMissingCovariates.isEmpty {
            lines.append(row("dropped", "\(report.droppedForMissingCovariates.count) with a missing covariate: "
                             + Self.list(report.droppedForMissingCovariates)))
        }
        if !report.withoutMutationData.isEmpty {
            lines.append(row("no MAF", "\(report.withoutMutationData.count) cohort samples absent from the mutation table (status NA): "
                             + Self.list(report.withoutMutationData)))
        }
        return lines
    }

    private func describeCohort(_ cohort: Cohort) -> [String] {
        var lines = ["cohort" + (preprocessing == nil ? "" : " (after preprocessing)")]
        let n = cohort.sampleCount
        if let features = cohort.features {
            lines.append(row("features", "\(features.rowCount) features x \(n) samples, missing "
                             + Self.fraction(features.missingCount, of: features.values.count)
                             + dropped(preprocessing?.features)))
        }
        if let omics = cohort.omics {
            var text = "\(omics.rowCount) genes x \(n) samples, missing " + Self.fraction(omics.missingCount, of: omics.values.count)
            if let counts = preprocessing?.omics {
                if preprocessing?.log2Applied == true { text += "; log2(x+1)" }
                if counts.incomplete > 0 { text += "; \(counts.incomplete) with missing values" }
                if counts.lowExpression > 0 { text += "; \(counts.lowExpression) below the expression filter" }
                if counts.notTopVariable > 0 { text += "; \(counts.notTopVariable) outside the top-variance set" }
            }
            lines.append(row("omics", text + dropped(preprocessing?.omics)))
        }
        if let mutations = cohort.mutations {
            let mutated = (0..<mutations.rowCount).filter { r in mutations.row(r).contains(1) }.count
            lines.append(row("mutations", "\(mutations.rowCount) genes x \(n) samples, \(mutated) genes mutated in at least one cohort sample"))
        }
        if let design = cohort.covariates {
            lines.append(row("covariates", "\(design.variables.map(\.name).joined(separator: ", ")) -> "
                             + "\(design.matrix.rowCount) design columns: \(design.matrix.rowLabels.joined(separator: ", "))"))
            for note in design.notes { lines.append(row("", note)) }
        }
        return lines
    }

    private func dropped(_ counts: PreprocessReport.TableCounts?) -> String {
        guard let counts else { return "" }
        var parts: [String] = []
        if !counts.allMissing.isEmpty { parts.append("\(counts.allMissing.count) all-missing (\(Self.list(counts.allMissing, limit: 3)))") }
        if !counts.zeroVariance.isEmpty { parts.append("\(counts.zeroVariance.count) zero-variance (\(Self.list(counts.zeroVariance, limit: 3)))") }
        return parts.isEmpty ? "" : "; dropped " + parts.joined(separator: ", ")
    }

    private func describeGeneSets(_ path: String, _ sets: GeneSetCollection) -> [String] {
        var lines = ["gene-sets \(path)",
                     row("format", "GMT"),
                     row("sets", "\(plural(sets.count, "set")) over \(plural(sets.genes.count, "gene")); \(plural(sets.duplicatesRemoved, "repeated gene")) removed")]
        if let omics = cohort?.omics {
            let universe = Set(omics.rowLabels)
            let known = Set(sets.genes.indices.filter { universe.contains(sets.genes[$0]) }.map { Int32($0) })
            let sizes = sets.members.map { $0.filter(known.contains).count }
            let usable = sizes.filter(geneSetSizes.contains).count
            let empty = sizes.filter { $0 == 0 }.count
            lines.append(row("in omics", "\(known.count) of \(omics.rowCount) omics genes are in a set; "
                             + "\(plural(usable, "set")) keep \(geneSetSizes.lowerBound)-\(geneSetSizes.upperBound) genes, \(empty) share no gene with the omics table"))
        }
        return lines
    }

    static func fraction(_ count: Int, of total: Int) -> String {
        let percent = total == 0 ? 0 : 100 * Double(count) / Double(total)
        return "\(count) of \(total) values (\(percent < 0.01 && count > 0 ? "<0.01" : String(format2: percent))%)"
    }

    static func list(_ items: [String], limit: Int = 5) -> String {
        items.prefix(limit).joined(separator: ", ") + (items.count > limit ? ", ... (+\(items.count - limit) more)" : "")
    }
}

extension String {
    /// `value` with two decimals, without Foundation's locale-dependent formatting.
    init(format2 value: Double) {
        let scaled = (value * 100).rounded()
        let whole = Int(scaled) / 100, cents = abs(Int(scaled) % 100)
        self = "\(whole).\(cents < 10 ? "0" : "")\(cents)"
    }
}
