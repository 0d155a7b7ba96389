/// WGCNA's `intramodularConnectivity`: from an adjacency (diagonal ignored), each gene's
/// total connectivity and its connectivity within its own module, 0 in modules of fewer
/// than 3 genes (as WGCNA sets it).
public struct IntramodularConnectivity: Sendable {
    public var total: [Double]
    public var within: [Double]

    /// `adjacency` is genes x genes, row-major.
    init(adjacency a: [Double], labels: [Int]) {
        let n = labels.count
        var sizes: [Int: Int] = [:]
        for label in labels { sizes[label, default: 0] += 1 }
        total = [Double](repeating: 0, count: n)
        within = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var all = 0.0, own = 0.0
            for j in 0..<n where j != i {
                let value = a[i * n + j]
                if value.isNaN { continue }
                all += value
                if labels[j] == labels[i] { own += value }
            }
            total[i] = all
            within[i] = sizes[labels[i]]! < 3 ? 0 : own
        }
    }
}
