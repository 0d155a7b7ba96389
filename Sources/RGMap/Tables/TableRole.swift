/// What an input table holds.
public enum TableRole: String, Sendable, CaseIterable, Codable, Comparable {
    case features
    case omics
    case mutations
    case covariates

    /// The side on which this kind of table usually keeps its samples, used when
    /// nothing else decides (PyRadiomics and covariate tables: rows; expression and
    /// mutation tables: columns).
    var usualSampleAxis: SampleAxis {
        switch self {
        case .features, .covariates: .rows
        case .omics, .mutations: .columns
        }
    }

    public static func < (a: TableRole, b: TableRole) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A sample axis that the file format itself fixes, with the reason in words.
public struct FixedSampleAxis: Sendable, Equatable {
    public var axis: SampleAxis
    public var reason: String

    public init(_ axis: SampleAxis, reason: String) {
        self.axis = axis
        self.reason = reason
    }
}

/// Which axis of a table holds the samples.
public enum SampleAxis: String, Sendable, CaseIterable, Codable {
    case rows
    case columns

    var other: SampleAxis { self == .rows ? .columns : .rows }
}
