import Testing
@testable import RGMap

@Suite struct ExpressionSimulatorTests {
    static let genes = (0..<40).map { "G\($0)" }
    static let modules = [Array(genes[0..<6]), Array(genes[10..<18])]

    static func simulate(missing: Int = 9, seed: UInt64 = 2) -> (LabeledMatrix, [String: Double], [[Double]]) {
        var rng = RandomSource(seed: seed)
        let eigengenes = (0..<2).map { _ in (0..<250).map { _ in rng.normal() } }
        let samples = Array(stride(from: 0, to: 250, by: 1))
        let (matrix, loadings) = ExpressionSimulator.simulate(genes: genes, modules: modules, eigengenes: eigengenes, samples: samples,
                                                              sampleIDs: samples.map { "S\($0)" }, missingCells: missing, rng: &rng)
        return (matrix, loadings, eigengenes)
    }

    @Test func silentGenesAreZeroAndOutsideModulesAndMissingCellsAvoidThem() {
        let (matrix, _, _) = Self.simulate()
        #expect(matrix.rowLabels == Self.genes && matrix.columnCount == 250)
        let silent = (0..<matrix.rowCount).filter { r in matrix.row(r).allSatisfy { $0 == 0 } }
        #expect(silent.count == ExpressionSimulator.unexpressedGenes)
        #expect(silent.allSatisfy { !Self.modules.joined().contains(Self.genes[$0]) })
        #expect(matrix.missingCount == 9)
    }

    @Test func valuesAreNonNegativeWithFourDecimals() {
        let (matrix, _, _) = Self.simulate()
        let present = matrix.values.filter { !$0.isNaN }
        #expect(present.allSatisfy { $0 >= 0 })
        // x * 10000 is an integer up to the rounding of that product (values below 16: error < 1e-8).
        #expect(present.allSatisfy { abs($0 * 10_000 - ($0 * 10_000).rounded()) < 1e-8 })
    }

    @Test func moduleGenesFollowTheirEigengeneWithTheirLoading() {
        let (matrix, loadings, eigengenes) = Self.simulate(missing: 0)
        #expect(Set(loadings.keys) == Set(Self.modules.joined()))
        #expect(loadings.values.allSatisfy { (0.55...0.95).contains($0) })
        for (m, members) in Self.modules.enumerated() {
            for gene in members {
                let r = VectorCorrelation.pearson(matrix.row(Self.genes.firstIndex(of: gene)!), eigengenes[m])
                // r estimates the loading; its SD over 250 samples is below (1 - 0.55^2) / sqrt(250) = 0.044: 5 SD.
                #expect(abs(r - loadings[gene]!) < 0.22, "\(gene): r \(r), loading \(loadings[gene]!)")
            }
        }
        // A background gene is independent of both eigengenes: |r| within 5 SD (0.32) of 0.
        let background = matrix.row(Self.genes.firstIndex(of: "G30")!)
        if background.contains(where: { $0 != 0 }) {
            #expect(eigengenes.allSatisfy { abs(VectorCorrelation.pearson(background, $0)) < 0.32 })
        }
    }

    @Test func isDeterministicPerSeed() {
        #expect(sameValues(Self.simulate(seed: 8).0.values, Self.simulate(seed: 8).0.values))
        #expect(!sameValues(Self.simulate(seed: 8).0.values, Self.simulate(seed: 9).0.values))
    }
}
