/// A dense matrix of `Double` with a label for every row and column.
///
/// Storage is one contiguous row-major buffer; `NaN` marks a missing value.
/// Inside a ``Cohort`` every matrix is *variables x samples*: each row is one
/// gene, feature or covariate, so that a variable's values are contiguous.
public struct LabeledMatrix: Sendable, Equatable {
    public private(set) var rowLabels: [String]
    public private(set) var columnLabels: [String]
    /// Row-major values, `rowCount * columnCount` of them.
    public var values: [Double]

    public var rowCount: Int { rowLabels.count }
    public var columnCount: Int { columnLabels.count }

    /// Creates a matrix; `values` must hold `rowLabels.count * columnLabels.count` row-major values.
    public init(rowLabels: [String], columnLabels: [String], values: [Double]) {
        precondition(values.count == rowLabels.count * columnLabels.count,
                     "LabeledMatrix: \(values.count) values for \(rowLabels.count) x \(columnLabels.count)")
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
    }

    /// A matrix of the given shape filled with `value`.
    public init(rowLabels: [String], columnLabels: [String], repeating value: Double) {
        self.init(rowLabels: rowLabels, columnLabels: columnLabels,
                  values: [Double](repeating: value, count: rowLabels.count * columnLabels.count))
    }

    /// The value at `row`, `column` (`NaN` when missing).
    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columnCount + column] }
        set { values[row * columnCount + column] = newValue }
    }

    /// The values of one row (contiguous).
    public func row(_ index: Int) -> ArraySlice<Double> {
        values[(index * columnCount)..<((index + 1) * columnCount)]
    }

    /// The transpose, computed in cache-sized tiles.
    public func transposed() -> LabeledMatrix {
        let rows = rowCount, cols = columnCount
        let out = [Double](unsafeUninitializedCapacity: values.count) { target, initialized in
            values.withUnsafeBufferPointer { source in
                let tile = 32  // 32 x 32 doubles = 8 KB read and 8 KB written: both tiles stay in L1
                var r0 = 0
                while r0 < rows {
                    let r1 = min(r0 + tile, rows)
                    var c0 = 0
                    while c0 < cols {
                        let c1 = min(c0 + tile, cols)
                        for r in r0..<r1 {
                            for c in c0..<c1 { target[c * rows + r] = source[r * cols + c] }
                        }
                        c0 = c1
                    }
                    r0 = r1
                }
            }
            initialized = values.count
        }
        return LabeledMatrix(rowLabels: columnLabels, columnLabels: rowLabels, values: out)
    }

    /// Indices of the rows without a missing value (NaN), ascending.
    public var completeRows: [Int] { (0..<rowCount).filter { !row($0).contains(where: \.isNaN) } }

    /// The rows at `indices`, in that order.
    public func selectingRows(_ indices: [Int]) -> LabeledMatrix {
        let cols = columnCount
        var out = [Double]()
        out.reserveCapacity(indices.count * cols)
        for r in indices { out.append(contentsOf: values[(r * cols)..<((r + 1) * cols)]) }
        return LabeledMatrix(rowLabels: indices.map { rowLabels[$0] }, columnLabels: columnLabels, values: out)
    }

    /// Keeps only the rows at `indices` (strictly increasing), compacting the storage in
    /// place: no second copy of the matrix when its storage is not shared.
    public mutating func keepRows(_ indices: [Int]) {
        guard indices.count != rowCount else { return }
        let cols = columnCount
        values.withUnsafeMutableBufferPointer { buffer in
            for (target, source) in indices.enumerated() where target != source {
                precondition(source > target, "keepRows needs increasing indices")
                let from = buffer.baseAddress! + source * cols
                (buffer.baseAddress! + target * cols).update(from: from, count: cols)
            }
        }
        values.removeLast(values.count - indices.count * cols)
        rowLabels = indices.map { rowLabels[$0] }
    }

    /// The columns at `indices`, in that order; an index of `nil` gives a column of `NaN`.
    public func selectingColumns(_ indices: [Int?], labels: [String]? = nil) -> LabeledMatrix {
        let cols = columnCount
        var out = [Double](repeating: .nan, count: rowCount * indices.count)
        values.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                for r in 0..<rowCount {
                    let from = r * cols, to = r * indices.count
                    for (j, index) in indices.enumerated() {
                        if let index { target[to + j] = source[from + index] }
                    }
                }
            }
        }
        let newLabels = labels ?? indices.map { $0.map { columnLabels[$0] } ?? "" }
        return LabeledMatrix(rowLabels: rowLabels, columnLabels: newLabels, values: out)
    }

    /// Replaces the row labels (same count).
    public func relabelingRows(_ labels: [String]) -> LabeledMatrix {
        LabeledMatrix(rowLabels: labels, columnLabels: columnLabels, values: values)
    }

    /// Replaces the column labels (same count).
    public func relabelingColumns(_ labels: [String]) -> LabeledMatrix {
        LabeledMatrix(rowLabels: rowLabels, columnLabels: labels, values: values)
    }

    /// Number of `NaN` cells.
    public var missingCount: Int {
        values.withUnsafeBufferPointer { buffer in
            var n = 0
            for v in buffer where v.isNaN { n += 1 }
            return n
        }
    }
}
