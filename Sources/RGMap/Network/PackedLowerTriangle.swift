/// The strictly lower triangle of a symmetric n x n matrix, row by row: entry (i, j) with
/// j < i at i (i - 1) / 2 + j. Half the memory of the square matrix.
public struct PackedLowerTriangle<Scalar: BinaryFloatingPoint & Sendable>: Sendable {
    public let count: Int
    public internal(set) var values: [Scalar]

    /// Zeros, or with `uninitialized` storage the caller fills completely.
    init(count: Int, uninitialized: Bool = false) {
        self.count = count
        let size = count * (count - 1) / 2
        values = uninitialized ? [Scalar](unsafeUninitializedCapacity: size) { _, initialized in initialized = size }
            : [Scalar](repeating: 0, count: size)
    }

    @inline(__always)
    static func offset(row i: Int) -> Int { i * (i - 1) / 2 }

    /// Entry (i, j), i != j, in either order.
    @inline(__always)
    public subscript(i: Int, j: Int) -> Scalar {
        i > j ? values[Self.offset(row: i) + j] : values[Self.offset(row: j) + i]
    }
}

/// A network's topological overlap in the precision it was computed in.
public enum NetworkTOM: Sendable {
    case double(PackedLowerTriangle<Double>)
    case single(PackedLowerTriangle<Float>)
}

/// 1 - similarity, read from a packed similarity (R's `1 - TOM`, computed in double).
struct PackedDissimilarities<Scalar: BinaryFloatingPoint & Sendable>: PairwiseDistances {
    let similarity: PackedLowerTriangle<Scalar>
    var count: Int { similarity.count }

    @inline(__always)
    func distance(_ i: Int, _ j: Int) -> Double {
        i == j ? 0 : 1 - Double(similarity[i, j])
    }
}
