import Foundation
import RGMap

/// The results of an earlier run that `rgmap enrich --from DIR` builds on: the association
/// map (`map/associations.h5`) and the modules (`network/modules.tsv`), whichever exist.
struct EarlierResults {
    var map: StoredAssociationMap?
    var modules: (genes: [String], modules: [Int])?
    /// The files read, with their roles, for the manifest.
    var files: [(String, String)] = []

    /// Reads what `folder` holds; `knownModules` (the modules a run has just written there)
    /// stand in for its network/modules.tsv.
    init(folder: String?, knownModules: (genes: [String], modules: [Int])? = nil, console: Console) throws {
        guard let folder else { return }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw UsageError("--from \(folder): no such folder")
        }
        let mapPath = folder + "/map/associations.h5", modulesPath = folder + "/network/modules.tsv"
        if FileManager.default.fileExists(atPath: mapPath) {
            let step = console.step("reading \(mapPath)")
            let map = try StoredAssociationMap.read(path: mapPath)
            step.finish("map: \(map.features.count) features x \(map.genes.count) genes from \(mapPath)")
            self.map = map
            files.append(("map", mapPath))
        }
        if let knownModules {
            modules = knownModules
        } else if FileManager.default.fileExists(atPath: modulesPath) {
            let modules = try ModuleTableReader.read(path: modulesPath)
            console.note("modules: \(Set(modules.modules).subtracting([0]).count) modules over \(modules.genes.count) genes from \(modulesPath)")
            self.modules = modules
            files.append(("modules", modulesPath))
        }
        guard map != nil || modules != nil else {
            throw UsageError("--from \(folder): found neither map/associations.h5 (rgmap map) nor network/modules.tsv (rgmap modules)")
        }
    }
}
