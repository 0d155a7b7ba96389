import Dispatch

/// `map/associations.h5`, written on a background thread dataset by dataset as the map's
/// matrices become final, so that writing overlaps the rest of the computation.
/// Datasets r, p, q (float64) and n (int32), features x genes, with `features` and `genes`
/// and the settings as attributes of the root group. Renamed into place by ``finish(_:)``.
public final class AssociationMatrixFile: @unchecked Sendable {
    private let queue = DispatchQueue(label: "rgmap.associations.h5")
    private let output: OutputDirectory
    private let relativePath: String
    private let temporary: String
    private var writer: HDF5Writer?
    private var failure: Error?

    public init(output: OutputDirectory, path: String = "map/associations.h5") throws {
        self.output = output
        relativePath = path
        temporary = try output.temporaryPath(for: path)
    }

    /// Queues the matrices that are final at `stage` of ``AssociationMapper/map(_:options:progress:stageCompleted:)``.
    public func write(_ stage: AssociationMapper.Stage, _ map: AssociationMap) {
        switch stage {
        case .correlations:
            enqueue { writer in
                try Self.writeDoubles(writer, "/r", map.r, map)
                switch map.pairs {
                case .constant(let n):
                    try writer.writeConstantMatrix("/n", rows: map.featureCount, columns: map.geneCount, value: n)
                case .matrix(let counts):
                    try counts.withUnsafeBufferPointer { v in
                        try writer.writeMatrix("/n", rows: map.featureCount, columns: map.geneCount, values: v,
                                               memoryType: HDF5Library.nativeInt32, fileType: HDF5Library.nativeInt32)
                    }
                }
            }
        case .pValues:
            enqueue { writer in try Self.writeDoubles(writer, "/p", map.p, map) }
        }
    }

    /// Writes q, the labels and the settings, closes the file and moves it into place.
    public func finish(_ map: AssociationMap) throws {
        enqueue { writer in
            try Self.writeDoubles(writer, "/q", map.q, map)
            try writer.writeStrings("/features", map.features)
            try writer.writeStrings("/genes", map.genes)
            let settings = [("method", map.options.method.rawValue), ("fdr", map.options.fdr.rawValue),
                            ("fdr_scope", map.options.fdrScope.rawValue), ("missing", map.options.missing.rawValue),
                            ("covariates", map.covariateColumns.joined(separator: ","))]
            for (key, value) in settings { try writer.setAttribute(key, of: "/", string: value) }
            try writer.flush()
        }
        try queue.sync {
            HDF5Library.serialized { writer = nil }  // closes the file
            if let failure { throw failure }
        }
        try output.moveIntoPlace(temporary, as: relativePath)
    }

    private func enqueue(_ body: @escaping @Sendable (HDF5Writer) throws -> Void) {
        queue.async { [self] in
            guard failure == nil else { return }
            do {
                try HDF5Library.serialized {
                    if writer == nil { writer = try HDF5Writer(path: temporary) }
                    try body(writer!)
                }
            } catch {
                failure = error
            }
        }
    }

    private static func writeDoubles(_ writer: HDF5Writer, _ name: String, _ values: [Double], _ map: AssociationMap) throws {
        try values.withUnsafeBufferPointer { v in
            try writer.writeMatrix(name, rows: map.featureCount, columns: map.geneCount, values: v,
                                   memoryType: HDF5Library.nativeDouble, fileType: HDF5Library.nativeDouble)
        }
    }
}
