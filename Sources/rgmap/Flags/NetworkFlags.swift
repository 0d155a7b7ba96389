import ArgumentParser
import RGMap

/// Settings of the co-expression network (`rgmap modules`); defaults are WGCNA 1.72
/// blockwiseModules's.
struct NetworkFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Soft-threshold power: a number, or auto (lowest power whose scale-free fit R^2 exceeds --rsquared-cut).", valueName: "n|auto"))
    var power: String = "6"

    @Option(name: .customLong("rsquared-cut"), help: ArgumentHelp("Scale-free fit R^2 that --power auto must exceed.", valueName: "r2"))
    var rSquaredCut: Double = 0.85

    @Option(help: ArgumentHelp("Candidate powers of the soft-threshold table, comma-separated (default 1-10,12-20 by 2).", valueName: "list"))
    var powers: String?

    @Option(help: ArgumentHelp("Network type: unsigned, signed or signed-hybrid.", valueName: "type"))
    var network: NetworkType = .unsigned

    @Option(help: ArgumentHelp("Topological overlap: unsigned, signed or none (cluster 1 - adjacency).", valueName: "type"))
    var tom: String = "signed"

    @Option(help: ArgumentHelp("Correlation between genes: pearson or bicor.", valueName: "method"))
    var cor: NetworkCorrelation = .pearson

    /// The correlations a network can be built on (WGCNA's `corType`).
    enum NetworkCorrelation: String, ExpressibleByArgument, CaseIterable {
        case pearson
        case bicor

        var method: CorrelationMethod { self == .pearson ? .pearson : .bicor }
    }

    @Option(help: ArgumentHelp("Precision of the genes x genes matrices: double or single (float32: half the memory).", valueName: "p"))
    var precision: NetworkPrecision = .double

    @Option(name: .customLong("min-module-size"), help: ArgumentHelp("Smallest module (default min(20, genes/2)).", valueName: "n"))
    var minModuleSize: Int?

    @Option(name: .customLong("deep-split"), help: ArgumentHelp("Tree cut sensitivity, 0 (coarse) to 4 (fine).", valueName: "0..4"))
    var deepSplit: Int = 2

    @Option(name: .customLong("detect-cut-height"), help: ArgumentHelp("Tree cut height.", valueName: "h"))
    var detectCutHeight: Double = 0.995

    @Option(name: .customLong("merge-cut-height"), help: ArgumentHelp("Merge modules whose eigengenes' 1 - cor is below this.", valueName: "h"))
    var mergeCutHeight: Double = 0.15

    @Option(name: .customLong("pam-stage"), help: ArgumentHelp("Assign genes left over by the tree to the nearest module.", valueName: "true|false"))
    var pamStage: Bool = true

    @Option(name: .customLong("pam-respects-dendro"), help: ArgumentHelp("In that stage, only modules on the gene's branch.", valueName: "true|false"))
    var pamRespectsDendro: Bool = true

    @Option(name: .customLong("reassign-threshold"), help: ArgumentHelp("Move a gene to a module whose kME p-value is this many times smaller (0: never).", valueName: "p"))
    var reassignThreshold: Double = 1e-6

    @Option(name: .customLong("min-core-kme"), help: ArgumentHelp("A module needs min-module-size/3 genes with kME above this.", valueName: "x"))
    var minCoreKME: Double = 0.5

    @Option(name: .customLong("min-kme-to-stay"), help: ArgumentHelp("Genes with kME below this leave their module.", valueName: "x"))
    var minKMEToStay: Double = 0.3

    @Option(name: .customLong("max-block-size"), help: ArgumentHelp("Split more genes than this into blocks of related genes, one network each (default: one network of all genes).", valueName: "n"))
    var maxBlockSize: Int?

    @Flag(name: .customLong("save-tom"), help: "Also write the TOM to network/tom.h5 (genes x genes: 3.2 GB for 20000 genes in double precision).")
    var saveTOM = false

    @Option(name: .customLong("module-q"), help: ArgumentHelp("With --features: modules with module-feature q at most this carry hubs.", valueName: "q"))
    var moduleQ: Double = 0.05

    @Option(name: .customLong("hub-kme"), help: ArgumentHelp("Least |kME| of a hub gene.", valueName: "x"))
    var hubKME: Double = 0.8

    @Option(name: .customLong("hub-gs"), help: ArgumentHelp("Least |gene significance| of a hub gene.", valueName: "x"))
    var hubGS: Double = 0.2

    func validate() throws {
        guard power == "auto" || (Double(power).map { $0 >= 1 && $0 <= 30 } ?? false) else {
            throw ValidationError("--power must be auto or a number from 1 to 30, got \(power)")
        }
        guard ["unsigned", "signed", "none"].contains(tom) else { throw ValidationError("--tom must be unsigned, signed or none, got \(tom)") }
        guard (0...4).contains(deepSplit) else { throw ValidationError("--deep-split must be 0 to 4") }
        if let minModuleSize { guard minModuleSize >= 2 else { throw ValidationError("--min-module-size must be at least 2") } }
        if let maxBlockSize { guard maxBlockSize >= 100 else { throw ValidationError("--max-block-size must be at least 100") } }
        guard (0...1).contains(mergeCutHeight) else { throw ValidationError("--merge-cut-height must be between 0 and 1") }
        if maxBlockSize != nil && saveTOM { throw ValidationError("--save-tom needs one network: leave out --max-block-size") }
        _ = try candidatePowers()
    }

    func candidatePowers() throws -> [Int] {
        guard let powers else { return SoftThreshold.defaultPowers }
        var list: [Int] = []
        for part in powers.split(separator: ",") {
            let bounds = part.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !bounds.isEmpty, bounds.allSatisfy({ ($0 ?? 0) >= 1 }), bounds.count <= 2 else {
                throw ValidationError("--powers: expected numbers or ranges like 1-10,12,14, got \(part)")
            }
            if bounds.count == 2 && bounds[0]! > bounds[1]! {
                throw ValidationError("--powers: range \(part) runs downwards; write it low-high")
            }
            list += bounds.count == 1 ? [bounds[0]!] : Array(bounds[0]!...bounds[1]!)
        }
        guard !list.isEmpty else { throw ValidationError("--powers: expected at least one power, e.g. 1-10,12,14") }
        return Array(Set(list)).sorted()
    }

    /// The library's network settings; the blocks' pre-clustering takes `seed`.
    func settings(seed: UInt64, dropIncompleteGenes: Bool = false) throws -> NetworkSettings {
        var settings = NetworkSettings()
        settings.power = power == "auto" ? .automatic : .fixed(Double(power)!)
        settings.rSquaredCut = rSquaredCut
        settings.candidatePowers = try candidatePowers()
        var options = ModuleDetectionOptions()
        options.correlation = cor.method
        options.networkType = network
        options.tomType = TOMType(rawValue: tom)
        options.precision = precision
        options.minModuleSize = minModuleSize
        options.deepSplit = deepSplit
        options.detectCutHeight = detectCutHeight
        options.mergeCutHeight = mergeCutHeight
        options.pamStage = pamStage
        options.pamRespectsDendro = pamRespectsDendro
        options.reassignThreshold = reassignThreshold
        options.minCoreKME = minCoreKME
        options.minKMEToStay = minKMEToStay
        options.maxBlockSize = maxBlockSize
        options.seed = seed
        settings.detection = options
        settings.hubRules = HubRules(moduleQ: moduleQ, minimumKME: hubKME, minimumGS: hubGS)
        settings.saveTOM = saveTOM
        settings.dropIncompleteGenes = dropIncompleteGenes
        return settings
    }

    var parameters: [String: String] {
        var values = ["power": power, "rsquared-cut": String(rSquaredCut), "network": network.rawValue, "tom": tom, "cor": cor.rawValue,
                      "precision": precision.rawValue, "deep-split": String(deepSplit), "detect-cut-height": String(detectCutHeight),
                      "merge-cut-height": String(mergeCutHeight), "pam-stage": String(pamStage),
                      "pam-respects-dendro": String(pamRespectsDendro), "reassign-threshold": String(reassignThreshold),
                      "min-core-kme": String(minCoreKME), "min-kme-to-stay": String(minKMEToStay), "module-q": String(moduleQ),
                      "hub-kme": String(hubKME), "hub-gs": String(hubGS)]
        if let powers { values["powers"] = powers }
        if saveTOM { values["save-tom"] = "true" }
        if let minModuleSize { values["min-module-size"] = String(minModuleSize) }
        if let maxBlockSize { values["max-block-size"] = String(maxBlockSize) }
        return values
    }
}

extension NetworkType: ExpressibleByArgument {}
extension NetworkPrecision: ExpressibleByArgument {}
