import CHDF5
import Foundation
import Testing
@testable import RGMap

/// `map/associations.h5` (docs/formats.md): datasets and attributes read back, written all at
/// once or stage by stage as the mapper finishes them, and a cancelled file never placed.
@Suite struct AssociationMatrixFileTests {
    /// 2 features x 3 genes with an undefined pair, counts per pair, two covariate columns.
    static let map = AssociationMap(
        features: ["f1", "naïve-β"], genes: ["TP53", "EGFR", "MYC"],
        r: [0.5, -0.25, .nan, 1e-300, 0.125, -1], p: [0.01, 0.2, .nan, 1, 0.7, 0], q: [0.03, 0.3, .nan, 1, 0.84, 0],
        pairs: .matrix([10, 9, 1, 10, 10, 8]),
        options: AssociationOptions(method: .spearman, missing: .pairwise, fdr: .by, fdrScope: .perFeature),
        covariateColumns: ["age", "scanner=SIEMENS"], sampleCount: 10, warnings: [])

    /// Class and size in bytes of a dataset's elements.
    static func elementType(_ file: HDF5File, _ name: String) throws -> (H5T_class_t, Int) {
        let data = try file.dataset(name)
        let type = H5Dget_type(data.handle.id)
        defer { H5Tclose(type) }
        return (data.typeClass, H5Tget_size(type))
    }

    /// Expects the file at `path` to hold `map` as formats.md lays it out.
    static func expectHolds(_ path: String, _ map: AssociationMap) throws {
        try HDF5Library.serialized {
            let file = try HDF5File(path: path)
            #expect(try file.readLabels("/features") == map.features && file.readLabels("/genes") == map.genes)
            for (name, values) in [("/r", map.r), ("/p", map.p), ("/q", map.q)] {
                let read = try file.readMatrix(name)
                #expect(read.rows == map.featureCount && read.columns == map.geneCount && sameValues(read.values, values), "\(name)")
                let (kind, size) = try elementType(file, name)
                #expect(kind == H5T_FLOAT && size == 8, "\(name) is float64")
            }
            let n = try file.readMatrix("/n")
            #expect(n.values == (0..<(map.featureCount * map.geneCount)).map { Double(map.pairs[$0]) })
            let (kind, size) = try elementType(file, "/n")
            #expect(kind == H5T_INTEGER && size == 4, "n is int32")
            let attributes = try ["method", "fdr", "fdr_scope", "missing", "covariates"].map { try file.stringAttribute($0, of: "/") }
            #expect(attributes == [map.options.method.rawValue, map.options.fdr.rawValue, map.options.fdrScope.rawValue,
                                   map.options.missing.rawValue, map.covariateColumns.joined(separator: ",")])
        }
    }

    @Test func finishingWithoutStagesWritesEveryMatrixAndAttribute() throws {
        let folder = Fixtures.scratchFolder()
        let output = try OutputDirectory(path: folder, force: false)
        let file = try AssociationMatrixFile(output: output)
        try file.finish(Self.map)
        #expect(ExampleRun.files(under: folder) == ["map/associations.h5"])
        try Self.expectHolds(folder + "/map/associations.h5", Self.map)
        let attributes = try HDF5Library.serialized {
            let file = try HDF5File(path: folder + "/map/associations.h5")
            return try ["method", "fdr", "fdr_scope", "missing", "covariates"].map { try file.stringAttribute($0, of: "/") }
        }
        #expect(attributes == ["spearman", "by", "per-feature", "pairwise", "age,scanner=SIEMENS"])
        // Read back as a stored map: the same matrices, and the covariate columns counted.
        let stored = try StoredAssociationMap.read(path: folder + "/map/associations.h5")
        #expect(sameValues(stored.r, Self.map.r) && sameValues(stored.q, Self.map.q) && stored.covariateColumns == 2)
    }

    /// The covariates fixture has missing values: pairwise, n differs between pairs; complete
    /// cases give one n for every pair, stored as the dataset's fill value.
    @Test(arguments: [(FDRScope.global, MissingValuePolicy.pairwise), (.perFeature, .complete)])
    func writtenStageByStageAsTheMapperFinishesThem(_ scope: FDRScope, _ missing: MissingValuePolicy) throws {
        let cohort = try RFixtures.cohort("covariates", covariates: true)
        let folder = Fixtures.scratchFolder()
        let output = try OutputDirectory(path: folder, force: false)
        let file = try AssociationMatrixFile(output: output, path: "map/staged.h5")
        var stages: [String] = []
        let map = try AssociationMapper.map(cohort, options: AssociationOptions(missing: missing, fdrScope: scope), stageCompleted: { stage, partial in
            stages.append("\(stage)".components(separatedBy: "(")[0])
            file.write(stage, partial)
        })
        #expect(stages.first == "correlations" && stages.contains("qRows") && stages.last == "qValues")
        if missing == .complete {
            guard case .constant = map.pairs else { Issue.record("complete cases give one n"); return }
        } else {
            guard case .matrix = map.pairs else { Issue.record("pairwise n differs between pairs"); return }
        }
        try file.finish(map)
        try Self.expectHolds(folder + "/map/staged.h5", map)
    }

    /// Whether `cancel()` has marked the file (read off its private flag).
    static func isMarkedCancelled(_ file: AssociationMatrixFile) -> Bool {
        Mirror(reflecting: file).children.first { $0.label == "cancelled" }?.value as? Bool == true
    }

    @Test func cancelStopsTheQueuedWritesAndPlacesNothing() throws {
        let folder = Fixtures.scratchFolder()
        let output = try OutputDirectory(path: folder, force: false)
        let file = try AssociationMatrixFile(output: output)
        let cancelled = DispatchSemaphore(value: 0)
        // Holding HDF5's lock keeps the first write (the layout, then r) waiting, so that p is
        // still queued behind it when cancel() is called.
        HDF5Library.serialized {
            file.write(.correlations, Self.map)
            Thread.sleep(forTimeInterval: 0.05)  // lets the first write begin (it then waits for the lock)
            file.write(.pValues, Self.map)
            DispatchQueue.global().async { file.cancel(); cancelled.signal() }
            let deadline = Date() + 10
            while !Self.isMarkedCancelled(file) && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        }
        #expect(Self.isMarkedCancelled(file))
        cancelled.wait()
        file.write(.qValues, Self.map)
        #expect(throws: CancellationError.self) { try file.finish(Self.map) }
        #expect(!FileManager.default.fileExists(atPath: folder + "/map/associations.h5"))
        // The temporary file, when the first write had begun, is left closed for the stage to
        // remove: that write finished (r), the queued one never ran (p).
        if let temporary = ExampleRun.files(under: folder).first {
            let (r, p) = try HDF5Library.serialized {
                let read = try HDF5File(path: folder + "/" + temporary)
                return (try read.readMatrix("/r").values, try read.readMatrix("/p").values)
            }
            #expect(sameValues(r, Self.map.r), "the write under way finished")
            #expect(!sameValues(p, Self.map.p), "p was written after cancel()")
        }
    }
}
