/// The correlation coefficient of the association map.
public enum CorrelationMethod: String, Sendable, Codable, CaseIterable {
    /// R's `cor(method = "pearson")`.
    case pearson
    /// R's `cor(method = "spearman")`: Pearson on average ranks.
    case spearman
    /// WGCNA's biweight midcorrelation (`bicor`, maxPOutliers = 1, Pearson fallback per
    /// variable whose median absolute deviation is zero).
    case bicor
}

/// Which samples a pair of variables is correlated over.
public enum MissingValuePolicy: String, Sendable, Codable, CaseIterable {
    /// Each pair over the samples where both are present (R's `use = "pairwise.complete.obs"`).
    case pairwise
    /// Only samples where every variable is present (R's `use = "complete.obs"`).
    case complete
}
