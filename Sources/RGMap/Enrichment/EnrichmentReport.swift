/// What an enrichment run tested, for the manifest.
public struct EnrichmentReport: Codable, Sendable, Equatable {
    /// Where the universe came from, and its size.
    public var universeSource: String
    public var universeSize: Int
    public var setsRead: Int
    public var setsTested: Int
    public var setsOutsideSizeRange: Int
    public var oraQueries: Int
    public var gseaLists: Int
    /// GSEA p-values estimated by the multilevel method rather than the permutations.
    public var multilevelEstimates: Int

    public init(universeSource: String, universeSize: Int, setsRead: Int, setsTested: Int, setsOutsideSizeRange: Int) {
        self.universeSource = universeSource
        self.universeSize = universeSize
        self.setsRead = setsRead
        self.setsTested = setsTested
        self.setsOutsideSizeRange = setsOutsideSizeRange
        oraQueries = 0
        gseaLists = 0
        multilevelEstimates = 0
    }
}
