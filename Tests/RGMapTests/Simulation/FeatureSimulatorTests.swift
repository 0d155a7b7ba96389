import Testing
@testable import RGMap

@Suite struct FeatureSimulatorTests {
    static func simulate(patients: Int = 80, missing: Int = 11) -> (table: (header: [String], rows: [[String]]), truth: [PlantedTruth.Feature]) {
        var rng = RandomSource(seed: 6)
        let eigengenes = (0..<5).map { _ in (0..<patients).map { _ in rng.normal() } }
        let ids = (0..<patients).map { "P\($0)" }
        let clinical = ClinicalSimulator.simulate(Array(0..<patients), ids: ids, rng: &rng)
        let (table, truth) = FeatureSimulator.simulate(patients: Array(0..<patients), ids: ids, eigengenes: eigengenes, clinical: clinical,
                                                       modules: 5, missingCells: missing, rng: &rng)
        return (table, truth)
    }

    @Test func roundsToSignificantDigitsByHand() {
        #expect(FeatureSimulator.roundSignificant(123.456789, digits: 3) == 123)
        #expect(FeatureSimulator.roundSignificant(0.00123456, digits: 2) == 0.0012)
        #expect(FeatureSimulator.roundSignificant(-98765, digits: 2) == -99000)
        #expect(FeatureSimulator.roundSignificant(9.99996, digits: 5) == 10)
        #expect(FeatureSimulator.roundSignificant(0, digits: 4) == 0 && FeatureSimulator.roundSignificant(.infinity, digits: 4) == .infinity)
    }

    @Test func writesAPyRadiomicsBatchTable() {
        let (table, _) = Self.simulate()
        let names = PyRadiomicsNames.featureColumns()
        #expect(table.header.prefix(3) == ["ID", "Image", "Mask"] && Array(table.header.suffix(60)) == names)
        #expect(table.header.count == 3 + 13 + 60 && table.header[3..<16].allSatisfy { $0.hasPrefix("diagnostics_") })
        #expect(table.rows.count == 80 && table.rows.allSatisfy { $0.count == table.header.count })
        #expect(table.rows[7][0] == "P7" && table.rows[7][1] == "images/P7/CT.nrrd" && table.rows[7][2] == "images/P7/GTV.nrrd")
        let cells = table.rows.flatMap { $0.suffix(60) }
        #expect(cells.filter(\.isEmpty).count == 11)  // exactly the missing cells asked for
        #expect(cells.filter { !$0.isEmpty }.allSatisfy { Double($0)?.isFinite == true })
    }

    @Test func plantsDriversScannerShiftsAsDocumented() {
        let (_, truth) = Self.simulate()
        let driven = truth.filter { !$0.drivers.isEmpty }
        #expect(driven.count == FeatureSimulator.drivenFeatures)
        #expect(driven.filter { $0.drivers.count == 2 }.count == 4)
        #expect(driven.allSatisfy { (0.5...0.85).contains($0.drivers[0].loading) && (1...5).contains($0.drivers[0].module) })
        #expect(driven.filter { $0.drivers.count == 2 }.allSatisfy { $0.drivers[1].loading == 0.3 })
        let shifted = truth.filter { !$0.scannerShift.isEmpty }
        #expect(shifted.count == 10 && shifted.allSatisfy { $0.scannerShift["GE"] == 0 && $0.scannerShift["SIEMENS"]! > 0 && $0.scannerShift["Philips"]! < 0 })
    }
}
