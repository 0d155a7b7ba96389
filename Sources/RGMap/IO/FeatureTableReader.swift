/// An imaging feature table as read from a PyRadiomics-style batch file.
struct FeatureTable {
    /// Samples x numeric feature columns, as in the file.
    var matrix: LabeledMatrix
    var delimiter: Delimiter
    var isGzip: Bool
    /// Header name of the column that holds sample IDs.
    var idColumn: String
    /// Which rule picked `idColumn`.
    var idRule: String
    /// Columns dropped because their name starts with `diagnostics_`.
    var droppedDiagnostics: [String]
    /// Other columns dropped because every value in them is text.
    var droppedText: [String]
    var rowLines: [Int]
    var headerLine: Int
}

/// Reads imaging features: one row per sample, one column per feature, an ID
/// column, and (as PyRadiomics writes them) `diagnostics_*` and other text
/// columns, which are dropped. A column that mixes numbers and text is an error.
///
/// The ID column is the one given by name, else the column named `ID`, `id` or
/// `Image` (in that order of preference), else the first column.
enum FeatureTableReader {
    static let idColumnNames = ["ID", "id", "Image"]

    /// Long on purpose: one streaming pass over the file that types every column as it goes; the
    /// column rules it applies are in `ColumnTally` and `CellValue`.
    static func read(path: String, idColumn requested: String? = nil,
                     delimiter: Delimiter? = nil) throws -> FeatureTable {
        var reader = try DelimitedRecordReader(path: path, delimiter: delimiter)
        let header = try reader.readHeader()
        let headerLine = reader.lineNumber
        try LabelChecks.requireUnique(header, file: path, what: "column name") { (headerLine, $0 + 1) }
        let (idIndex, idRule) = try pickIDColumn(header, requested: requested, path: path, line: headerLine)
        try reader.requireDataRow(afterHeaderOn: headerLine, expecting: "one row per sample")
        var columns = ColumnTally(count: header.count)
        var values: [Double] = []
        var ids: [String] = []
        var rowLines: [Int] = []
        repeat {
            guard reader.fieldCount == header.count else {
                throw reader.raggedRow(expected: header.count, detail: "\(header.count) as in the header")
            }
            let id = try reader.label(idIndex)
            guard !id.isEmpty else {
                throw InputError(file: path, line: reader.lineNumber, column: idIndex + 1,
                                 message: "empty sample ID in column \(header[idIndex].quotedForMessage())")
            }
            ids.append(id)
            rowLines.append(reader.lineNumber)
            for column in 0..<header.count where column != idIndex {
                switch CellValue.read(reader.field(column)) {
                case .number(let value):
                    values.append(value)
                    columns.sawNumber(column, line: reader.lineNumber)
                case .missing:
                    values.append(.nan)
                case .text:
                    values.append(.nan)
                    columns.sawText(column, line: reader.lineNumber, text: reader.string(column))
                case .infinite:
                    throw InputError(file: path, line: reader.lineNumber, column: column + 1,
                                     message: "infinite value \(reader.string(column).quotedForMessage()) in column \(header[column].quotedForMessage()): expected a finite number or NA")
                }
            }
        } while try reader.next()
        try LabelChecks.requireUnique(ids, file: path, what: "sample ID") { (rowLines[$0], idIndex + 1) }

        var kept: [Int] = [], diagnostics: [String] = [], text: [String] = []
        var position = 0  // index among non-ID columns
        for column in 0..<header.count where column != idIndex {
            defer { position += 1 }
            let name = header[column]
            if name.hasPrefix("diagnostics_") {
                diagnostics.append(name)
            } else if let firstText = columns.firstText[column] {
                guard columns.firstNumberLine[column] == nil else {
                    throw InputError(file: path, line: firstText.line, column: column + 1, value: firstText.text,
                                     message: Message("column \(name.quotedForMessage()) mixes numbers and text: expected a number or NA, "
                                                      + "found \(firstText.text.quotedForMessage())" + CellValue.hint(for: firstText.text)))
                }
                guard !CellValue.isDecimalComma(firstText.text) else {
                    throw InputError(file: path, line: firstText.line, column: column + 1, value: firstText.text,
                                     message: Message(CellValue.notANumber(in: name, found: firstText.text)))
                }
                text.append(name)
            } else {
                kept.append(position)
            }
        }
        let featureNames = header.enumerated().filter { $0.offset != idIndex }.map(\.element)
        let all = LabeledMatrix(rowLabels: ids, columnLabels: featureNames, values: values)
        let matrix = all.selectingColumns(kept.map { Optional($0) }, labels: kept.map { featureNames[$0] })
        return FeatureTable(matrix: matrix, delimiter: reader.delimiterKind, isGzip: reader.isGzip,
                            idColumn: header[idIndex], idRule: idRule,
                            droppedDiagnostics: diagnostics, droppedText: text,
                            rowLines: rowLines, headerLine: headerLine)
    }

    private static func pickIDColumn(_ header: [String], requested: String?, path: String, line: Int) throws -> (Int, String) {
        if let requested {
            guard let index = header.firstIndex(of: requested) else {
                throw InputError(file: path, line: line,
                                 message: "no column named \(requested.quotedForMessage()) (given as the sample ID column)")
            }
            return (index, "the column given as the sample ID column ('\(requested)')")
        }
        for name in idColumnNames {
            if let index = header.firstIndex(of: name) { return (index, "the column named '\(name)'") }
        }
        return (0, "the first column ('\(header[0])')")
    }
}

/// What kinds of cells each column has held so far.
private struct ColumnTally {
    var firstText: [(line: Int, text: String)?]
    var firstNumberLine: [Int?]

    init(count: Int) {
        firstText = Array(repeating: nil, count: count)
        firstNumberLine = Array(repeating: nil, count: count)
    }

    @inline(__always)
    mutating func sawNumber(_ column: Int, line: Int) {
        if firstNumberLine[column] == nil { firstNumberLine[column] = line }
    }

    mutating func sawText(_ column: Int, line: Int, text: String) {
        if firstText[column] == nil { firstText[column] = (line, text) }
    }
}
