/// Every imaging-feature x gene association: coefficient, p-value, q-value and the
/// number of samples of each pair, as features x genes row-major matrices.
public struct AssociationMap: Sendable {
    public var features: [String]
    public var genes: [String]
    public var r: [Double]
    public var p: [Double]
    public var q: [Double]
    /// Samples each pair was computed over.
    public var pairs: PairCounts
    public var options: AssociationOptions
    /// Design columns the correlations were adjusted for (empty: none).
    public var covariateColumns: [String]
    /// Samples the map was computed over (fewer than the cohort's with complete-case missing values).
    public var sampleCount: Int
    /// Things the user should know: constant variables, undefined pairs, aliased covariates.
    public var warnings: [Message]

    public var featureCount: Int { features.count }
    public var geneCount: Int { genes.count }

    /// Flat index of the pair (feature, gene).
    @inline(__always)
    public func index(feature: Int, gene: Int) -> Int { feature * genes.count + gene }
}
