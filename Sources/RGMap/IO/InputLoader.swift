#if canImport(Glibc)
import Glibc
#endif

/// Options that change how input files are read.
public struct LoadOptions: Sendable {
    /// Column of the feature table that holds sample IDs (default: `ID`, `id`, `Image`, else the first).
    public var featureIDColumn: String?
    /// HDF5 matrix to read: AnnData `X`/`layers/NAME`/`raw/X`, or `MATRIX[,ROWS,COLUMNS]` for plain files.
    public var hdf5Dataset: String?
    /// MAF Variant_Classification values that do not count as mutations.
    public var excludedVariantClasses: Set<String>

    /// Classes excluded by default: not expected to change the protein.
    public static let defaultExcludedVariantClasses: Set<String> = [
        "Silent", "Intron", "3'UTR", "5'UTR", "3'Flank", "5'Flank", "IGR", "RNA",
    ]

    public init(featureIDColumn: String? = nil, hdf5Dataset: String? = nil,
                excludedVariantClasses: Set<String> = LoadOptions.defaultExcludedVariantClasses) {
        self.featureIDColumn = featureIDColumn
        self.hdf5Dataset = hdf5Dataset
        self.excludedVariantClasses = excludedVariantClasses
    }
}

/// Reads each kind of input file into a ``LoadedTable``, choosing the reader from
/// the file's content (HDF5 signature, gzip magic, MAF header) and name.
public enum InputLoader {
    /// Reads the file at `path` as a table of kind `role`.
    /// - Throws: ``InputError`` naming the file, line and column of the first problem.
    public static func load(_ role: TableRole, path: String, options: LoadOptions = LoadOptions(),
                            progress: ProgressCallback? = nil) throws -> LoadedTable {
        if try isHDF5(path) {
            guard role != .covariates else {
                throw InputError(file: path, message: "covariates must be a TSV/CSV table, not HDF5")
            }
            let result = try HDF5MatrixLoader.load(path: path, dataset: options.hdf5Dataset, progress: progress)
            let table = LoadedTable(role: role, path: path, format: result.format, content: .numeric(result.matrix),
                                    formatSampleAxis: result.sampleAxis, notes: result.notes)
            return role == .mutations ? try requireBinary(table) : table
        }
        switch role {
        case .features: return try loadFeatures(path, options: options)
        case .omics: return try loadNumeric(role, path, progress: progress)
        case .mutations:
            if try isMAF(path) { return try loadMAF(path, options: options) }
            return try loadNumeric(role, path, progress: progress)
        case .covariates:
            let table = try TextTableReader.read(path: path)
            return LoadedTable(role: role, path: path, format: describe(table.delimiter, gzip: table.isGzip),
                               content: .text(header: table.header, rows: table.rows))
        }
    }

    /// Reads a GMT gene-set file.
    public static func loadGeneSets(path: String) throws -> GeneSetCollection {
        try GMTReader.read(path: path)
    }

    static func describe(_ delimiter: Delimiter, gzip: Bool) -> String {
        let kind = switch delimiter {
        case .tab: "TSV"
        case .comma: "CSV"
        case .semicolon: "CSV (semicolon-separated)"
        }
        return gzip ? kind + ", gzip" : kind
    }

    private static func loadFeatures(_ path: String, options: LoadOptions) throws -> LoadedTable {
        let table = try FeatureTableReader.read(path: path, idColumn: options.featureIDColumn)
        var notes = ["sample IDs from \(table.idRule)"]
        let dropped = table.droppedDiagnostics.count + table.droppedText.count
        if dropped > 0 {
            var parts: [String] = []
            if !table.droppedDiagnostics.isEmpty { parts.append("\(table.droppedDiagnostics.count) diagnostics_*") }
            if !table.droppedText.isEmpty {
                parts.append("\(table.droppedText.count) text: " + table.droppedText.prefix(5).joined(separator: ", ")
                             + (table.droppedText.count > 5 ? ", ..." : ""))
            }
            notes.append("dropped \(dropped) non-feature columns (\(parts.joined(separator: "; ")))")
        }
        let pyradiomics = !table.droppedDiagnostics.isEmpty ? " (PyRadiomics batch)" : ""
        return LoadedTable(role: .features, path: path,
                           format: describe(table.delimiter, gzip: table.isGzip) + pyradiomics,
                           content: .numeric(table.matrix), formatSampleAxis: nil, notes: notes)
    }

