import Testing
@testable import RGMap

/// The association map against R (cor, corPvalueStudent, p.adjust) and WGCNA (bicor).
@Suite struct AssociationMapperTests {
    // Tolerances (issue #3): r within 1e-12 (pearson, spearman) or 1e-10 (bicor: R sums in
    // long double and WGCNA's one-pass variance differs in the last bits); p within 1e-10
    // relative where p_R > 1e-300; q within 1e-10 relative (it inherits p's rounding).
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

    @Test func adjustsLikePAdjustGloballyAndPerFeature() throws {
        // p.adjust applied to R's own p-values: the FDR code alone, to 1e-12 relative.
        let rows = try RFixtures.table("simulated_expected.tsv").filter { $0["method"] == "pearson" }
        let p = rows.map { RFixtures.number($0["p"]) }
        for (method, column) in [(FDRMethod.bh, "q_bh"), (.by, "q_by"), (.bonferroni, "q_bonferroni")] {
            for threshold in [FalseDiscoveryRate.bucketThreshold, 1] {  // sort path and bucket path
                var q = [Double](repeating: 0, count: p.count)
                p.withUnsafeBufferPointer { pb in
                    q.withUnsafeMutableBufferPointer { FalseDiscoveryRate.adjust(pb, method: method, into: $0, bucketThreshold: threshold) }
                }
                for (i, row) in rows.enumerated() {
                    #expect(agrees(q[i], RFixtures.number(row[column]), relative: 1e-12), "\(method) row \(i)")
                }
            }
        }
        let features = Array(Set(rows.map { $0["feature"]! }))
        for feature in features {
            let indices = rows.indices.filter { rows[$0]["feature"] == feature }
            let sub = indices.map { p[$0] }
            var q = [Double](repeating: 0, count: sub.count)
            sub.withUnsafeBufferPointer { pb in q.withUnsafeMutableBufferPointer { FalseDiscoveryRate.adjust(pb, method: .bh, into: $0) } }
            for (j, i) in indices.enumerated() {
                #expect(agrees(q[j], RFixtures.number(rows[i]["q_bh_feature"]), relative: 1e-12))
            }
        }
    }
}
