/// Simulated MAF records: for every sequenced patient, one or two protein-changing
/// records per mutated catalog gene, plus non-coding records (excluded by default).
/// Genomic coordinates and alleles are synthetic.
enum MAFSimulator {
    static let header = [
        "Hugo_Symbol", "Entrez_Gene_Id", "Center", "NCBI_Build", "Chromosome", "Start_Position", "End_Position",
        "Strand", "Variant_Classification", "Variant_Type", "Reference_Allele", "Tumor_Seq_Allele1",
        "Tumor_Seq_Allele2", "Tumor_Sample_Barcode", "Matched_Norm_Sample_Barcode",
    ]

    static func simulate(patients: [Int], mutated: [[Bool]], barcode: (Int) -> String,
                         rng: inout RandomSource) -> (header: [String], rows: [[String]]) {
        var rows: [[String]] = []
        let bases = ["A", "C", "G", "T"]
        for patient in patients {
            var records: [(gene: Int, variantClass: String)] = []
            for (g, isMutated) in mutated[patient].enumerated() where isMutated {
                let count = rng.bernoulli(0.15) ? 2 : 1  // some genes carry two mutations, as real MAFs show (rgmap's design)
                for _ in 0..<count {
                    records.append((g, ClinicalSimulator.pick(MutationCatalog.proteinChanging, &rng)))
                }
            }
            for _ in 0..<rng.index(4) {  // 0-3 non-coding records per patient for the default filter to drop
                records.append((rng.index(MutationCatalog.genes.count),
                                MutationCatalog.nonCoding[rng.index(MutationCatalog.nonCoding.count)]))
            }
            records.sort { ($0.gene, $0.variantClass) < ($1.gene, $1.variantClass) }
            let tumour = barcode(patient)
            let normal = String(tumour.prefix(12)) + "-10A-01D-A000-08"
            for record in records {
                let gene = MutationCatalog.genes[record.gene]
                let start = 1_000_000 + rng.index(100_000_000)
                let type = MutationCatalog.variantType(record.variantClass)
                let reference = type == "INS" ? "-" : bases[rng.index(4)]
                let alternative = type == "DEL" ? "-" : bases[rng.index(4)]
                rows.append([gene.symbol, "0", "rgmap-simulate", "GRCh38", "chr" + gene.chromosome, String(start),
                             String(start + (type == "INS" ? 1 : 0)), "+", record.variantClass, type, reference,
                             reference, alternative, tumour, normal])
            }
        }
        return (header, rows)
    }
}
