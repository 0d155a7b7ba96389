#if canImport(Glibc)
import Glibc
#endif

/// The parser entry points fuzzed by `rgmap-fuzz` (`make fuzz`) and replayed by the tests over
/// the seed corpus and every input that once crashed (`Tests/RGMapTests/Fixtures/fuzz`).
///
/// A rejected input (an ``InputError``) is a pass; a crash, a trap or a broken invariant is a
/// failure. Invariants are checked with `precondition`, so the fuzzer sees them as crashes.
@_spi(Fuzzing) public enum FuzzHarness {
    /// One fuzz target per parser family.
    public enum Target: String, CaseIterable, Sendable {
        /// Numeric tables parsed serially and in parts (the results must agree), feature
        /// tables and covariate tables; the first byte picks `.tsv`, `.csv` or `.txt`.
        case table
        /// MAF files.
        case maf
        /// GMT files and gene lists.
        case gmt
        /// Fixed-width and variable-length HDF5 label bytes; the first byte is the width.
        case hdf5Labels = "hdf5-labels"
    }

    /// Runs `target` on one input. The file targets write `data` to `scratchPath` first.
    public static func run(_ target: Target, _ data: UnsafeRawBufferPointer, scratchPath: String) {
        switch target {
        case .table:
            guard let first = data.first else { return }
            let suffix = [".tsv", ".csv", ".txt"][Int(first) % 3]
            let path = scratchPath + suffix
            write(UnsafeRawBufferPointer(rebasing: data.dropFirst()), to: path)
            numericTable(path)
            _ = try? FeatureTableReader.read(path: path)
            _ = try? TextTableReader.read(path: path)
        case .maf:
            let path = scratchPath + ".maf"
            write(data, to: path)
            maf(path)
        case .gmt:
            let path = scratchPath + ".gmt"
            write(data, to: path)
            gmt(path)
            _ = try? GeneListReader.readQueries(path: path)
            _ = try? GeneListReader.readRanks(path: path)
        case .hdf5Labels:
            hdf5Labels(data)
        }
    }

    /// Serial and parallel parses must give the same matrix, or the same first error.
    private static func numericTable(_ path: String) {
        let serial = Result { try NumericTableReader.read(path: path, parts: 1) }
        let parallel = Result { try NumericTableReader.read(path: path, parts: 3, parallelAbove: 0) }
        switch (serial, parallel) {
        case (.success(let a), .success(let b)):
            precondition(a.matrix.rowLabels == b.matrix.rowLabels && a.matrix.columnLabels == b.matrix.columnLabels
                         && a.rowLines == b.rowLines, "serial and parallel parses disagree on labels or lines")
            precondition(a.matrix.values.elementsEqual(b.matrix.values) { $0 == $1 || ($0.isNaN && $1.isNaN) },
                         "serial and parallel parses disagree on values")
            precondition(a.matrix.values.allSatisfy { !$0.isInfinite }, "an infinite value was accepted")
        case (.failure(let a), .failure(let b)):
            precondition("\(a)" == "\(b)", "serial and parallel parses fail differently: \(a) / \(b)")
        default:
            preconditionFailure("one of the serial and parallel parses failed: \(serial) / \(parallel)")
        }
    }

    private static func maf(_ path: String) {
        guard let calls = try? MAFReader.read(path: path) else { return }
        precondition(calls.keptRecords <= calls.records && calls.classCounts.values.reduce(0, +) <= calls.records)
        precondition(calls.matrix.values.allSatisfy { $0 == 0 || $0 == 1 }, "a MAF matrix value other than 0 or 1")
        precondition(Set(calls.matrix.rowLabels).count == calls.matrix.rowCount
                     && Set(calls.matrix.columnLabels).count == calls.matrix.columnCount, "repeated MAF labels")
    }

    private static func gmt(_ path: String) {
        guard let sets = try? GMTReader.read(path: path) else { return }
        precondition(Set(sets.names).count == sets.count, "repeated set names")
        precondition(sets.members.allSatisfy { members in
            !members.isEmpty && Set(members).count == members.count && members.allSatisfy { Int($0) < sets.genes.count }
        }, "an empty set, a repeated member or a member outside the gene list")
    }

    private static func hdf5Labels(_ data: UnsafeRawBufferPointer) {
        guard let first = data.first else { return }
        let width = Int(first % 33)
        let bytes = UnsafeRawBufferPointer(rebasing: data.dropFirst()).assumingMemoryBound(to: UInt8.self)
        if let labels = try? HDF5LabelDecoding.fixedWidth(bytes, width: width) {
            precondition(labels.count == (width == 0 ? 0 : bytes.count / width), "a label lost or made up")
            precondition(labels.allSatisfy { $0.utf8.count <= width && !$0.utf8.contains(0) }, "a label wider than its slot")
        }
        if let label = try? HDF5LabelDecoding.label(bytes, index: 0) {
            precondition(label.utf8.elementsEqual(bytes), "a variable-length label changed")
        }
    }

    private static func write(_ data: UnsafeRawBufferPointer, to path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        precondition(fd >= 0, "cannot write the fuzz input to \(path)")
        defer { close(fd) }
        var offset = 0
        while offset < data.count {
            let n = Glibc.write(fd, data.baseAddress! + offset, data.count - offset)
            precondition(n > 0, "cannot write the fuzz input to \(path)")
            offset += n
        }
    }
}
