import Foundation

/// Settings of the enrichment: what is tested besides an earlier run's results, which
/// sets count, how queries are formed from the map, and how GSEA runs.
public struct EnrichmentSettings: Sendable {
    /// Smallest and largest gene set tested, counted within the universe.
    public var minSize = 10, maxSize = 500
    /// A feature's associated genes for ORA: map q at most this, at most `oraMaxGenes` per direction.
    public var oraQ = 0.05
    public var oraMaxGenes = 500
    /// List every tested set in `ora.tsv`, also those without overlap.
    public var allSets = false
    public var rankBy = RankStatistic.r
    public var gsea = GSEAOptions()
    public var runORA = true
    public var runGSEA = true
    /// Rows of `gsea.tsv` with q at most this (1 keeps every row).
    public var gseaMaxQ = 1.0
    /// An earlier output folder whose `network/modules.tsv` and `map/associations.h5` are tested.
    public var from: String?
    /// Query lists for ORA: GMT files, or one gene per line.
    public var geneLists: [String] = []
    /// Ranked lists for GSEA: a `.rnk` file, or a folder of them.
    public var ranks: String?
    /// The universe, one gene per line (default: the omics genes, else the earlier results', else the GMT's).
    public var universe: String?

    public init() {}

    var sizeRange: ClosedRange<Int> { minSize...maxSize }

    /// The `ranks` file, or every `.rnk` file in the `ranks` folder (sorted by name).
    public func rankFiles() throws -> [String] {
        guard let ranks else { return [] }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: ranks, isDirectory: &isFolder) else {
            throw SettingError(.ranks, value: ranks, message: "\(setting: .ranks, ranks): no such file or folder")
        }
        guard isFolder.boolValue else { return [ranks] }
        let names = try FileManager.default.contentsOfDirectory(atPath: ranks).filter { $0.hasSuffix(".rnk") }.sorted()
        guard !names.isEmpty else { throw SettingError(.ranks, value: ranks, message: "\(setting: .ranks, ranks): the folder holds no .rnk file") }
        return names.map { ranks + "/" + $0 }
    }
}
