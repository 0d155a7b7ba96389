import Testing
@testable import RGMap

/// ``ModuleMembershipChecks``: blockwiseModules' kME checks and reassignment between the tree
/// cut and the merging, against WGCNA 1.72 (scripts/make_module_fixtures.R: R's tree-cut
/// labels in, R's unmerged labels out), corPvalueFisher (scripts/make_network_unit_fixtures.R),
/// and by hand on profiles whose correlations are exactly 0 or +-1.
@Suite struct ModuleMembershipChecksTests {
    @Test(arguments: ["bladder2000", "sim800"], ["tutorial", "defaults", "bicor"])
    func turnsRsTreeCutIntoItsUnmergedLabels(data: String, setting: String) throws {
        let expression = try ModuleDetectionTests.expression(data)
        #expect(ModuleDetection.usableGenes(expression).count == expression.rowCount)  // R's labels index these genes
        let options = ModuleDetectionTests.options(setting)
        let labels = try RFixtures.table("bwm_\(data)_\(setting)_labels.tsv", in: "modules")
        let checks = ModuleMembershipChecks(expression: expression, options: options,
                                            minModuleSize: options.minModuleSize(genes: expression.rowCount))
        let pruned = try checks.pruned(ModuleDetectionTests.column(labels, "cut"))
        let reassigned = checks.reassigned(pruned.labels, modules: pruned.modules, eigengenes: pruned.eigengenes)
        // On bladder2000 54 to 66 genes change (checks and reassignment); on sim800 none.
        #expect(reassigned == ModuleDetectionTests.column(labels, "unmerged"))
    }

    @Test func fisherPIsCorPvalueFisher() throws {
        let rows = try RFixtures.table("unit_fisher_p.tsv", in: "network")
        #expect(rows.count == 36)
        for row in rows {
            let r = RFixtures.number(row["r"]), n = RFixtures.number(row["n"])
            // 1e-12 relative: atanh and the normal tail as R's; |z| up to 65 costs a few digits of the tail's argument.
            #expect(agrees(ModuleMembershipChecks.fisherP(r, samples: n), RFixtures.number(row["p"]), relative: 1e-12), "r \(r), n \(n)")
        }
    }

    /// Orthogonal +-1 profiles over 8 samples: correlations between them are 0, with themselves 1.
    static let f: [Double] = [1, 1, -1, -1, 1, 1, -1, -1], h: [Double] = [1, -1, 1, -1, 1, -1, 1, -1]
    static let k: [Double] = [1, 1, 1, 1, -1, -1, -1, -1], m: [Double] = [1, -1, -1, 1, 1, -1, -1, 1]

    static func matrix(_ rows: [[Double]]) -> LabeledMatrix {
        LabeledMatrix(rowLabels: rows.indices.map { "G\($0)" }, columnLabels: (1...8).map { "S\($0)" }, values: rows.flatMap { $0 })
    }

    /// Module 1 = {f, f, h, -f}: its eigengene is f (kME 1, 1, 0, and 1 or -1); module 3 =
    /// {k, m, h, h}: its eigengene is h (kME 0, 0, 1, 1); gene 8 is unassigned.
    static let expression = matrix([f, f, h, f.map { -$0 }, k, m, h, h, k])
    static let labels = [1, 1, 1, 1, 3, 3, 3, 3, 0]

    static func checks(_ type: NetworkType, minModuleSize: Double = 2, minCoreKMESize: Double? = nil) -> ModuleMembershipChecks {
        var options = ModuleDetectionOptions()
        options.networkType = type
        options.minCoreKMESize = minCoreKMESize
        return ModuleMembershipChecks(expression: expression, options: options, minModuleSize: minModuleSize)
    }

    @Test func aModuleWithoutACoreIsDissolved() throws {
        // Unsigned (kME = |cor|), 3 core genes needed (kME > 0.5): module 1 has f, f, -f; module 3 only h, h.
        let pruned = try Self.checks(.unsigned, minCoreKMESize: 3).pruned(Self.labels)
        // In module 1, h (kME 0 < 0.3) leaves.
        #expect(pruned.labels == [1, 1, 0, 1, 0, 0, 0, 0, 0])
        #expect(pruned.modules == [1] && pruned.eigengenes.count == 1)
        // 1e-12: the eigenvector of an exactly rank-two Gram matrix, to rounding.
        #expect(abs(VectorCorrelation.pearson(pruned.eigengenes[0], Self.f) - 1) < 1e-12)
    }

    @Test func genesBelowMinKMEToStayLeaveAndTheSignCountsInSignedNetworks() throws {
        // Signed: -f has kME -1 and leaves with h; the core needs 2/3 of a gene (minModuleSize / 3).
        let pruned = try Self.checks(.signed).pruned(Self.labels)
        #expect(pruned.labels == [1, 1, 0, 0, 0, 0, 3, 3, 0])
        #expect(pruned.modules == [1, 3])
        // Left with two genes each, both modules are dissolved when three are needed.
        let strict = try Self.checks(.signed, minModuleSize: 3).pruned(Self.labels)
        #expect(strict.labels == [Int](repeating: 0, count: 9) && strict.modules.isEmpty)
    }

    /// Modules 2 (eigengene f) and 5 (eigengene k): gene 3 (k) sits in 2, gene 6 (f) in 5.
    static let reassignment = matrix([f, f, f.indices.map { f[$0] + h[$0] }, k, k, k, f, h])
    static let before = [2, 2, 2, 2, 5, 5, 5, 0]

    @Test func reassignedGenesTakeThePositionOfTheirBestEigengeneAsWGCNADoes() {
        var options = ModuleDetectionOptions()
        options.networkType = .unsigned
        let checks = ModuleMembershipChecks(expression: Self.reassignment, options: options, minModuleSize: 2)
        // Gene 3's best kME is to module 5, the 2nd eigengene: WGCNA 1.72 labels it 2 (so it stays);
        // gene 6's best is module 2, the 1st: it becomes 1, a label no module had. Gene 2 (kME 0.71
        // to f, 0 to k) stays; gene 7 is unassigned.
        #expect(checks.reassigned(Self.before, modules: [2, 5], eigengenes: [Self.f, Self.k]) == [2, 2, 2, 2, 5, 5, 1, 0])
        // A module left with fewer than the minimum size is dissolved: module 5 keeps 2 of 3 < 3.
        let three = ModuleMembershipChecks(expression: Self.reassignment, options: options, minModuleSize: 3)
        #expect(three.reassigned(Self.before, modules: [2, 5], eigengenes: [Self.f, Self.k]) == [2, 2, 2, 2, 0, 0, 1, 0])
        // Threshold 0: no p-value ratio is below it, nothing moves.
        options.reassignThreshold = 0
        let off = ModuleMembershipChecks(expression: Self.reassignment, options: options, minModuleSize: 2)
        #expect(off.reassigned(Self.before, modules: [2, 5], eigengenes: [Self.f, Self.k]) == Self.before)
    }
}
