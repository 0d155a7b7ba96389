/// Variables grouped by which samples they lack: every group shares one sample subset,
/// so its correlations with other variables can be computed as one block.
struct MissingnessPatterns {
    /// Rows with every sample present.
    let complete: [Int]
    /// Groups of rows sharing a presence mask, in order of their first row.
    let groups: [(mask: [Bool], rows: [Int])]

    init(_ matrix: LabeledMatrix) {
        let n = matrix.columnCount
        var complete: [Int] = []
        var index: [[Bool]: Int] = [:]
        var groups: [(mask: [Bool], rows: [Int])] = []
        for r in 0..<matrix.rowCount {
            let row = matrix.row(r)
            guard row.contains(where: \.isNaN) else {
                complete.append(r)
                continue
            }
            var mask = [Bool](repeating: false, count: n)
            for (j, v) in row.enumerated() { mask[j] = !v.isNaN }
            if let g = index[mask] {
                groups[g].rows.append(r)
            } else {
                index[mask] = groups.count
                groups.append((mask, [r]))
            }
        }
        self.complete = complete
        self.groups = groups
    }

    var hasMissing: Bool { !groups.isEmpty }
}
