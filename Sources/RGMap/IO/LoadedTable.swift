/// One input table as loaded, before sample matching.
public struct LoadedTable: Sendable {
    /// The cells of the table.
    public enum Content: Sendable {
        /// Numeric cells, rows and columns as in the file.
        case numeric(LabeledMatrix)
        /// Text cells (covariates), typed after matching: `header[0]` names the label column.
        case text(header: [String], rows: [[String]])
    }

    public var role: TableRole
    public var path: String
    /// Human-readable format, e.g. `CSV (PyRadiomics batch)` or `HDF5 AnnData (.h5ad), X dense`.
    public var format: String
    public var content: Content
    /// When the format itself says where the samples are (MAF, AnnData obs, 10x barcodes).
    public var formatSampleAxis: FixedSampleAxis?
    /// Short facts about the load, for `inspect` and the manifest (dropped columns, skipped records...).
    public var notes: [String]

    public init(role: TableRole, path: String, format: String, content: Content,
                formatSampleAxis: FixedSampleAxis? = nil, notes: [String] = []) {
        self.role = role
        self.path = path
        self.format = format
        self.content = content
        self.formatSampleAxis = formatSampleAxis
        self.notes = notes
    }

    /// Labels along `axis`.
    public func labels(_ axis: SampleAxis) -> [String] {
        switch content {
        case .numeric(let m): axis == .rows ? m.rowLabels : m.columnLabels
        case .text(let header, let rows): axis == .rows ? rows.map { $0[0] } : Array(header.dropFirst())
        }
    }

    /// Rows x columns as in the file.
    public var shape: (rows: Int, columns: Int) {
        switch content {
        case .numeric(let m): (m.rowCount, m.columnCount)
        case .text(let header, let rows): (rows.count, header.count - 1)
        }
    }
}

/// What is worth knowing about a loaded table once its data have moved into the cohort.
public struct TableSummary: Sendable, Equatable {
    public var role: TableRole
    public var path: String
    public var format: String
    public var rows: Int
    public var columns: Int
    /// Missing cells of a numeric table (nil for text tables).
    public var missingValues: Int?
    public var notes: [String]

    public init(_ table: LoadedTable) {
        role = table.role
        path = table.path
        format = table.format
        (rows, columns) = table.shape
        if case .numeric(let matrix) = table.content { missingValues = matrix.missingCount }
        notes = table.notes
    }
}

