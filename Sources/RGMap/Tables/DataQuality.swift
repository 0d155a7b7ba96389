/// Suspicious but legal variables, kept in the analysis and named in warnings: a gene that
/// is zero in nearly every sample, a feature that failed to compute for many patients.
public enum DataQuality {
    /// A variable is near-constant when one value fills at least this share of its present samples:
    /// its correlations then rest on the few samples that differ (and on ties for Spearman).
    /// A tenth: in a cohort of 150 (the example's) at most 15 samples then differ, the count
    /// below which WGCNA advises against correlation networks (and rgmap warns for modules).
    public static let nearConstantShare = 0.9
    /// A variable is missing in many samples past this share: each of its pairs then uses a
    /// smaller, possibly biased, subset of the cohort. A fifth, stricter than WGCNA's
    /// `goodSamplesGenes`, which drops a gene only past half (`minFraction = 1/2`): a warning
    /// costs nothing, so it comes well before the variable would be unusable.
    public static let manyMissingShare = 0.2

    /// Records the near-constant and much-missing variables (rows) of `matrix` in `counts`.
    static func flag(_ matrix: LabeledMatrix, in counts: inout PreprocessReport.TableCounts) {
        var scratch = [Double](repeating: 0, count: matrix.columnCount)
        for r in 0..<matrix.rowCount {
            let present = copyPresent(matrix.row(r), into: &scratch)
            if Double(matrix.columnCount - present) > manyMissingShare * Double(matrix.columnCount) {
                counts.manyMissing.append(matrix.rowLabels[r])
            }
            if present > 0 && Double(longestRun(&scratch, count: present)) >= nearConstantShare * Double(present) {
                counts.nearConstant.append(matrix.rowLabels[r])
            }
        }
    }

    private static func copyPresent(_ row: ArraySlice<Double>, into scratch: inout [Double]) -> Int {
        var count = 0
        for value in row where !value.isNaN {
            scratch[count] = value
            count += 1
        }
        return count
    }

    /// The most times one value occurs among the first `count` values (sorted in place).
    private static func longestRun(_ values: inout [Double], count: Int) -> Int {
        values[..<count].sort()
        var longest = 1, run = 1
        for i in 1..<max(count, 1) {
            run = values[i] == values[i - 1] ? run + 1 : 1
            longest = max(longest, run)
        }
        return longest
    }
}

extension PreprocessReport {
    /// One warning line per kind of flagged variable, for the console.
    public var warnings: [String] {
        var lines: [String] = []
        for (table, counts, noun) in [("features", features, "feature"), ("omics", omics, "gene")] {
            guard let counts else { continue }
            if !counts.nearConstant.isEmpty {
                lines.append("\(table): \(plural(counts.nearConstant.count, noun)) near-constant (one value in at least "
                             + "\(Int(DataQuality.nearConstantShare * 100))% of the samples, e.g. \(examples(counts.nearConstant))): "
                             + "their correlations rest on the few samples that differ")
            }
            if !counts.manyMissing.isEmpty {
                lines.append("\(table): \(plural(counts.manyMissing.count, noun)) missing in more than "
                             + "\(Int(DataQuality.manyMissingShare * 100))% of the samples (e.g. \(examples(counts.manyMissing))): "
                             + "each of their pairs uses only the samples where both values are present")
            }
        }
        return lines
    }

    private func examples(_ labels: [String]) -> String {
        // Three names of at most 30 characters: recognisable, and the warning stays one line.
        labels.prefix(3).map { $0.quotedForMessage(limit: 30) }.joined(separator: ", ")
    }
}
