/// The genes an enrichment test counts: every query, set and ranked list is intersected with it.
public struct GeneUniverse: Sendable, Equatable {
    /// The genes, in the order of the table they came from.
    public let genes: [String]
    /// Where the genes came from, for the output and the manifest (e.g. "omics table after preprocessing").
    public let source: String
    private let positions: [String: Int32]

    public init(genes: [String], source: String) {
        var unique: [String] = []
        var positions: [String: Int32] = [:]
        for gene in genes where positions[gene] == nil {
            positions[gene] = Int32(unique.count)
            unique.append(gene)
        }
        self.genes = unique
        self.source = source
        self.positions = positions
    }

    public var count: Int { genes.count }

    /// The universe index of `gene`, or nil when the gene is outside the universe.
    public func index(of gene: String) -> Int32? { positions[gene] }
}

/// Gene sets as a test sees them: intersected with the universe, then kept when their size
/// is within `sizeRange` (so the size limits count only genes the test can see).
public struct TestedGeneSets: Sendable {
    public let names: [String]
    public let descriptions: [String]
    /// Members as universe indices, ascending.
    public let members: [[Int32]]
    /// Sets dropped because their size in the universe was outside the range.
    public let droppedForSize: Int
    public let sizeRange: ClosedRange<Int>

    public var count: Int { names.count }

    public init(_ collection: GeneSetCollection, universe: GeneUniverse, sizeRange: ClosedRange<Int>) {
        let translation = collection.genes.map { universe.index(of: $0) ?? -1 }
        var names: [String] = [], descriptions: [String] = [], members: [[Int32]] = []
        for set in 0..<collection.count {
            let inUniverse = collection.members[set].map { translation[Int($0)] }.filter { $0 >= 0 }.sorted()
            guard sizeRange.contains(inUniverse.count) else { continue }
            names.append(collection.names[set])
            descriptions.append(collection.descriptions[set])
            members.append(inUniverse)
        }
        self.names = names
        self.descriptions = descriptions
        self.members = members
        self.droppedForSize = collection.count - names.count
        self.sizeRange = sizeRange
    }
}
