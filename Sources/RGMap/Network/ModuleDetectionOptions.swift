/// Storage precision of the genes x genes matrices of a network.
public enum NetworkPrecision: String, Sendable, Codable, CaseIterable {
    case double
    /// Float32 adjacency, TOM and clustering: half the memory, about twice the product speed.
    case single
}

/// The settings of ``ModuleDetection``; every default is WGCNA 1.72 `blockwiseModules`'s.
public struct ModuleDetectionOptions: Sendable, Codable, Equatable {
    /// Correlation between genes: pearson or bicor (`corType`).
    public var correlation = CorrelationMethod.pearson
    /// Soft-threshold power (`power`; 6, blockwiseModules' default).
    public var power = 6.0
    public var networkType = NetworkType.unsigned
    /// Topological overlap type; nil clusters 1 - adjacency (`TOMType = "none"`).
    public var tomType: TOMType? = .signed
    public var precision = NetworkPrecision.double
    /// Smallest module; nil = min(20, genes / 2) (`minModuleSize`), see ``minModuleSize(genes:)``.
    public var minModuleSize: Int?
    /// `deepSplit` (2, blockwiseModules' default).
    public var deepSplit = 2
    /// `detectCutHeight` (0.995, blockwiseModules' default).
    public var detectCutHeight = 0.995
    public var maxCoreScatter: Double?
    public var minGap: Double?
    public var pamStage = true
    public var pamRespectsDendro = true
    /// A gene moves to a module whose kME p-value (Fisher) is this many times smaller
    /// (`reassignThreshold`, default 1e-6).
    public var reassignThreshold = 1e-6
    /// A module needs `minCoreKMESize` genes with kME above this (`minCoreKME`, default 0.5).
    public var minCoreKME = 0.5
    /// nil = a third of the minimum module size (blockwiseModules' `minModuleSize/3`).
    public var minCoreKMESize: Double?
    /// Genes with kME below this leave their module (`minKMEtoStay`, default 0.3).
    public var minKMEToStay = 0.3
    /// Modules whose eigengenes' 1 - cor is below this are merged (`mergeCutHeight`, default 0.15).
    public var mergeCutHeight = 0.15
    /// Split more genes than this into blocks of related genes, one network each; nil = one
    /// network over all genes (WGCNA's default is 5000, see ``BlockPartition``).
    public var maxBlockSize: Int?
    /// Seed of the block pre-clustering.
    public var seed: UInt64 = 1

    public init() {}

    /// The minimum module size for a network of `genes` genes: the one given, else WGCNA's
    /// default `min(20, ncol(datExpr)/2)` over the genes kept (`goodGenes`), which is
    /// fractional for an odd count under 40 (7.5 for 15 genes). Kept as a Double, as R keeps
    /// it: a size compares the same with 7.5 as with 8, but the tree cut's core size
    /// (`minClusterSize/2 + 1 + ...`) and minCoreKMESize (`minModuleSize/3`) use the fraction.
    func minModuleSize(genes: Int) -> Double { minModuleSize.map(Double.init) ?? min(20, Double(genes) / 2) }

    /// What the tree cut is given, as blockwiseModules passes it to cutreeDynamic.
    func treeCut(genes: Int) -> HybridTreeCutOptions {
        HybridTreeCutOptions(cutHeight: detectCutHeight, minClusterSize: minModuleSize(genes: genes), deepSplit: deepSplit,
                             maxCoreScatter: maxCoreScatter, minGap: minGap, pamStage: pamStage,
                             pamRespectsDendro: pamRespectsDendro)
    }
}
