/// Settings of the association map (`rgmap map`).
public struct AssociationOptions: Sendable, Codable, Equatable {
    public var method: CorrelationMethod
    public var missing: MissingValuePolicy
    public var fdr: FDRMethod
    public var fdrScope: FDRScope
    /// Pairs with q at most this are written to the long table.
    public var maxQ: Double
    /// Mutated genes with fewer mutated samples than this are skipped.
    public var minMutated: Int
    /// The test whose p-values the mutation q-values adjust.
    public var mutationTest: MutationTest

    /// `maxQ` 0.05: the conventional FDR level. `minMutated` 3: the fewest mutated samples for
    /// which Welch's t has a variance in both groups with more than one degree of freedom.
    public init(method: CorrelationMethod = .pearson, missing: MissingValuePolicy = .pairwise, fdr: FDRMethod = .bh,
                fdrScope: FDRScope = .global, maxQ: Double = 0.05, minMutated: Int = 3,
                mutationTest: MutationTest = .wilcoxon) {
        self.method = method
        self.missing = missing
        self.fdr = fdr
        self.fdrScope = fdrScope
        self.maxQ = maxQ
        self.minMutated = minMutated
        self.mutationTest = mutationTest
    }
}

/// The two-sample test behind a mutation's q-value.
public enum MutationTest: String, Sendable, Codable, CaseIterable {
    /// Wilcoxon rank-sum (R's `wilcox.test`).
    case wilcoxon
    /// Welch's t-test (R's `t.test(var.equal = FALSE)`).
    case t
}
