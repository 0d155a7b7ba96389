/// Gene sets read from a GMT file.
public struct GeneSetCollection: Sendable, Equatable {
    public var names: [String]
    public var descriptions: [String]
    /// Members of each set as indices into ``genes``, without repeats, in file order.
    public var members: [[Int32]]
    /// Every gene named by any set, in order of first appearance.
    public var genes: [String]
    /// Gene names removed because they repeated within their set.
    public var duplicatesRemoved: Int

    public var count: Int { names.count }
}

/// Reads the GMT format: one set per line, tab-separated: name, description, genes.
/// Empty trailing fields are ignored; a set with no genes and a set name used twice are errors.
enum GMTReader {
    static func read(path: String) throws -> GeneSetCollection {
        let source = try ByteSource(path: path)
        var reader = DelimitedRecordReader(source: source, delimiter: Delimiter.tab.rawValue)
        var sets = GeneSetCollection(names: [], descriptions: [], members: [], genes: [], duplicatesRemoved: 0)
        var geneIndex: [String: Int32] = [:]
        var nameLines: [String: Int] = [:]
        var seen = Set<Int32>()
        while try reader.next() {
            let name = try reader.label(0)
            guard !name.isEmpty else {
                throw InputError(file: path, line: reader.lineNumber, column: 1, message: "empty gene set name")
            }
            if let earlier = nameLines.updateValue(reader.lineNumber, forKey: name) {
                throw InputError(file: path, line: reader.lineNumber, column: 1,
                                 message: "gene set name \(name.quotedForMessage()) already used at line \(earlier): set names must be unique")
            }
            var members: [Int32] = []
            seen.removeAll(keepingCapacity: true)
            if reader.fieldCount > 2 {
                for field in 2..<reader.fieldCount where reader.field(field).count > 0 {
                    let gene = try reader.label(field)
                    let index = geneIndex[gene] ?? {
                        sets.genes.append(gene)
                        geneIndex[gene] = Int32(sets.genes.count - 1)
                        return Int32(sets.genes.count - 1)
                    }()
                    if seen.insert(index).inserted { members.append(index) } else { sets.duplicatesRemoved += 1 }
                }
            }
            guard !members.isEmpty else {
                throw InputError(file: path, line: reader.lineNumber, column: 3,
                                 message: "gene set \(name.quotedForMessage()) lists no genes: expected name, description, then at least one gene")
            }
            sets.names.append(name)
            sets.descriptions.append(reader.fieldCount > 1 ? reader.string(1) : "")
            sets.members.append(members)
        }
        guard sets.count > 0 else { throw InputError(file: path, message: "empty file: expected at least one gene set line") }
        return sets
    }
}
