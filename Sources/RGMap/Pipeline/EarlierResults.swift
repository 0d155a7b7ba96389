import Foundation

/// What enrichment tests of earlier stages: the modules and the association map, from
/// this run (in memory) or from an earlier run's output folder.
public struct EarlierResults: Sendable {
    /// Genes with their module numbers (0 = unassigned).
    public var modules: (genes: [String], labels: [Int])?
    /// What enrichment draws from the association map.
    public var map: AssociationQueries?
    /// Where the universe's genes come from when they are the map's or the network's: the
    /// folder as given, or nil for this run's own.
    public var folder: String?
    /// The files read, with their roles, for the manifest.
    public var files: [(role: String, path: String)] = []

    public init(modules: (genes: [String], labels: [Int])? = nil, map: AssociationQueries? = nil) {
        self.modules = modules
        self.map = map
    }

    /// Reads what `folder` holds: `network/modules.tsv` and `map/associations.h5` (only the
    /// matrices `settings` needs).
    public static func read(folder: String, settings: EnrichmentSettings, log: PipelineLog) throws -> EarlierResults {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw SettingError(.from, value: folder, message: "\(setting: .from, folder): no such folder")
        }
        var results = EarlierResults()
        results.folder = folder
        let mapPath = folder + "/map/associations.h5", modulesPath = folder + "/network/modules.tsv"
        if FileManager.default.fileExists(atPath: mapPath) {
            let step = log.step("reading \(mapPath)")
            let needed = AssociationQueries.matrices(rankBy: settings.runGSEA ? settings.rankBy : nil, lists: settings.runORA)
            let stored = try StoredAssociationMap.read(path: mapPath, matrices: needed)
            step.finish("map: \(stored.features.count) features x \(stored.genes.count) genes from \(mapPath)")
            results.map = AssociationQueries(stored, rankBy: settings.runGSEA ? settings.rankBy : nil,
                                             listCut: settings.runORA ? settings.oraQ : nil)
            results.files.append(("map", mapPath))
        }
        if FileManager.default.fileExists(atPath: modulesPath) {
            let modules = try ModuleTableReader.read(path: modulesPath)
            log.note("modules: \(Set(modules.modules).subtracting([0]).count) modules over \(modules.genes.count) genes from \(modulesPath)")
            results.modules = (modules.genes, modules.modules)
            results.files.append(("modules", modulesPath))
        }
        guard results.map != nil || results.modules != nil else {
            throw AnalysisError(.missingResults, "\(setting: .from, folder): found neither map/associations.h5 (written by the map stage) "
                                + "nor network/modules.tsv (written by the network stage)")
        }
        return results
    }
}
