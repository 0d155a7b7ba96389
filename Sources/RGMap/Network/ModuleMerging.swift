/// WGCNA's `mergeCloseModules` for one data set, with `relabel = TRUE` as
/// `blockwiseModules` calls it.
///
/// Repeatedly, while it merges anything: the eigengenes of the modules (label 0, the
/// unassigned genes, left out) are put in the order of their average-linkage tree on
/// 1 - cor (WGCNA's `orderMEs`); that tree is cut at `cutHeight`; the modules on one branch
/// take the label of the branch's first module in that order. Finally the modules are
/// numbered 1, 2, ... by decreasing size (equal sizes by their label), 0 staying 0.
public enum ModuleMerging {
    /// `expression` is genes x samples; `labels` one module label per gene. `correlation`
    /// is the eigengenes' correlation for the merging tree (WGCNA's `corFnc`: pearson, or
    /// bicor for a bicor network); their order always comes from Pearson, as `orderMEs`'s.
    public static func merge(_ expression: LabeledMatrix, labels: [Int], cutHeight: Double,
                             correlation: CorrelationMethod = .pearson) throws -> [Int] {
        var current = labels
        while true {
            let modules = Set(current).subtracting([0]).sorted()
            guard modules.count >= 2 else { break }
            let merged = try mergeOnce(expression, labels: current, modules: modules, cutHeight: cutHeight, correlation: correlation)
            guard Set(merged).count < Set(current).count else { break }
            current = merged
        }
        return relabelledBySize(current)
    }

    private static func mergeOnce(_ expression: LabeledMatrix, labels: [Int], modules: [Int], cutHeight: Double,
                                  correlation: CorrelationMethod) throws -> [Int] {
        let assigned = labels.indices.filter { labels[$0] != 0 }
        let eigengenes = try ModuleEigengenes(expression.selectingRows(assigned), labels: assigned.map { labels[$0] })
        let m = eigengenes.modules.count
        // WGCNA's orderMEs: the eigengenes in the leaf order of their tree.
        let order = tree(of: eigengenes.eigengenes).order
        let ordered = order.map { eigengenes.eigengenes[$0] }
        let orderedModules = order.map { eigengenes.modules[$0] }
        let branches = tree(of: ordered, correlation: correlation).groups(atHeight: cutHeight)
        var replacement: [Int: Int] = [:]
        for position in 0..<m {
            // The first module of each branch (in the order above) keeps its label.
            let first = (0..<m).first { branches[$0] == branches[position] }!
            replacement[orderedModules[position]] = orderedModules[first]
        }
        return labels.map { $0 == 0 ? 0 : replacement[$0]! }
    }

    /// Average-linkage tree of 1 - cor between the given vectors.
    private static func tree(of vectors: [[Double]], correlation: CorrelationMethod = .pearson) -> Dendrogram {
        let m = vectors.count
        var dissimilarity = [Double](repeating: 0, count: m * m)
        if correlation == .pearson {
            for i in 0..<m { for j in 0..<m where i != j { dissimilarity[i * m + j] = 1 - VectorCorrelation.pearson(vectors[i], vectors[j]) } }
        } else {
            let matrix = LabeledMatrix(rowLabels: (0..<m).map(String.init), columnLabels: (0..<vectors[0].count).map(String.init),
                                       values: vectors.flatMap { $0 })
            let r = CorrelationEngine(method: correlation, covariates: nil).correlateUnadjusted(matrix, matrix).r
            for i in 0..<m { for j in 0..<m where i != j { dissimilarity[i * m + j] = 1 - r[i * m + j] } }
        }
        return AverageLinkage.cluster(dissimilarity: &dissimilarity, count: m)
    }

    /// Labels renumbered 1, 2, ... by decreasing module size (ties by label), 0 kept.
    static func relabelledBySize(_ labels: [Int]) -> [Int] {
        var sizes: [Int: Int] = [:]
        for label in labels { sizes[label, default: 0] += 1 }
        let ranked = sizes.keys.filter { $0 != 0 }.sorted { sizes[$0]! != sizes[$1]! ? sizes[$0]! > sizes[$1]! : $0 < $1 }
        var number: [Int: Int] = [0: 0]
        for (rank, label) in ranked.enumerated() { number[label] = rank + 1 }
        return labels.map { number[$0]! }
    }
}
