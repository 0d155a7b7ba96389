import Foundation

/// Co-expression modules step by step as WGCNA 1.72 `blockwiseModules` finds them: per
/// block of genes (one block of all genes unless `maxBlockSize` is set), adjacency, TOM,
/// average-linkage tree of 1 - TOM, hybrid dynamic tree cut, eigengenes and the kME checks;
/// then over all genes the reassignment by kME and the merging of close modules,
/// relabelled 1..K by decreasing size (0 = unassigned).
public struct ModuleDetection: Sendable {
    /// One network of the detection: its genes and their tree.
    public struct Block: Sendable {
        /// Genes of the block, as indices into the input, ascending.
        public var genes: [Int]
        /// The block's gene tree (leaf i = genes[i]).
        public var tree: Dendrogram
    }

    /// Genes (indices into the input) the network was built over: WGCNA's `goodGenes`.
    public var networkGenes: [Int]
    /// The networks built, largest block first (one unless `maxBlockSize` splits the genes).
    public var blocks: [Block]
    /// Labels of the tree cut, per network gene.
    public var treeCutLabels: [Int]
    /// Labels after the kME checks and reassignment, before merging, per input gene.
    public var unmergedLabels: [Int]
    /// Final labels per input gene.
    public var labels: [Int]
    /// Eigengenes of the final modules over the network genes (label 0 first when present).
    public var eigengenes: ModuleEigengenes
    /// Seconds per step, in order.
    public var timings: [(step: String, seconds: Double)]

    /// Messages about what was left out (genes without variance), for stderr and the manifest.
    public var notes: [String]

    /// `expression` is genes x samples without missing values. `tomReady`, when given, is
    /// called with the TOM (over `networkGenes`) while it is in memory, to save it.
    ///
    /// Long on purpose: it is `blockwiseModules`' order of steps in one place (blocks, each
    /// block's tree, cut and kME checks, then reassignment and merging over all genes), so it
    /// can be read against WGCNA's; each step is a type of its own.
    public init(_ expression: LabeledMatrix, options: ModuleDetectionOptions,
                progress: ((_ step: String, _ done: Int, _ total: Int) -> Void)? = nil,
                tomReady: ((NetworkTOM) throws -> Void)? = nil) throws {
        try Self.requireComplete(expression)
        // Below 4 samples every gene would be dropped as without variance; say what is wrong instead (WGCNA: "too few samples").
        guard expression.columnCount >= 4 else { throw AnalysisError(.tooFewSamples, "modules need at least 4 samples, got \(expression.columnCount)") }
        var clock = StepClock()
        let networkGenes = Self.usableGenes(expression)
        self.networkGenes = networkGenes
        notes = []
        let dropped = expression.rowCount - networkGenes.count
        if dropped > 0 { notes.append("\(plural(dropped, "gene")) without variance left out of the network (module 0)") }
        guard networkGenes.count >= 2 else { throw AnalysisError(.tooFewVariables, "modules need at least 2 genes with variance, got \(networkGenes.count)") }
        let network = expression.selectingRows(networkGenes)
        let genes = network.rowCount
        let partition = options.maxBlockSize.map { BlockPartition.blocks(network, maxBlockSize: $0, seed: options.seed) } ?? [Array(0..<genes)]
        if partition.count > 1 {
            clock.lap("blocks")
            guard tomReady == nil else {
                throw SettingError(.saveTOM, message: "\(setting: .saveTOM) needs one network: it cannot be combined with blocks (\(setting: .maxBlockSize))")
            }
        }
        var blocks: [Block] = []
        var treeCutLabels = [Int](repeating: 0, count: genes)
        var checked = treeCutLabels, modules: [Int] = [], moduleEigengenes: [[Double]] = []
        var maxUsedLabel = 0
        for block in partition {
            let sub = network.selectingRows(block)
            let built = options.precision == .double
                ? try Self.treeAndCut(sub, options: options, allGenes: genes, scalar: Double.self, clock: &clock, progress: progress,
                                      tomReady: tomReady.map { save in { try save(.double($0)) } })
                : try Self.treeAndCut(sub, options: options, allGenes: genes, scalar: Float.self, clock: &clock, progress: progress,
                                      tomReady: tomReady.map { save in { try save(.single($0)) } })
            blocks.append(Block(genes: block.map { networkGenes[$0] }, tree: built.tree))
            // Labels continue from the previous blocks' (WGCNA's maxUsedLabel).
            let labels = built.labels.map { $0 > 0 ? $0 + maxUsedLabel : 0 }
            maxUsedLabel = max(maxUsedLabel, labels.max() ?? 0)
            let checks = ModuleMembershipChecks(expression: sub, options: options, minModuleSize: options.minModuleSize(genes: genes))
            let pruned = try checks.pruned(labels)
            for (local, gene) in block.enumerated() {
                treeCutLabels[gene] = labels[local]
                checked[gene] = pruned.labels[local]
            }
            modules += pruned.modules
            moduleEigengenes += pruned.eigengenes
        }
        self.blocks = blocks
        self.treeCutLabels = treeCutLabels
        let checks = ModuleMembershipChecks(expression: network, options: options, minModuleSize: options.minModuleSize(genes: genes))
        let reassigned = checks.reassigned(checked, modules: modules, eigengenes: moduleEigengenes)
        clock.lap("kME checks")
        let merged = try ModuleMerging.merge(network, labels: reassigned, cutHeight: options.mergeCutHeight, correlation: options.correlation)
        eigengenes = try ModuleEigengenes(network, labels: merged)
        clock.lap("merging")
        unmergedLabels = [Int](repeating: 0, count: expression.rowCount)
        labels = unmergedLabels
        for (index, gene) in networkGenes.enumerated() {
            unmergedLabels[gene] = reassigned[index]
            labels[gene] = merged[index]
        }
        timings = clock.laps
    }

