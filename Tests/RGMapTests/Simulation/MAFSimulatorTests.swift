import Testing
@testable import RGMap

@Suite struct MAFSimulatorTests {
    static func simulate() -> (rows: [[String]], mutated: [[Bool]]) {
        var rng = RandomSource(seed: 13)
        let mutated = (0..<60).map { _ in MutationCatalog.genes.map { rng.bernoulli($0.frequency) } }
        let maf = MAFSimulator.simulate(patients: Array(stride(from: 0, to: 60, by: 2)), mutated: mutated,
                                        barcode: { "TCGA-XX-\(1000 + $0)-01A-11D-A000-08" }, rng: &rng)
        #expect(maf.header == MAFSimulator.header)
        return (maf.rows, mutated)
    }

    static func column(_ name: String) -> Int { MAFSimulator.header.firstIndex(of: name)! }

    @Test func everyMutatedGeneHasAProteinChangingRecordAndNoOtherGeneHasOne() {
        let (rows, mutated) = Self.simulate()
        let protein = Set(MutationCatalog.proteinChanging.map(\.0))
        for patient in stride(from: 0, to: 60, by: 2) {
            let mine = rows.filter { $0[Self.column("Tumor_Sample_Barcode")] == "TCGA-XX-\(1000 + patient)-01A-11D-A000-08" }
            let changed = Set(mine.filter { protein.contains($0[Self.column("Variant_Classification")]) }.map { $0[0] })
            let expected = Set(MutationCatalog.genes.indices.filter { mutated[patient][$0] }.map { MutationCatalog.genes[$0].symbol })
            #expect(changed == expected, "patient \(patient)")
            #expect(mine.allSatisfy { protein.contains($0[Self.column("Variant_Classification")])
                                      || MutationCatalog.nonCoding.contains($0[Self.column("Variant_Classification")]) })
        }
        #expect(!rows.contains { Int($0[Self.column("Tumor_Sample_Barcode")].dropFirst(8).prefix(4))! % 2 == 1 })  // only the given patients
    }

    @Test func recordsAreConsistentMAFLines() {
        let (rows, _) = Self.simulate()
        #expect(rows.allSatisfy { $0.count == MAFSimulator.header.count })
        for row in rows {
            let type = row[Self.column("Variant_Type")], start = Int(row[Self.column("Start_Position")])!
            #expect(type == MutationCatalog.variantType(row[Self.column("Variant_Classification")]))
            #expect(Int(row[Self.column("End_Position")])! == start + (type == "INS" ? 1 : 0))
            #expect((row[Self.column("Reference_Allele")] == "-") == (type == "INS"))
            #expect((row[Self.column("Tumor_Seq_Allele2")] == "-") == (type == "DEL"))
            let gene = MutationCatalog.genes.first { $0.symbol == row[0] }!
            #expect(row[Self.column("Chromosome")] == "chr" + gene.chromosome)
            #expect(row[Self.column("Matched_Norm_Sample_Barcode")] == row[Self.column("Tumor_Sample_Barcode")].prefix(12) + "-10A-01D-A000-08")
        }
    }

    @Test func aPatientsRecordsAreSortedByGeneThenClass() {
        let (rows, _) = Self.simulate()
        let order = Dictionary(uniqueKeysWithValues: MutationCatalog.genes.enumerated().map { ($1.symbol, $0) })
        var start = 0
        while start < rows.count {
            let barcode = rows[start][Self.column("Tumor_Sample_Barcode")]
            var end = start
            while end < rows.count && rows[end][Self.column("Tumor_Sample_Barcode")] == barcode { end += 1 }
            let keys = rows[start..<end].map { (order[$0[0]]!, $0[Self.column("Variant_Classification")]) }
            #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 }, "\(barcode)")
            start = end
        }
    }
}
