/// Imaging features, molecular data and covariates aligned on one sample axis.
///
/// Every matrix is *variables x samples* and its columns are exactly
/// ``samples``, in that order. Built by ``SampleMatcher``.
public struct Cohort: Sendable {
    /// Sample IDs (comparison keys after ID normalization), in analysis order.
    public var samples: [String]
    /// Imaging features x samples.
    public var features: LabeledMatrix?
    /// Genes x samples.
    public var omics: LabeledMatrix?
    /// Genes x samples, 1 = mutated, 0 = not, `NaN` = sample absent from the mutation table.
    public var mutations: LabeledMatrix?
    /// Covariate design columns x samples, when covariates were given.
    public var covariates: CovariateDesign?
    /// How the samples were matched (for the user and the manifest).
    public var matching: SampleMatchReport

    public var sampleCount: Int { samples.count }
}
