/// The number of samples behind each pair of the map: one number when every pair shares
/// all samples (no missing values), otherwise a features x genes matrix.
public enum PairCounts: Sendable, Equatable {
    case constant(Int32)
    case matrix([Int32])

    @inline(__always)
    public subscript(index: Int) -> Int32 {
        switch self {
        case .constant(let n): n
        case .matrix(let counts): counts[index]
        }
    }

    /// The largest count.
    public var maximum: Int32 {
        switch self {
        case .constant(let n): n
        case .matrix(let counts): counts.max() ?? 0
        }
    }

    /// For in-place edits: the matrix, leaving a placeholder behind (nil when constant).
    mutating func takeMatrix() -> [Int32]? {
        guard case .matrix(let counts) = self else { return nil }
        self = .constant(0)
        return counts
    }
}