    /// Adjacency, TOM, tree and tree cut in the chosen precision; the genes x genes matrices
    /// live only here: one square matrix (the adjacency, then the clustering's working copy)
    /// and one packed TOM, 1.5 x genes^2 values at the most.
    private static func treeAndCut<Scalar: NetworkScalar>(_ network: LabeledMatrix, options: ModuleDetectionOptions, allGenes: Int,
                                                          scalar: Scalar.Type,
                                                          clock: inout StepClock,
                                                          progress: ((String, Int, Int) -> Void)?,
                                                          tomReady: ((PackedLowerTriangle<Scalar>) throws -> Void)?) throws -> (tree: Dendrogram, labels: [Int]) {
        let genes = network.rowCount
        var work = AdjacencyBlocks(network, correlation: options.correlation, networkType: options.networkType,
                                   power: options.power, tomType: options.tomType).matrix(as: Scalar.self)
        clock.lap("adjacency")
        var similarity: PackedLowerTriangle<Scalar>
        if let type = options.tomType {
            similarity = TopologicalOverlap.similarity(adjacency: &work, genes: genes, type: type) { progress?("TOM", $0, $1) }
        } else {
            similarity = PackedLowerTriangle(count: genes, uninitialized: true)
            for i in 0..<genes { for j in 0..<i { similarity.values[PackedLowerTriangle<Scalar>.offset(row: i) + j] = work[i * genes + j] } }
        }
        clock.lap("TOM")
        if let tomReady {
            try tomReady(similarity)
            clock.lap("saving TOM")
        }
        // The adjacency's storage becomes the clustering's working copy.
        let tree = AverageLinkage.cluster(oneMinus: similarity, workspace: &work)
        work = []
        clock.lap("clustering")
        let labels = HybridTreeCut.cut(tree, distances: PackedDissimilarities(similarity: similarity),
                                       options: options.treeCut(genes: allGenes))
        clock.lap("tree cut")
        return (tree, labels)
    }

    /// Modules need expression without missing values: the error names how many genes have any.
    public static func requireComplete(_ expression: LabeledMatrix) throws {
        let complete = expression.completeRows
        guard complete.count < expression.rowCount else { return }
        // The first incomplete row is where the ascending complete rows first skip an index.
        let first = zip(complete, 0...).first { $0 != $1 }?.1 ?? complete.count
        throw AnalysisError(.missingValues, "modules need expression without missing values: \(expression.rowCount - complete.count) of "
                            + "\(plural(expression.rowCount, "gene")) have some (e.g. \(expression.rowLabels[first].quotedForMessage())); "
                            + "impute them, or drop those genes with \(setting: .completeGenes)")
    }

    /// WGCNA's `goodGenes` for data without missing values: variance above (1e-10 max|x|)^2.
    public static func usableGenes(_ expression: LabeledMatrix) -> [Int] {
        let largest = expression.values.reduce(0) { max($0, abs($1)) }
        let tolerance = 1e-10 * largest
        return (0..<expression.rowCount).filter { gene in
            let row = expression.row(gene), n = Double(row.count)
            // goodGenes: at least minNSamples = 4 present values.
            guard row.count >= 4 else { return false }
            let mean = row.reduce(0, +) / n
            let variance = row.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
            return variance > tolerance * tolerance
        }
    }
}

/// Wall-clock time of consecutive steps; a step repeated (once per block) adds up.
struct StepClock {
    private var last = Date()
    private(set) var laps: [(step: String, seconds: Double)] = []

    mutating func lap(_ step: String) {
        let now = Date()
        if let index = laps.firstIndex(where: { $0.step == step }) {
            laps[index].seconds += now.timeIntervalSince(last)
        } else {
            laps.append((step, now.timeIntervalSince(last)))
        }
        last = now
    }
}
