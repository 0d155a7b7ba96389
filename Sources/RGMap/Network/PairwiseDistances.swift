/// Dissimilarities between `count` objects, read one pair at a time: symmetric, 0 between
/// an object and itself (as `cutreeHybrid` zeroes the diagonal of `distM`).
protocol PairwiseDistances {
    var count: Int { get }
    func distance(_ i: Int, _ j: Int) -> Double
}

