/// Genes mutated in the simulated cohort: frequencies typical of lung
/// adenocarcinoma (drivers and long "passenger" genes), chromosomes as in GRCh38.
enum MutationCatalog {
    static let genes: [(symbol: String, chromosome: String, frequency: Double)] = [
        ("TP53", "17", 0.40), ("KRAS", "12", 0.25), ("EGFR", "7", 0.15), ("PIK3CA", "3", 0.12),
        ("STK11", "19", 0.10), ("KEAP1", "19", 0.08), ("NF1", "17", 0.06), ("BRAF", "7", 0.05),
        ("SMARCA4", "19", 0.06), ("RB1", "13", 0.04), ("CDKN2A", "9", 0.04), ("PTEN", "10", 0.03),
        ("ARID1A", "1", 0.06), ("ATM", "11", 0.05), ("NOTCH1", "9", 0.03), ("FAT1", "4", 0.05),
        ("KMT2D", "12", 0.07), ("LRP1B", "2", 0.12), ("CSMD3", "8", 0.15), ("TTN", "2", 0.30),
        ("MUC16", "19", 0.20), ("RYR2", "1", 0.15), ("ZFHX4", "8", 0.10), ("USH2A", "1", 0.10),
    ]

    /// Mutations that shift a module's eigengene: (gene, module number, shift in SDs).
    static let moduleDrivers: [(gene: String, module: Int, shift: Double)] = [
        ("TP53", 1, 1.0), ("KRAS", 3, 1.0), ("EGFR", 5, -0.8),
    ]

    /// Protein-changing classes with their relative frequencies.
    static let proteinChanging: [(String, Double)] = [
        ("Missense_Mutation", 0.70), ("Nonsense_Mutation", 0.10), ("Frame_Shift_Del", 0.07),
        ("Frame_Shift_Ins", 0.03), ("Splice_Site", 0.05), ("In_Frame_Del", 0.03), ("In_Frame_Ins", 0.02),
    ]

    /// Classes excluded by default, planted so the filter has something to do.
    static let nonCoding = ["Silent", "Intron", "3'UTR", "5'UTR", "3'Flank"]

    static func variantType(_ variantClass: String) -> String {
        if variantClass.hasSuffix("_Del") { return "DEL" }
        if variantClass.hasSuffix("_Ins") { return "INS" }
        return "SNP"
    }
}
