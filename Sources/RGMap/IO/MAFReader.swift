/// Somatic mutation calls read from a MAF file, as a gene x sample 0/1 matrix.
struct MAFCalls {
    /// Genes (sorted) x samples (in order of first appearance); 1 = at least one kept mutation.
    var matrix: LabeledMatrix
    var records: Int
    /// Records whose class is kept and that name a gene.
    var keptRecords: Int
    /// Records per Variant_Classification value.
    var classCounts: [String: Int]
    /// Classes seen that the MAF specification does not list.
    var unknownClasses: [String]
    /// Records without a usable gene symbol (empty or `Unknown`, as MAF writes for IGR).
    var recordsWithoutGene: Int
}

/// Reads a Mutation Annotation Format file (TCGA/GDC MAF): tab-separated, `#`
/// comment lines, a header naming at least `Hugo_Symbol`, `Tumor_Sample_Barcode`
/// and `Variant_Classification`. Every sample that appears in any record becomes
/// a column, so a sample whose mutations are all excluded classes is wild type
/// everywhere rather than missing.
enum MAFReader {
    static let requiredColumns = ["Hugo_Symbol", "Tumor_Sample_Barcode", "Variant_Classification"]

    /// Variant_Classification values defined by the MAF specification.
    static let knownClasses: Set<String> = LoadOptions.defaultExcludedVariantClasses.union([
        "Frame_Shift_Del", "Frame_Shift_Ins", "In_Frame_Del", "In_Frame_Ins", "Missense_Mutation",
        "Nonsense_Mutation", "Splice_Site", "Translation_Start_Site", "Nonstop_Mutation",
        "Targeted_Region", "De_novo_Start_InFrame", "De_novo_Start_OutOfFrame", "Splice_Region", "Unknown",
    ])

    /// Long on purpose: one streaming pass over the MAF, header checks and record rules together.
    static func read(path: String, excludedClasses: Set<String> = LoadOptions.defaultExcludedVariantClasses) throws -> MAFCalls {
        let source = try ByteSource(path: path)
        var reader = DelimitedRecordReader(source: source, delimiter: Delimiter.tab.rawValue, commentByte: 0x23)
        guard try reader.next() else { throw InputError(file: path, message: "empty file: expected a MAF header line") }
        let header = try reader.labels()
        let headerLine = reader.lineNumber
        let missing = requiredColumns.filter { !header.contains($0) }
        guard missing.isEmpty else {
            throw InputError(file: path, line: headerLine,
                             message: "not a MAF header: missing column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")) (needs \(requiredColumns.joined(separator: ", ")))")
        }
        let geneColumn = header.firstIndex(of: "Hugo_Symbol")!
        let sampleColumn = header.firstIndex(of: "Tumor_Sample_Barcode")!
        let classColumn = header.firstIndex(of: "Variant_Classification")!
        let needed = max(geneColumn, sampleColumn, classColumn) + 1

        var sampleIndex: [String: Int] = [:], samples: [String] = []
        var geneIndex: [String: Int] = [:], genes: [String] = []
        var hits = Set<Int64>()
        var classCounts: [String: Int] = [:]
        var records = 0, kept = 0, withoutGene = 0
        while try reader.next() {
            guard reader.fieldCount >= needed else {
                throw reader.raggedRow(expected: needed, detail: "at least \(needed) (column \(needed) is required)")
            }
            records += 1
            let sample = try reader.label(sampleColumn)
            guard !sample.isEmpty else {
                throw InputError(file: path, line: reader.lineNumber, column: sampleColumn + 1,
                                 message: "empty Tumor_Sample_Barcode")
            }
            let s = sampleIndex[sample] ?? {
                samples.append(sample)
                sampleIndex[sample] = samples.count - 1
                return samples.count - 1
            }()
            let variantClass = try reader.label(classColumn)
            classCounts[variantClass, default: 0] += 1
            if excludedClasses.contains(variantClass) { continue }
            let gene = try reader.label(geneColumn)
            if gene.isEmpty || gene == "Unknown" {
                withoutGene += 1
                continue
            }
            let g = geneIndex[gene] ?? {
                genes.append(gene)
                geneIndex[gene] = genes.count - 1
                return genes.count - 1
            }()
            kept += 1
            hits.insert(Int64(g) << 32 | Int64(s))
        }
        let order = genes.indices.sorted { genes[$0] < genes[$1] }
        var rank = [Int](repeating: 0, count: genes.count)
        for (position, g) in order.enumerated() { rank[g] = position }
        var matrix = LabeledMatrix(rowLabels: order.map { genes[$0] }, columnLabels: samples, repeating: 0)
        for hit in hits { matrix[rank[Int(hit >> 32)], Int(hit & 0xFFFF_FFFF)] = 1 }
        let unknown = classCounts.keys.filter { !knownClasses.contains($0) }.sorted()
        return MAFCalls(matrix: matrix, records: records, keptRecords: kept, classCounts: classCounts,
                        unknownClasses: unknown, recordsWithoutGene: withoutGene)
    }
}
