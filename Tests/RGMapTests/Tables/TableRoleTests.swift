import Testing
@testable import RGMap

@Suite struct TableRoleTests {
    @Test func usualSampleAxes() {
        // PyRadiomics and covariate tables keep samples in rows; expression and mutation tables in columns.
        #expect(TableRole.features.usualSampleAxis == .rows && TableRole.covariates.usualSampleAxis == .rows)
        #expect(TableRole.omics.usualSampleAxis == .columns && TableRole.mutations.usualSampleAxis == .columns)
        #expect(SampleAxis.rows.other == .columns && SampleAxis.columns.other == .rows)
    }

    @Test func rolesSortInDeclarationOrder() {
        #expect([TableRole.covariates, .omics, .mutations, .features].sorted() == [.features, .omics, .mutations, .covariates])
        #expect(TableRole.features < .omics && !(TableRole.omics < .omics))
    }
}
