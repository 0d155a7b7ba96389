/// What `rgmap modules` reports about the modules of a ``ModuleDetection``: eigengenes
/// (modules 1..K, then 0), signed kME of every gene to every module with its Student p
/// (WGCNA's `signedKME` and `corPvalueStudent`), intramodular and total connectivity, and
/// the top hub of each module (`chooseTopHubInEachModule`).
public struct ModuleStatistics: Sendable {
    /// Module labels in output order: 1, 2, ..., K, then 0 when there are unassigned genes.
    public var modules: [Int]
    /// Modules (in `modules` order, rows ME1, ..., ME0) x samples.
    public var eigengenes: LabeledMatrix
    /// Genes (all input genes) x modules, row-major: signed kME and its p-value.
    public var kme: [Double]
    public var kmeP: [Double]
    /// Per input gene; NaN for genes left out of the network.
    public var kWithin: [Double]
    public var kTotal: [Double]
    /// Module label -> index of its top hub gene (modules other than 0).
    public var topHubs: [Int: Int]

    /// `expression` is the genes x samples matrix the modules were detected on.
    public init(_ detection: ModuleDetection, expression: LabeledMatrix, options: ModuleDetectionOptions) {
        let found = detection.eigengenes
        modules = found.modules.filter { $0 != 0 } + (found.modules.contains(0) ? [0] : [])
        let rows = modules.map { found.modules.firstIndex(of: $0)! }
        eigengenes = LabeledMatrix(rowLabels: modules.map { "ME\($0)" }, columnLabels: expression.columnLabels,
                                   values: rows.flatMap { found.eigengenes[$0] })
        let correlation = CorrelationEngine(method: .pearson, covariates: nil).correlateUnadjusted(expression, eigengenes)
        kme = correlation.r
        kmeP = AssociationMapper.pValues(correlation, features: expression.rowCount, genes: modules.count)
        let network = expression.selectingRows(detection.networkGenes)
        let adjacency = AdjacencyBlocks(network, correlation: options.correlation, networkType: options.networkType,
                                        power: options.power, tomType: nil)
        let networkLabels = detection.networkGenes.map { detection.labels[$0] }
        let connectivity = IntramodularConnectivity(adjacency, labels: networkLabels)
        kWithin = [Double](repeating: .nan, count: expression.rowCount)
        kTotal = kWithin
        for (index, gene) in detection.networkGenes.enumerated() {
            kWithin[gene] = connectivity.within[index]
            kTotal[gene] = connectivity.total[index]
        }
        topHubs = ModuleHubs.topHubs(network, labels: networkLabels).mapValues { detection.networkGenes[$0] }
    }

    /// kME of each gene to its own module (NaN for module 0).
    public func ownKME(labels: [Int]) -> [Double] {
        let column = Dictionary(uniqueKeysWithValues: modules.enumerated().map { ($1, $0) })
        return labels.enumerated().map { gene, label in label == 0 ? .nan : kme[gene * modules.count + column[label]!] }
    }
}
