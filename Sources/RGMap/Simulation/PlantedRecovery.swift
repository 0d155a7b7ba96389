/// How much of a simulated cohort's planted structure a run found: modules, feature-module
/// links, hub genes and the GO terms the modules were planted from.
public struct PlantedRecovery: Sendable {
    /// A planted module and the found module that matches it best.
    public struct ModuleMatch: Sendable, Equatable {
        public var planted: Int
        public var plantedSize: Int
        public var goID: String
        public var goTerm: String
        /// The found module sharing the most genes with it relative to their union (nil if none shares any).
        public var found: Int?
        public var jaccard: Double
        /// The found module's best ORA set and its q.
        public var topSet: String?
        public var topSetQ: Double
        /// A match is a recovery when the Jaccard index is at least ``recoveredJaccard``.
        public var recovered: Bool { jaccard >= PlantedRecovery.recoveredJaccard }
        /// Whether the found module's best ORA set is the planted GO term.
        public var termRecovered: Bool { topSet == goID }
    }

    /// A found module recovers a planted one at Jaccard >= 0.5: they then share at least half
    /// their union, so a planted module can be recovered by one found module at most.
    public static let recoveredJaccard = 0.5

    public var adjustedRandIndex: Double
    public var modules: [ModuleMatch]
    /// Planted feature-driver links, and those whose matched module has module-feature q <= `maxQ`.
    public var plantedLinks: Int
    public var recoveredLinks: Int
    /// Hub entries of features with planted drivers, and those in one of the feature's driver modules.
    public var hubsOfDrivenFeatures: Int
    public var hubsInDriverModules: Int
    public var hubEntries: Int

    /// - Parameters:
    ///   - genes, labels: every gene of the network and its found module (0 = none).
    ///   - planted: gene -> planted module (genes outside every planted module absent).
    ///   - terms: planted module -> its GO ID and term.
    ///   - drivers: feature -> the planted modules that drive it.
    ///   - moduleFeatureQ: found module -> feature -> module-feature q.
    ///   - hubs: (feature, gene) of every hub entry.
    ///   - topSets: found module -> its best ORA set and q.
    public init(genes: [String], labels: [Int], planted: [String: Int], terms: [Int: (id: String, term: String)],
                drivers: [String: [Int]], moduleFeatureQ: [Int: [String: Double]], hubs: [(feature: String, gene: String)],
                topSets: [Int: (set: String, q: Double)], maxQ: Double = 0.05) {
        adjustedRandIndex = RGMap.adjustedRandIndex(labels, genes.map { planted[$0] ?? 0 })
        var members: [Int: Set<String>] = [:], plantedMembers: [Int: Set<String>] = [:]
        for (gene, label) in zip(genes, labels) where label != 0 { members[label, default: []].insert(gene) }
        for (gene, module) in planted { plantedMembers[module, default: []].insert(gene) }
        modules = terms.keys.sorted().map { number in
            let truth = plantedMembers[number] ?? []
            var best: (module: Int, jaccard: Double)?
            for (module, genes) in members.sorted(by: { $0.key < $1.key }) {
                let shared = genes.intersection(truth).count
                guard shared > 0 else { continue }
                let jaccard = Double(shared) / Double(genes.union(truth).count)
                if best == nil || jaccard > best!.jaccard { best = (module, jaccard) }
            }
            let top = best.flatMap { topSets[$0.module] }
            return ModuleMatch(planted: number, plantedSize: truth.count, goID: terms[number]!.id, goTerm: terms[number]!.term,
                               found: best?.module, jaccard: best?.jaccard ?? 0, topSet: top?.set, topSetQ: top?.q ?? .nan)
        }
        let matched = Dictionary(uniqueKeysWithValues: modules.filter(\.recovered).map { ($0.planted, $0.found!) })
        plantedLinks = drivers.values.map(\.count).reduce(0, +)
        recoveredLinks = drivers.map { feature, driving in
            driving.filter { module in matched[module].map { (moduleFeatureQ[$0]?[feature] ?? 1) <= maxQ } ?? false }.count
        }.reduce(0, +)
        hubEntries = hubs.count
        let driven = hubs.filter { drivers[$0.feature] != nil }
        hubsOfDrivenFeatures = driven.count
        hubsInDriverModules = driven.filter { hub in drivers[hub.feature]!.contains { planted[hub.gene] == $0 } }.count
    }
}
