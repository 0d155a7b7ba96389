/// WGCNA's `chooseTopHubInEachModule`: in each module (0, the unassigned genes, left out),
/// the gene with the largest connectivity in the module's own network, by default the
/// signed network of power 2 (WGCNA's defaults); the first such gene on a tie.
public enum ModuleHubs {
    /// Module label -> index of its top hub gene. `expression` is genes x samples.
    public static func topHubs(_ expression: LabeledMatrix, labels: [Int], networkType: NetworkType = .signed,
                               power: Double = 2) -> [Int: Int] {
        var hubs: [Int: Int] = [:]
        for module in Set(labels).subtracting([0]).sorted() {
            let genes = labels.indices.filter { labels[$0] == module }
            let adjacency = Adjacency.matrix(expression.selectingRows(genes), networkType: networkType, power: power, tomType: nil)
            let m = genes.count
            var best = -Double.infinity, hub = genes[0]
            for i in 0..<m {
                let k = adjacency[(i * m)..<((i + 1) * m)].reduce(0) { $0 + ($1.isNaN ? 0 : $1) }
                if k > best { best = k; hub = genes[i] }
            }
            hubs[module] = hub
        }
        return hubs
    }
}
