/// How a correlation becomes the base of an adjacency (WGCNA's `networkType`); the
/// adjacency is this base raised to the soft-threshold power.
public enum NetworkType: String, Sendable, Codable, CaseIterable {
    /// |r|.
    case unsigned
    /// (1 + r) / 2.
    case signed
    /// r where r > 0, else 0.
    case signedHybrid = "signed-hybrid"

    /// The adjacency base of correlation `r` (NaN stays NaN).
    @inline(__always)
    public func base(_ r: Double) -> Double {
        switch self {
        case .unsigned: return abs(r)
        case .signed: return (1 + r) / 2
        case .signedHybrid: return r < 0 ? 0 : r
        }
    }
}
