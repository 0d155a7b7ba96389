import Testing
@testable import RGMap

@Suite struct SampleAxisInferenceTests {
    func load(_ role: TableRole, _ file: String, _ options: LoadOptions = LoadOptions()) throws -> LoadedTable {
        try InputLoader.load(role, path: Fixtures.path(file), options: options)
    }

    @Test func infersSamplesInRowsFromLabelOverlap() throws {
        let tables = [try load(.features, "formats/features_pyradiomics.csv"),
                      try load(.omics, "formats/omics_samples_in_rows.csv")]
        let cohort = try SampleMatcher.match(tables, options: SampleMatchOptions(normalization: .tcgaPatient))
        #expect(cohort.matching.table(.omics)!.sampleAxis == .rows)
        #expect(cohort.samples.count == 5)
        #expect(cohort.omics!.rowLabels == Fixtures.expressionGenes)
    }

    @Test func honoursSamplesInOverrides() throws {
        let omics = try load(.omics, "formats/omics.tsv")
        let cohort = try SampleMatcher.match([omics], options: SampleMatchOptions(sampleAxis: [.omics: .rows]))
        #expect(cohort.samples == Fixtures.expressionGenes)
        #expect(cohort.matching.table(.omics)!.axisRule == "as given in the settings")
        let alone = try SampleMatcher.match([omics])
        #expect(alone.matching.table(.omics)!.axisRule == "the table's shorter side (no other table to match)")
        #expect(alone.samples == Fixtures.expressionSamples)
    }

    /// A numeric table of `role` with these row and column labels (values irrelevant here).
    static func table(_ role: TableRole, rows: [String], columns: [String], format: FixedSampleAxis? = nil) -> LoadedTable {
        LoadedTable(role: role, path: "\(role).tsv", format: "TSV", content: .numeric(
            LabeledMatrix(rowLabels: rows, columnLabels: columns, repeating: 0)), formatSampleAxis: format)
    }

    static func decide(_ tables: [LoadedTable], overrides: [TableRole: SampleAxis] = [:],
                       normalization: IDNormalization = .exact) -> [TableRole: (SampleAxis, String)] {
        SampleAxisInference.decide(tables, overrides: overrides, normalization: normalization).mapValues { ($0.axis, $0.rule) }
    }

    @Test func aTableAloneTakesItsUsualLayoutOrForExpressionItsShorterSide() {
        let wide = Self.table(.omics, rows: ["g1", "g2"], columns: ["s1", "s2", "s3"])
        #expect(Self.decide([wide])[.omics]! == (.rows, "the table's shorter side (no other table to match)"))
        let tall = Self.table(.omics, rows: ["g1", "g2", "g3"], columns: ["s1", "s2"])
        #expect(Self.decide([tall])[.omics]!.0 == .columns)
        let square = Self.table(.omics, rows: ["g1", "g2"], columns: ["s1", "s2"])
        #expect(Self.decide([square])[.omics]!.0 == .columns)
        // Features keep samples in rows even when the rows are the longer side.
        let features = Self.table(.features, rows: ["p1", "p2", "p3"], columns: ["f1"])
        #expect(Self.decide([features])[.features]! == (.rows, "usual layout (no other table to match)"))
    }

    @Test func settingsAndFormatsComeBeforeOverlap() {
        let features = Self.table(.features, rows: ["p1", "p2", "p3"], columns: ["f1", "f2"])
        let omics = Self.table(.omics, rows: ["g1", "g2"], columns: ["p1", "p2", "p3"],
                               format: FixedSampleAxis(.rows, reason: "AnnData: obs are samples"))
        let decided = Self.decide([features, omics], overrides: [.features: .columns])
        #expect(decided[.features]! == (.columns, "as given in the settings"))
        #expect(decided[.omics]! == (.rows, "AnnData: obs are samples"))
    }

    @Test func choosesTheAxesThatShareTheMostIDs() {
        // Omics with samples in rows, features as usual, mutations transposed too.
        let features = Self.table(.features, rows: ["p1", "p2", "p3", "p4"], columns: ["f1"])
        let omics = Self.table(.omics, rows: ["p1", "p2", "p3"], columns: ["g1", "g2"])
        let mutations = Self.table(.mutations, rows: ["p2", "p3", "p4"], columns: ["TP53"])
        let decided = Self.decide([features, omics, mutations])
        #expect(decided[.features]! == (.rows, "label overlap with the other tables"))
        #expect(decided[.omics]!.0 == .rows && decided[.mutations]!.0 == .rows)
    }

    @Test func comparesIDsAfterNormalizationAndFallsBackToTheUsualLayout() {
        let features = Self.table(.features, rows: ["TCGA-AA-0001", "TCGA-AA-0002"], columns: ["f1"])
        let omics = Self.table(.omics, rows: ["g1"], columns: ["TCGA-AA-0001-01A", "TCGA-AA-0002-01A"])
        #expect(Self.decide([features, omics], normalization: .tcgaPatient)[.omics]! == (.columns, "label overlap with the other tables"))
        // Exact IDs share nothing: every table keeps its usual layout, and says so.
        let exact = Self.decide([features, omics])
        #expect(exact[.omics]! == (.columns, "usual layout (no labels overlap)") && exact[.features]!.0 == .rows)
    }

    @Test func equalOverlapGoesToTheUsualLayout() {
        // The same IDs on both axes of the omics table: either axis shares 2 with the features.
        let features = Self.table(.features, rows: ["a", "b"], columns: ["f1"])
        let omics = Self.table(.omics, rows: ["a", "b"], columns: ["a", "b"])
        #expect(Self.decide([features, omics])[.omics]!.0 == .columns)
    }

    @Test func readsTheSampleAxisOfCovariateTextTables() {
        // Covariates are text: samples in rows as usual, or in columns (header) when that is where the IDs match.
        let omics = Self.table(.omics, rows: ["g1", "g2", "g3", "g4"], columns: ["s1", "s2", "s3"])
        let inColumns = LoadedTable(role: .covariates, path: "c.tsv", format: "TSV",
                                    content: .text(header: ["covariate", "s1", "s2", "s3"], rows: [["age", "50", "60", "70"]]))
        #expect(Self.decide([omics, inColumns])[.covariates]!.0 == .columns)
        let inRows = LoadedTable(role: .covariates, path: "c.tsv", format: "TSV",
                                 content: .text(header: ["sample", "age"], rows: [["s1", "50"], ["s2", "60"], ["s3", "70"]]))
        #expect(Self.decide([omics, inRows])[.covariates]!.0 == .rows)
    }
}
