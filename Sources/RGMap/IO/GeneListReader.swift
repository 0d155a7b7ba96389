/// A named list of gene names, as given by the user (not yet matched to a universe).
public struct NamedGeneList: Sendable, Equatable {
    public var name: String
    public var genes: [String]
}

/// Reads gene lists for enrichment: query lists, universes and preranked `.rnk` files.
public enum GeneListReader {
    /// One gene per line (a line's first tab-separated field; blank lines and `#` comments skipped).
    /// A repeated gene is kept once.
    public static func readGenes(path: String) throws -> [String] {
        var reader = DelimitedRecordReader(source: try ByteSource(path: path), delimiter: Delimiter.tab.rawValue, commentByte: UInt8(ascii: "#"))
        var genes: [String] = [], seen = Set<String>()
        while try reader.next() {
            let gene = try reader.label(0)
            if !gene.isEmpty && seen.insert(gene).inserted { genes.append(gene) }
        }
        guard !genes.isEmpty else { throw InputError(file: path, message: "no genes: expected one gene name per line") }
        return genes
    }

    /// Query lists: a GMT (a line with three or more tab-separated fields), or a plain list of
    /// genes, one per line, named after the file.
    public static func readQueries(path: String) throws -> [NamedGeneList] {
        if try looksLikeGMT(path) {
            let sets = try GMTReader.read(path: path)
            return (0..<sets.count).map { NamedGeneList(name: sets.names[$0], genes: sets.members[$0].map { sets.genes[Int($0)] }) }
        }
        return [NamedGeneList(name: fileStem(path), genes: try readGenes(path: path))]
    }

    /// A GSEA `.rnk` file: `gene<TAB>score` per line; `#` lines and a header line whose score
    /// is not a number are skipped. Scores must be finite; genes must not repeat.
    public static func readRanks(path: String) throws -> (genes: [String], scores: [Double]) {
        var reader = DelimitedRecordReader(source: try ByteSource(path: path), delimiter: Delimiter.tab.rawValue, commentByte: UInt8(ascii: "#"))
        var genes: [String] = [], scores: [Double] = [], lines: [String: Int] = [:]
        var first = true
        while try reader.next() {
            defer { first = false }
            guard reader.fieldCount >= 2 else {
                throw InputError(file: path, line: reader.lineNumber, column: 1, message: "expected gene<TAB>score, found \(reader.fieldCount) field")
            }
            let gene = try reader.label(0)
            switch CellValue.read(reader.field(1)) {
            case .number(let score):
                if let earlier = lines.updateValue(reader.lineNumber, forKey: gene) {
                    throw InputError(file: path, line: reader.lineNumber, column: 1,
                                     message: "gene \(gene.quotedForMessage()) already ranked at line \(earlier): each gene must appear once")
                }
                genes.append(gene)
                scores.append(score)
            case .text where first:
                continue  // a header line
            case .infinite:
                throw InputError(file: path, line: reader.lineNumber, column: 2, message: "infinite score: expected a finite number")
            case .missing, .text:
                throw InputError(file: path, line: reader.lineNumber, column: 2,
                                 message: "expected a number, found \(reader.string(1).quotedForMessage())")
            }
        }
        guard genes.count >= 2 else { throw InputError(file: path, message: "expected at least two ranked genes, found \(genes.count)") }
        return (genes, scores)
    }

    private static func looksLikeGMT(_ path: String) throws -> Bool {
        var reader = DelimitedRecordReader(source: try ByteSource(path: path), delimiter: Delimiter.tab.rawValue)
        while try reader.next() {
            if reader.fieldCount >= 3 { return true }
        }
        return false
    }

    /// The file name without folder and extensions (`.gz`, then one more).
    public static func fileStem(_ path: String) -> String {
        var name = String(path.split(separator: "/").last ?? Substring(path))
        if name.hasSuffix(".gz") { name.removeLast(3) }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        return name
    }
}
