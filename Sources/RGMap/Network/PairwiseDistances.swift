/// Dissimilarities between `count` objects, read one pair at a time: symmetric, 0 between
/// an object and itself (as `cutreeHybrid` zeroes the diagonal of `distM`).
protocol PairwiseDistances {
    var count: Int { get }
    func distance(_ i: Int, _ j: Int) -> Double
}

/// A full n x n row-major matrix of dissimilarities; only the upper triangle is read, so
/// the lower one may serve as working space.
struct SquareDistances: PairwiseDistances {
    let values: UnsafeBufferPointer<Double>
    let count: Int

    @inline(__always)
    func distance(_ i: Int, _ j: Int) -> Double {
        i == j ? 0 : (i < j ? values[i * count + j] : values[j * count + i])
    }
}
