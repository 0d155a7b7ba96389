/// How one table's samples were found and matched.
public struct TableMatch: Sendable, Codable, Equatable {
    public var role: TableRole
    public var path: String
    public var sampleAxis: SampleAxis
    /// Why that axis: an override, the format, label overlap, or the table's shape.
    public var axisRule: String
    /// IDs on the table's sample axis.
    public var samples: Int
    /// Of those, how many are in the cohort.
    public var matched: Int
    /// IDs (as written in the file) that are not in the cohort.
    public var unmatched: [String]
}

/// The outcome of sample matching, reported on stderr and in the manifest.
public struct SampleMatchReport: Sendable, Codable, Equatable {
    public var normalization: IDNormalization
    public var tables: [TableMatch]
    /// Cohort sample IDs (comparison keys), in analysis order.
    public var samples: [String]
    /// Samples shared by the tables but dropped because a covariate is missing for them.
    public var droppedForMissingCovariates: [String]
    /// Cohort samples absent from the mutation table (their mutation status is NA).
    public var withoutMutationData: [String]

    /// The match record of the table with `role`, if that table was given.
    public func table(_ role: TableRole) -> TableMatch? { tables.first { $0.role == role } }
}
