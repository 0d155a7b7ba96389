#if canImport(Glibc)
import Glibc
#endif

/// Filters and transforms applied to the cohort before any statistics.
public struct PreprocessOptions: Sendable, Codable, Equatable {
    /// Replace omics values x by log2(x + 1).
    public var log2: Bool
    /// Keep genes whose value is at least this in at least ``minSamplesFraction`` of samples.
    public var minExpression: Double?
    /// Fraction of samples for ``minExpression`` (default 0.5: expressed in at least half the
    /// samples, as WGCNA's `goodSamplesGenes` asks present values in at least half, `minFraction = 1/2`).
    public var minSamplesFraction: Double
    /// Keep only this many genes, those of largest variance.
    public var topVariable: Int?
    /// Keep only genes with a value in every matched sample.
    public var completeGenes: Bool

    public init(log2: Bool = false, minExpression: Double? = nil, minSamplesFraction: Double = 0.5, topVariable: Int? = nil,
                completeGenes: Bool = false) {
        self.log2 = log2
        self.minExpression = minExpression
        self.minSamplesFraction = minSamplesFraction
        self.topVariable = topVariable
        self.completeGenes = completeGenes
    }
}

/// What preprocessing removed, per table.
public struct PreprocessReport: Sendable, Codable, Equatable {
    /// Variables before and after, and the names or counts of those removed, by reason.
    public struct TableCounts: Sendable, Codable, Equatable {
        public var before: Int
        public var allMissing: [String] = []
        /// Constant, or fewer than two values present.
        public var zeroVariance: [String] = []
        public var lowExpression: Int = 0
        /// Genes with a missing value, removed by `completeGenes`.
        public var incomplete: Int = 0
        public var notTopVariable: Int = 0
        public var after: Int
        /// Kept, but flagged: one value in at least ``DataQuality/nearConstantShare`` of the present samples.
        public var nearConstant: [String] = []
        /// Kept, but flagged: missing in more than ``DataQuality/manyMissingShare`` of the samples.
        public var manyMissing: [String] = []
    }
    public var log2Applied: Bool
    public var features: TableCounts?
    public var omics: TableCounts?
}

/// Applies ``PreprocessOptions`` to a cohort. Order: log2, complete genes, expression filter,
/// removal of all-missing and zero-variance variables (features and omics),
/// then the top-variance selection. Variances use the present values only.
public enum Preprocessor {
    /// Takes the cohort by value and edits its matrices in place, so no second copy of
    /// the expression matrix is made when the caller passes its last reference.
    public static func apply(_ cohort: consuming Cohort, options: PreprocessOptions) throws -> (Cohort, PreprocessReport) {
        var report = PreprocessReport(log2Applied: false)
        if var omics = cohort.omics.take() {
            var counts = PreprocessReport.TableCounts(before: omics.rowCount, after: 0)
            if options.log2 {
                try applyLog2(&omics)
                report.log2Applied = true
            }
            if options.completeGenes {
                let keep = omics.completeRows
                counts.incomplete = omics.rowCount - keep.count
                omics.keepRows(keep)
            }
            if let threshold = options.minExpression {
                guard (0...1).contains(options.minSamplesFraction) else {
                    throw SettingError(.minSamplesFraction, value: String(options.minSamplesFraction),
                                       message: "\(setting: .minSamplesFraction) must be between 0 and 1, got \(options.minSamplesFraction)")
                }
                let needed = options.minSamplesFraction * Double(omics.columnCount)
                let keep = (0..<omics.rowCount).filter { r in
                    Double(omics.row(r).filter { $0 >= threshold }.count) >= needed
                }
                counts.lowExpression = omics.rowCount - keep.count
                omics.keepRows(keep)
            }
            removeDegenerate(&omics, counts: &counts)
            if let top = options.topVariable {
                guard top > 0 else {
                    throw SettingError(.topVariable, value: String(top), message: "\(setting: .topVariable) must be positive, got \(top)")
                }
                if top < omics.rowCount {
                    let variances = (0..<omics.rowCount).map { VariableSummary(omics.row($0)).variance }
                    let chosen = variances.indices.sorted { variances[$0] > variances[$1] || (variances[$0] == variances[$1] && $0 < $1) }
                    counts.notTopVariable = omics.rowCount - top
                    omics.keepRows(chosen.prefix(top).sorted())
                }
            }
            counts.after = omics.rowCount
            DataQuality.flag(omics, in: &counts)
            report.omics = counts
            cohort.omics = omics
        }
        if var features = cohort.features.take() {
            var counts = PreprocessReport.TableCounts(before: features.rowCount, after: 0)
            removeDegenerate(&features, counts: &counts)
            counts.after = features.rowCount
            DataQuality.flag(features, in: &counts)
            report.features = counts
            cohort.features = features
        }
        return (cohort, report)
    }

    private static func applyLog2(_ omics: inout LabeledMatrix) throws {
        if let index = omics.values.indices.first(where: { omics.values[$0] < 0 }) {
            let row = index / omics.columnCount, column = index % omics.columnCount
            throw SettingError(.log2, value: String(omics.values[index]),
                               message: "\(setting: .log2): omics value \(omics.values[index]) (gene \(omics.rowLabels[row].quotedForMessage()), "
                                   + "sample \(omics.columnLabels[column].quotedForMessage())) is negative: the data look log-scaled already")
        }
        omics.values.withUnsafeMutableBufferPointer { values in
            for i in values.indices { values[i] = (values[i] + 1).log2Value }
        }
    }

    private static func removeDegenerate(_ matrix: inout LabeledMatrix, counts: inout PreprocessReport.TableCounts) {
        var keep: [Int] = []
        for r in 0..<matrix.rowCount {
            let summary = VariableSummary(matrix.row(r))
            if summary.present == 0 {
                counts.allMissing.append(matrix.rowLabels[r])
            } else if summary.present < 2 || summary.isConstant {
                counts.zeroVariance.append(matrix.rowLabels[r])
            } else {
                keep.append(r)
            }
        }
        matrix.keepRows(keep)
    }
}

/// Count, mean and sample variance of the present (non-NaN) values, two-pass.
struct VariableSummary {
    var present = 0
    var mean = Double.nan
    var variance = Double.nan
    /// Every present value equal to the first (decided exactly, not by a rounded variance).
    var isConstant = true

    init(_ values: ArraySlice<Double>) {
        var sum = 0.0
        var first = Double.nan
        for v in values where !v.isNaN {
            if present == 0 { first = v } else if v != first { isConstant = false }
            sum += v
            present += 1
        }
        guard present > 0 else { return }
        mean = sum / Double(present)
        var squares = 0.0
        for v in values where !v.isNaN { squares += (v - mean) * (v - mean) }
        variance = present > 1 ? squares / Double(present - 1) : .nan
    }
}

private extension Double {
    var log2Value: Double {
        #if canImport(Glibc)
        return Glibc.log2(self)
        #else
        return Foundation.log2(self)
        #endif
    }
}
