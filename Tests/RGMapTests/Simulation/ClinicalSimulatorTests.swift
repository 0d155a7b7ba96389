import Testing
@testable import RGMap

@Suite struct ClinicalSimulatorTests {
    @Test func picksByCumulativeShares() {
        var rng = RandomSource(seed: 4)
        // Shares that leave no room for the others, or do not reach 1 (the rest goes to the last choice).
        #expect((0..<50).allSatisfy { _ in ClinicalSimulator.pick([("a", 0), ("b", 1), ("c", 0)], &rng) == "b" })
        #expect((0..<50).allSatisfy { _ in ClinicalSimulator.pick([("a", 0), ("b", 0)], &rng) == "b" })
        var counts: [String: Int] = [:]
        let draws = 40_000
        for _ in 0..<draws { counts[ClinicalSimulator.pick(ClinicalSimulator.stages, &rng), default: 0] += 1 }
        for (stage, share) in ClinicalSimulator.stages {
            // A binomial share of 40000 draws has SD at most 0.0025: 5 SD.
            #expect(abs(Double(counts[stage] ?? 0) / Double(draws) - share) < 0.0125, "\(stage)")
        }
    }

    @Test func writesOneRowPerPatientAndKeepsScannerAndAge() {
        var rng = RandomSource(seed: 9)
        let ids = (1...300).map { "P\($0)" }
        let clinical = ClinicalSimulator.simulate(Array(0..<300), ids: ids, rng: &rng)
        #expect(clinical.table.header == ["sample", "age", "sex", "stage", "scanner"])
        #expect(clinical.table.rows.map { $0[0] } == ids)
        #expect(clinical.scanner == clinical.table.rows.map { $0[4] })
        #expect(clinical.age == clinical.table.rows.map { Double($0[1])! } && clinical.age.allSatisfy { $0 == $0.rounded() })
        #expect(Set(clinical.table.rows.map { $0[2] }).isSubset(of: ["F", "M"]))
        #expect(Set(clinical.table.rows.map { $0[3] }) == ["I", "II", "III", "IV"])
        #expect(Set(clinical.scanner) == Set(ClinicalSimulator.scanners.map(\.name)))
        // Age ~ N(64, 9): the mean of 300 has SD 0.52; 5 SD.
        #expect(abs(clinical.age.reduce(0, +) / 300 - 64) < 2.6)
    }
}