    private static func loadNumeric(_ role: TableRole, _ path: String, progress: ProgressCallback?) throws -> LoadedTable {
        let table = try NumericTableReader.read(path: path, progress: progress)
        if role == .mutations, let (row, column, value) = firstNonBinary(table.matrix) {
            throw InputError(file: path, line: table.rowLines[row], column: table.valueColumnOffset + column + 1,
                             message: "mutation status \(String(format: "%g", value)) in column \(table.matrix.columnLabels[column].quotedForMessage()): expected 0, 1 or NA (or give a MAF file)")
        }
        return LoadedTable(role: role, path: path, format: describe(table.delimiter, gzip: table.isGzip),
                           content: .numeric(table.matrix), notes: table.notes)
    }

    private static func loadMAF(_ path: String, options: LoadOptions) throws -> LoadedTable {
        let calls = try MAFReader.read(path: path, excludedClasses: options.excludedVariantClasses)
        var notes = ["\(calls.records) records, \(calls.keptRecords) counted as mutations; excluded classes: "
                     + options.excludedVariantClasses.sorted().joined(separator: ", ")]
        if calls.recordsWithoutGene > 0 {
            notes.append("\(plural(calls.recordsWithoutGene, "record")) without a gene symbol skipped")
        }
        if !calls.unknownClasses.isEmpty {
            let listed = calls.unknownClasses.map { "\($0) (\(calls.classCounts[$0]!))" }.joined(separator: ", ")
            notes.append("classes not in the MAF specification, counted as mutations: \(listed)")
        }
        return LoadedTable(role: .mutations, path: path, format: "MAF" + (try isGzip(path) ? ", gzip" : ""),
                           content: .numeric(calls.matrix), formatSampleAxis: FixedSampleAxis(.columns, reason: "MAF: one column per Tumor_Sample_Barcode"), notes: notes)
    }

    /// A 0/1 mutation table: every value must be 0, 1 or missing.
    private static func requireBinary(_ table: LoadedTable) throws -> LoadedTable {
        guard case .numeric(let matrix) = table.content, let (row, column, value) = firstNonBinary(matrix) else { return table }
        throw InputError(file: table.path,
                         message: "mutation table value \(value) at row \(matrix.rowLabels[row].quotedForMessage()), column \(matrix.columnLabels[column].quotedForMessage()): expected 0, 1 or NA (or give a MAF file)")
    }

    /// The first cell (row-major) of a mutation table that is neither 0, 1 nor missing.
    private static func firstNonBinary(_ matrix: LabeledMatrix) -> (row: Int, column: Int, value: Double)? {
        guard let bad = matrix.values.firstIndex(where: { !$0.isNaN && $0 != 0 && $0 != 1 }) else { return nil }
        return (bad / matrix.columnCount, bad % matrix.columnCount, matrix.values[bad])
    }

    static func isHDF5(_ path: String) throws -> Bool { try leadingBytes(path, count: 8) == HDF5File.signature }
    static func isGzip(_ path: String) throws -> Bool { try leadingBytes(path, count: 2) == [0x1f, 0x8b] }

    /// A MAF by name (`.maf`, `.maf.gz`) or by a header naming `Hugo_Symbol` and `Tumor_Sample_Barcode`.
    static func isMAF(_ path: String) throws -> Bool {
        let lower = path.lowercased()
        if lower.hasSuffix(".maf") || lower.hasSuffix(".maf.gz") { return true }
        let source = try ByteSource(path: path)
        var reader = DelimitedRecordReader(source: source, delimiter: Delimiter.tab.rawValue, commentByte: 0x23,
                                           initialCapacity: 1 << 16)
        guard try reader.next() else { return false }
        let header = reader.strings()
        return header.contains("Hugo_Symbol") && header.contains("Tumor_Sample_Barcode")
    }

    private static func leadingBytes(_ path: String, count: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError(file: path, message: "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: count)
        let n = pread(fd, &bytes, count, 0)
        return n == count ? bytes : []
    }
}
