/// A set of samples over which variables are compared, with what the covariate
/// adjustment needs on it.
struct SampleSubset {
    /// Included samples (nil: all).
    let mask: [Bool]?
    /// Number of included samples.
    let count: Int
    let residualizer: Residualizer?

    /// - Throws: ``NumericalError`` when the covariate design cannot be factored on the subset.
    init(mask: [Bool]?, sampleCount: Int, covariates: LabeledMatrix?) throws {
        self.mask = mask
        count = mask.map { $0.reduce(0) { $0 + ($1 ? 1 : 0) } } ?? sampleCount
        residualizer = try covariates.map { try Residualizer(covariates: $0, subset: mask) }
    }

    /// All samples of `sampleCount`, or a mask, without covariates: nothing to factor.
    init(mask: [Bool]?, sampleCount: Int) {
        self.mask = mask
        count = mask.map { $0.reduce(0) { $0 + ($1 ? 1 : 0) } } ?? sampleCount
        residualizer = nil
    }

    @inline(__always)
    func contains(_ sample: Int) -> Bool { mask?[sample] ?? true }

    /// Degrees of freedom the covariates take: design rank minus the intercept.
    var covariateDegreesOfFreedom: Int { max(0, (residualizer?.rank ?? 1) - 1) }
}
