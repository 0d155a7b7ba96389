import Testing
@testable import RGMap

/// The association map against R (cor, corPvalueStudent, p.adjust) and WGCNA (bicor).
@Suite struct AssociationMapperTests {
    // Tolerances, as docs/methods.md states them: r within 1e-12 (pearson, spearman) or 1e-10 (bicor: R sums in
    // long double and WGCNA's one-pass variance differs in the last bits); p within 1e-10
    // relative (every p-value path's bound) where p_R > 1e-300 (smaller p lie near the bottom of
    // double's range, where relative agreement means nothing); q within 1e-10 relative (it inherits p's rounding).
    static func rTolerance(_ method: CorrelationMethod) -> Double { method == .bicor ? 1e-10 : 1e-12 }

    func check(_ prefix: String, file: String, covariates: Bool = false) throws {
        let cohort = try RFixtures.cohort(prefix, covariates: covariates)
        let expected = try RFixtures.table(file)
        for method in CorrelationMethod.allCases {
            let map = try AssociationMapper.map(cohort, options: AssociationOptions(method: method))
            let rows = expected.filter { $0["method"] == method.rawValue }
            #expect(rows.count == map.featureCount * map.geneCount)
            var worstR = 0.0, worstP = 0.0
            for row in rows {
                let f = map.features.firstIndex(of: row["feature"]!)!, g = map.genes.firstIndex(of: row["gene"]!)!
                let k = map.index(feature: f, gene: g)
                let r = RFixtures.number(row["r"]), p = RFixtures.number(row["p"])
                #expect(agrees(map.r[k], r, absolute: Self.rTolerance(method)),
                        "\(prefix) \(method) \(row["feature"]!) x \(row["gene"]!): r \(map.r[k]) vs R \(r)")
                #expect(Int(map.pairs[k]) == Int(RFixtures.number(row["n"])))
                if !p.isNaN && p > 1e-300 {
                    #expect(agrees(map.p[k], p, relative: 1e-10),
                            "\(prefix) \(method) \(row["feature"]!) x \(row["gene"]!): p \(map.p[k]) vs R \(p)")
                    worstP = max(worstP, abs(map.p[k] - p) / p)
                } else if p.isNaN {
                    #expect(map.p[k].isNaN)
                }
                if !r.isNaN { worstR = max(worstR, abs(map.r[k] - r)) }
                if let q = row["q_bh"] { #expect(agrees(map.q[k], RFixtures.number(q), relative: 1e-10)) }
            }
        }
    }

    @Test func matchesRWithMissingValuesTiesAndConstantColumns() throws {
        try check("simulated", file: "simulated_expected.tsv")
    }

    @Test func matchesRWithThreeAndFourSamplePairs() throws {
        try check("tiny", file: "tiny_expected.tsv")
    }

    @Test func matchesRByPairOnRealMicroarrayData() throws {
        try check("bladder", file: "bladder_expected.tsv")
    }

    @Test func matchesLmResidualCorrelationsWithReducedDegreesOfFreedom() throws {
        try check("covariates", file: "covariates_expected.tsv", covariates: true)
        try check("bladder", file: "bladder_adjusted_expected.tsv", covariates: true)
    }

    @Test(arguments: CorrelationMethod.allCases)
    func completeCasesMatchRsCompleteObs(_ method: CorrelationMethod) throws {
        // 6 of the 12 simulated samples have no missing feature or gene value (scripts/make_numeric_fixtures.R).
        let cohort = try RFixtures.cohort("simulated")
        let map = try AssociationMapper.map(cohort, options: AssociationOptions(method: method, missing: .complete))
        #expect(map.sampleCount == 6 && map.pairs == .constant(6))
        #expect(map.warnings.map(\.description).contains("missing complete: 6 of 12 samples dropped for a missing value"))
        let rows = try NumericFixtures.table("complete_simulated_expected.tsv").filter { $0["method"] == method.rawValue }
        #expect(rows.count == map.featureCount * map.geneCount)
        for row in rows {
            let k = map.index(feature: map.features.firstIndex(of: row["feature"]!)!, gene: map.genes.firstIndex(of: row["gene"]!)!)
            #expect(agrees(map.r[k], RFixtures.number(row["r"]), absolute: Self.rTolerance(method)), "\(row["feature"]!) x \(row["gene"]!)")
            // p and q within 1e-10 relative, as above (every p-value path's bound; q inherits p's rounding).
            #expect(agrees(map.p[k], RFixtures.number(row["p"]), relative: 1e-10))
            #expect(agrees(map.q[k], RFixtures.number(row["q_bh"]), relative: 1e-10))
        }
    }

    @Test func completeCasesNeedThreeSamples() throws {
        // tiny: only sample T2 has every feature and gene value.
        let cohort = try RFixtures.cohort("tiny")
        let error = try #require(throws: AnalysisError.self) {
            try AssociationMapper.map(cohort, options: AssociationOptions(missing: .complete))
        }
        #expect(error.kind == .tooFewSamples && error.message.settings == [.missing, .missing])
        #expect(error.message.description.hasPrefix("missing complete leaves 1 samples with no missing value (need at least 3)"))
    }

    @Test func warnsAboutConstantVariablesAndUndefinedPairs() throws {
        let map = try AssociationMapper.map(try RFixtures.cohort("tiny"), options: AssociationOptions())
        // Pairs over 2 samples (b x y, b x z) have r = +-1, not NA: no constant variable, no undefined pair.
        #expect(map.warnings.isEmpty)
        let simulated = try AssociationMapper.map(try RFixtures.cohort("simulated"), options: AssociationOptions())
        let warnings = simulated.warnings.map(\.description)
        #expect(warnings.contains("1 feature constant over its samples (r = NA): f_constant"))
        // As many undefined pairs as R's cor leaves NA.
        let undefined = try RFixtures.table("simulated_expected.tsv").filter { $0["method"] == "pearson" && $0["r"] == "NA" }.count
        #expect(undefined > 0 && warnings.contains("\(undefined) pairs with r = NA (a side constant over the pair's samples, or fewer than 2 samples)"))
    }

    @Test func reportsEachStageOnceInOrderWithWhatIsFinal() throws {
        let cohort = try RFixtures.cohort("simulated")
        var stages: [String] = []
        var covered = 0
        let map = try AssociationMapper.map(cohort, options: AssociationOptions(), stageCompleted: { stage, partial in
            switch stage {
            case .correlations:
                stages.append("r")
                #expect(partial.r.count == 70 && partial.p.isEmpty && partial.q.isEmpty)
            case .pValues:
                stages.append("p")
                #expect(partial.p.count == 70 && partial.q.isEmpty)
            case .qRows(let block):
                if stages.last != "q rows" { stages.append("q rows") }
                #expect(block.range.lowerBound == covered)
                covered = block.range.upperBound
            case .qValues:
                stages.append("q")
                #expect(partial.q.count == 70)
            }
        })
        #expect(stages == ["r", "p", "q rows", "q"] && covered == 70 && map.q.count == 70)
    }
}
