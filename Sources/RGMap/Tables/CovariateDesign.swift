/// Covariates encoded as design columns (without the intercept) over the cohort's samples.
///
/// A covariate whose every present value is a number stays one numeric column.
/// Any other covariate is categorical: its levels are sorted (byte order), the
/// first is the reference, and every other level gets a 0/1 indicator column
/// named `covariate=level`. Constant covariates are dropped with a note.
public struct CovariateDesign: Sendable, Equatable {
    /// One covariate as given and how it was encoded.
    public struct Variable: Sendable, Codable, Equatable {
        public enum Kind: String, Sendable, Codable { case numeric, categorical }
        public var name: String
        public var kind: Kind
        /// Levels in sorted order (categorical only); the first is the reference.
        public var levels: [String]
        /// Names of the design columns this covariate contributes (empty when dropped).
        public var columns: [String]
    }

    public var variables: [Variable]
    /// Design columns x samples.
    public var matrix: LabeledMatrix
    public var notes: [String]

    /// Encodes `values[v][s]` (covariate v, sample s, as text) for `samples`.
    /// Every cell must be present: callers drop samples with missing covariates first
    /// (see ``missingSamples(_:)``).
    static func encode(names: [String], values: [[String]], samples: [String]) -> CovariateDesign {
        var variables: [Variable] = []
        var columnNames: [String] = []
        var columns: [[Double]] = []
        var notes: [String] = []
        for (name, cells) in zip(names, values) {
            let numbers = cells.map(parseNumber)
            if numbers.allSatisfy({ $0 != nil }) {
                let column = numbers.map { $0! }
                if Set(column).count < 2 {
                    notes.append("covariate \(name.quotedForMessage()) is constant: dropped")
                    variables.append(Variable(name: name, kind: .numeric, levels: [], columns: []))
                    continue
                }
                variables.append(Variable(name: name, kind: .numeric, levels: [], columns: [name]))
                columnNames.append(name)
                columns.append(column)
            } else {
                let levels = Array(Set(cells)).sorted()
                let indicators = levels.dropFirst().map { "\(name)=\($0)" }
                if levels.count < 2 {
                    notes.append("covariate \(name.quotedForMessage()) has one level: dropped")
                }
                variables.append(Variable(name: name, kind: .categorical, levels: levels, columns: indicators))
                for level in levels.dropFirst() {
                    columnNames.append("\(name)=\(level)")
                    columns.append(cells.map { $0 == level ? 1 : 0 })
                }
            }
        }
        let matrix = LabeledMatrix(rowLabels: columnNames, columnLabels: samples, values: columns.flatMap { $0 })
        return CovariateDesign(variables: variables, matrix: matrix, notes: notes)
    }

    /// Indices of samples with at least one missing covariate (`NA`, `NaN`, `nan`, `.` or empty).
    static func missingSamples(_ values: [[String]]) -> [Int] {
        guard let count = values.first?.count else { return [] }
        return (0..<count).filter { s in values.contains { isMissing($0[s]) } }
    }

    static func isMissing(_ cell: String) -> Bool {
        var copy = cell
        return copy.withUTF8 { CellValue.read($0) == .missing }
    }

    private static func parseNumber(_ cell: String) -> Double? {
        var copy = cell
        return copy.withUTF8 { bytes in
            if case .number(let value) = CellValue.read(bytes) { return value }
            return nil
        }
    }
}
