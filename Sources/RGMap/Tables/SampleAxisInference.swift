/// Decides, for every input table, which axis holds the samples.
///
/// Rule, in order: an axis given in the settings; the format (MAF barcodes, AnnData obs,
/// 10x barcodes); otherwise the assignment of axes that makes the tables share the
/// most sample IDs (summed over pairs of tables, after ID normalization), ties going
/// to each kind's usual layout. A table alone falls back to its usual layout, or for
/// expression data to its shorter side.
enum SampleAxisInference {
    struct Decision {
        var axis: SampleAxis
        var rule: String
    }

    static func decide(_ tables: [LoadedTable], overrides: [TableRole: SampleAxis],
                       normalization: IDNormalization) -> [TableRole: Decision] {
        var fixed: [TableRole: Decision] = [:]
        var open: [LoadedTable] = []
        for table in tables {
            if let axis = overrides[table.role] {
                fixed[table.role] = Decision(axis: axis, rule: "as given in the settings")
            } else if let fixedAxis = table.formatSampleAxis {
                fixed[table.role] = Decision(axis: fixedAxis.axis, rule: fixedAxis.reason)
            } else {
                open.append(table)
            }
        }
        guard !open.isEmpty else { return fixed }
        if tables.count == 1 {
            let table = open[0]
            let shape = table.shape
            if table.role == .omics {
                let axis: SampleAxis = shape.rows < shape.columns ? .rows : .columns
                return [table.role: Decision(axis: axis, rule: "the table's shorter side (no other table to match)")]
            }
            return [table.role: Decision(axis: table.role.usualSampleAxis, rule: "usual layout (no other table to match)")]
        }
        let keys = Dictionary(uniqueKeysWithValues: tables.map { table in
            (table.role, SampleAxis.allCases.map { Set(table.labels($0).map(normalization.key(for:))) })
        })
        func keySet(_ role: TableRole, _ axis: SampleAxis) -> Set<String> { keys[role]![axis == .rows ? 0 : 1] }

        var best: (score: Int, usual: Int, axes: [TableRole: SampleAxis])?
        for combination in 0..<(1 << open.count) {
            var axes = fixed.mapValues(\.axis)
            for (bit, table) in open.enumerated() {
                let flip = (combination >> bit) & 1 == 1
                axes[table.role] = flip ? table.role.usualSampleAxis.other : table.role.usualSampleAxis
            }
            let roles = tables.map(\.role)
            var score = 0
            for i in roles.indices {
                for j in roles.indices where j > i {
                    score += keySet(roles[i], axes[roles[i]]!).intersection(keySet(roles[j], axes[roles[j]]!)).count
                }
            }
            let usual = open.filter { axes[$0.role] == $0.role.usualSampleAxis }.count
            if best == nil || score > best!.score || (score == best!.score && usual > best!.usual) {
                best = (score, usual, axes)
            }
        }
        var result = fixed
        for table in open {
            let axis = best!.axes[table.role]!
            let rule = best!.score > 0 ? "label overlap with the other tables" : "usual layout (no labels overlap)"
            result[table.role] = Decision(axis: axis, rule: rule)
        }
        return result
    }
}
