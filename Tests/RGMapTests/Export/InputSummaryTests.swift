import Testing
@testable import RGMap

/// The text `rgmap inspect` prints, line by line, for a cohort built by hand (the end-to-end
/// snapshot, CLITests, covers the fixture cohort; this covers the preprocessing counts, the
/// dropped-variable lists, the samples without mutation data and the gene-set size range).
@Suite struct InputSummaryTests {
    static func summary() -> InputSummary {
        let omicsTable = LoadedTable(role: .omics, path: "omics.tsv", format: "TSV",
                                     content: .numeric(LabeledMatrix(rowLabels: (1...6).map { "G\($0)" }, columnLabels: (1...5).map { "X\($0)" },
                                                                     values: [.nan] + [Double](repeating: 1, count: 29))),
                                     notes: ["note one", "note two"])
        let covariateTable = LoadedTable(role: .covariates, path: "covariates.tsv", format: "TSV",
                                         content: .text(header: ["id", "age", "scanner"], rows: [["S1", "50", "A"], ["S2", "60", "B"]]))
        let matching = SampleMatchReport(
            normalization: .exact,
            tables: [TableMatch(role: .omics, path: "omics.tsv", sampleAxis: .columns, axisRule: "rule-o", samples: 5, matched: 3, unmatched: ["X1", "X2"]),
                     TableMatch(role: .covariates, path: "covariates.tsv", sampleAxis: .rows, axisRule: "rule-c", samples: 4, matched: 3, unmatched: [])],
            samples: ["S1", "S2", "S3"], droppedForMissingCovariates: ["S9"], withoutMutationData: ["S3"])
        let samples = ["S1", "S2", "S3"]
        let design = CovariateDesign(variables: [.init(name: "age", kind: .numeric, levels: [], columns: ["age"]),
                                                 .init(name: "scanner", kind: .categorical, levels: ["A", "B"], columns: ["scanner=B"])],
                                     matrix: LabeledMatrix(rowLabels: ["age", "scanner=B"], columnLabels: samples, values: [50, 60, 70, 0, 1, 0]),
                                     notes: ["scanner: reference level A"])
        let cohort = Cohort(samples: samples,
                            features: LabeledMatrix(rowLabels: ["f1", "f2"], columnLabels: samples, values: [1, 2, .nan, 4, 5, 6]),
                            omics: LabeledMatrix(rowLabels: ["G1", "G2", "G3"], columnLabels: samples, values: [Double](repeating: 2, count: 9)),
                            mutations: LabeledMatrix(rowLabels: ["TP53", "KRAS"], columnLabels: samples, values: [1, 0, .nan, 0, 0, 0]),
                            covariates: design, matching: matching)
        let preprocessing = PreprocessReport(
            log2Applied: true,
            features: .init(before: 7, allMissing: ["x"], zeroVariance: ["a", "b", "c", "d"], after: 2),
            omics: .init(before: 10, lowExpression: 2, incomplete: 1, notTopVariable: 4, after: 3))
        // Set sizes within the omics genes: A 2 (G1, G2), B 0 (GX only), C 1 (G2).
        let sets = GeneSetCollection(names: ["A", "B", "C"], descriptions: ["", "", ""], members: [[0, 1], [2], [1]],
                                     genes: ["G1", "G2", "GX"], duplicatesRemoved: 1)
        return InputSummary(tables: [TableSummary(omicsTable), TableSummary(covariateTable)], cohort: cohort, preprocessing: preprocessing,
                            geneSets: ("sets.gmt", sets), geneSetSizes: 2...3)
    }

    @Test func rendersEveryTableTheMatchingTheCohortAndTheGeneSets() {
        let expected = """
            omics omics.tsv
              format      TSV
              size        6 rows x 5 columns (as in the file)
              samples     in columns (rule-o)
              missing     1 of 30 values (3.33%)
              notes       note one
                          note two
            covariates covariates.tsv
              format      TSV
              size        2 rows x 2 columns (as in the file)
              samples     in rows (rule-c)
            samples
              ID match    exact
              matched     3 samples in the cohort
              omics       5 IDs, 3 matched, 2 unmatched: X1, X2
              covariates  4 IDs, 3 matched, 0 unmatched
              dropped     1 with a missing covariate: S9
              no MAF      1 cohort samples absent from the mutation table (status NA): S3
            cohort (after preprocessing)
              features    2 features x 3 samples, missing 1 of 6 values (16.67%); dropped 1 all-missing (x), 4 zero-variance (a, b, c, ... (+1 more))
              omics       3 genes x 3 samples, missing 0 of 9 values (0.00%); log2(x+1); 1 with missing values; 2 below the expression filter; 4 outside the top-variance set
              mutations   2 genes x 3 samples, 1 genes mutated in at least one cohort sample
              covariates  age, scanner -> 2 design columns: age, scanner=B
                          scanner: reference level A
            gene-sets sets.gmt
              format      GMT
              sets        3 sets over 3 genes; 1 repeated gene removed
              in omics    2 of 3 omics genes are in a set; 1 set keep 2-3 genes, 1 share no gene with the omics table

            """
        let rendered = Self.summary().render()
        #expect(rendered == expected)
        for (line, want) in zip(rendered.split(separator: "\n"), expected.split(separator: "\n")) where line != want {
            Issue.record("got  \(line)\nwant \(want)")
        }
    }

    @Test func withoutPreprocessingOrACohortOnlyTheTablesAreDescribed() {
        var summary = Self.summary()
        summary.preprocessing = nil
        #expect(summary.render().contains("\ncohort\n  features    2 features x 3 samples, missing 1 of 6 values (16.67%)\n"))
        summary.cohort = nil
        summary.geneSets = nil
        let text = summary.render()
        #expect(!text.contains("samples     ") && !text.contains("\nsamples\n") && !text.contains("cohort") && text.hasSuffix("(3.33%)\n  notes       note one\n              note two\ncovariates covariates.tsv\n  format      TSV\n  size        2 rows x 2 columns (as in the file)\n"))
    }

    @Test func fractionsAndListsAreShortened() {
        #expect(InputSummary.fraction(1, of: 6) == "1 of 6 values (16.67%)")
        #expect(InputSummary.fraction(1, of: 100_000) == "1 of 100000 values (<0.01%)")
        #expect(InputSummary.fraction(0, of: 0) == "0 of 0 values (0.00%)")
        #expect(InputSummary.fraction(3, of: 3) == "3 of 3 values (100.00%)")
        #expect(InputSummary.fraction(1, of: 8) == "1 of 8 values (12.50%)")
        #expect(InputSummary.list(["a", "b"]) == "a, b")
        #expect(InputSummary.list((1...7).map(String.init)) == "1, 2, 3, 4, 5, ... (+2 more)")
        #expect(InputSummary.list((1...4).map(String.init), limit: 3) == "1, 2, 3, ... (+1 more)")
        #expect(String(format2: 0.005) == "0.01" && String(format2: 2) == "2.00" && String(format2: 99.999) == "100.00" && String(format2: 0.1) == "0.10")
    }
}
