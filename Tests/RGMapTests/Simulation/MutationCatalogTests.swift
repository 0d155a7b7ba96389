import Testing
@testable import RGMap

@Suite struct MutationCatalogTests {
    @Test func variantTypesFollowTheClassName() {
        #expect(MutationCatalog.variantType("Frame_Shift_Del") == "DEL" && MutationCatalog.variantType("In_Frame_Del") == "DEL")
        #expect(MutationCatalog.variantType("Frame_Shift_Ins") == "INS" && MutationCatalog.variantType("In_Frame_Ins") == "INS")
        #expect(MutationCatalog.variantType("Missense_Mutation") == "SNP" && MutationCatalog.variantType("Splice_Site") == "SNP")
    }

    @Test func catalogIsConsistent() {
        // Class shares sum to 1 (up to the rounding of their decimal literals); drivers are catalog genes.
        #expect(abs(MutationCatalog.proteinChanging.map(\.1).reduce(0, +) - 1) < 1e-12)
        let symbols = MutationCatalog.genes.map(\.symbol)
        #expect(Set(symbols).count == symbols.count)
        #expect(MutationCatalog.moduleDrivers.allSatisfy { symbols.contains($0.gene) })
        // Non-coding classes are those the loader excludes by default: the filter has something to do.
        #expect(Set(MutationCatalog.nonCoding).isSubset(of: LoadOptions.defaultExcludedVariantClasses))
        #expect(MutationCatalog.proteinChanging.allSatisfy { !LoadOptions.defaultExcludedVariantClasses.contains($0.0) })
    }
}
