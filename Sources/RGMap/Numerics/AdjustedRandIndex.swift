/// The adjusted Rand index of two partitions (Hubert and Arabie 1985): 1 for identical
/// partitions up to renaming, about 0 for unrelated ones. Every label, 0 included, is a class.
public func adjustedRandIndex(_ a: [Int], _ b: [Int]) -> Double {
    precondition(a.count == b.count, "two labelings of the same objects")
    func pairs(_ count: Int) -> Double { Double(count) * Double(count - 1) / 2 }
    var table: [Pair: Int] = [:], rows: [Int: Int] = [:], columns: [Int: Int] = [:]
    for (x, y) in zip(a, b) {
        table[Pair(x: x, y: y), default: 0] += 1
        rows[x, default: 0] += 1
        columns[y, default: 0] += 1
    }
    let index = table.values.reduce(0) { $0 + pairs($1) }
    let rowPairs = rows.values.reduce(0) { $0 + pairs($1) }, columnPairs = columns.values.reduce(0) { $0 + pairs($1) }
    let expected = rowPairs * columnPairs / pairs(a.count)
    let maximum = (rowPairs + columnPairs) / 2
    return maximum == expected ? 1 : (index - expected) / (maximum - expected)
}

private struct Pair: Hashable { var x: Int; var y: Int }
