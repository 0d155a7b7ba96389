import CHDF5
import Dispatch
import Foundation

/// `map/associations.h5`, written on a background thread as the map's matrices become
/// final, so that writing overlaps the rest of the computation. Datasets r, p, q (float64)
/// and n (int32), features x genes, with `features` and `genes` and the settings as
/// attributes of the root group. Renamed into place by ``finish(_:)``.
///
/// HDF5 lays the file out (every matrix contiguous, allocated, aligned for direct I/O) and
/// writes the labels; the matrices' bytes then go straight to their offsets through
/// ``DirectFileWriter``, past the page cache.
public final class AssociationMatrixFile: @unchecked Sendable {
    private let queue = DispatchQueue(label: "rgmap.associations.h5")
    private let output: OutputDirectory
    private let relativePath: String
    private let temporary: String
    /// Byte offset of each matrix's data in the file, once laid out.
    private var offsets: [String: Int] = [:]
    private var data: DirectFileWriter?
    private var failure: Error?
    /// Set by ``cancel()`` at once, off the queue, so that the writes queued behind the one
    /// under way are skipped rather than waited for.
    private var cancelled = false
    private let cancelLock = NSLock()
    /// Where the q blocks queued by `.qRows` are read from (the map's q storage).
    private var qStorage: UnsafePointer<Double>?

    public init(output: OutputDirectory, path: String = "map/associations.h5") throws {
        self.output = output
        relativePath = path
        temporary = try output.temporaryPath(for: path)
    }

    /// Queues the matrices that are final at `stage` of ``AssociationMapper/map(_:options:progress:stageCompleted:)``.
    public func write(_ stage: AssociationMapper.Stage, _ map: AssociationMap) {
        switch stage {
        case .correlations:
            enqueue { [self] in
                try layOut(map)
                try writeMatrix("/r", map.r)
                if case .matrix(let counts) = map.pairs { try writeMatrix("/n", counts) }
            }
        case .pValues:
            enqueue { [self] in try writeMatrix("/p", map.p) }
        case .qRows(let block):
            qStorage = block.storage.baseAddress
            enqueue { [self] in
                try writeBytes("/q", UnsafeRawBufferPointer(block.values), at: block.range.lowerBound * MemoryLayout<Double>.stride)
            }
        case .qValues:
            break  // written block by block
        }
    }

    /// Waits for the queued writes, closes the file and moves it into place. Writes every
    /// matrix now if no stage was reported.
    public func finish(_ map: AssociationMap) throws {
        if let qStorage {
            precondition(map.q.withUnsafeBufferPointer { $0.baseAddress } == qStorage, "q moved while being written")
        }
        enqueue { [self] in
            guard offsets.isEmpty else { return }
            try layOut(map)
            try writeMatrix("/r", map.r)
            if case .matrix(let counts) = map.pairs { try writeMatrix("/n", counts) }
            try writeMatrix("/p", map.p)
            try writeMatrix("/q", map.q)
        }
        try queue.sync {
            data = nil  // closes the file
            if let failure { throw failure }
        }
        try output.moveIntoPlace(temporary, as: relativePath)
    }

    /// Stops the writes still queued and waits for the one under way, leaving the temporary
    /// file closed for the caller to remove (when the map or its other files failed).
    public func cancel() {
        cancelLock.withLock { cancelled = true }
        queue.sync {
            if failure == nil { failure = CancellationError() }
            data = nil
        }
    }

    private func enqueue(_ body: @escaping @Sendable () throws -> Void) {
        queue.async { [self] in
            guard failure == nil, !cancelLock.withLock({ cancelled }) else { return }
            do { try body() } catch { failure = error }
        }
    }

    /// Creates the file with every dataset and attribute, the matrices' storage reserved.
    private func layOut(_ map: AssociationMap) throws {
        let rows = map.featureCount, columns = map.geneCount
        try HDF5Library.serialized {
            let writer = try HDF5Writer(path: temporary, alignment: DirectFileWriter.alignment)
            for name in ["/r", "/p", "/q"] {
                offsets[name] = try writer.reserveMatrix(name, rows: rows, columns: columns, fileType: HDF5Library.nativeDouble)
            }
            switch map.pairs {
            case .constant(let n):
                try writer.writeConstantMatrix("/n", rows: rows, columns: columns, value: n)
            case .matrix:
                offsets["/n"] = try writer.reserveMatrix("/n", rows: rows, columns: columns, fileType: HDF5Library.nativeInt32)
            }
            try writer.writeStrings("/features", map.features)
            try writer.writeStrings("/genes", map.genes)
            let settings = [("method", map.options.method.rawValue), ("fdr", map.options.fdr.rawValue),
                            ("fdr_scope", map.options.fdrScope.rawValue), ("missing", map.options.missing.rawValue),
                            ("covariates", map.covariateColumns.joined(separator: ","))]
            for (key, value) in settings { try writer.setAttribute(key, of: "/", string: value) }
            try writer.flush()
        }  // the writer closes here, before its file is written to directly
        data = try DirectFileWriter(path: temporary)
    }

    private func writeMatrix<T>(_ name: String, _ values: [T]) throws {
        try values.withUnsafeBytes { try writeBytes(name, $0, at: 0) }
    }

    /// Writes `bytes` at `start` bytes into the data of matrix `name`.
    private func writeBytes(_ name: String, _ bytes: UnsafeRawBufferPointer, at start: Int) throws {
        guard let offset = offsets[name], let data else { preconditionFailure("\(name) written before the layout") }
        try data.write(bytes, at: offset + start)
    }
}

