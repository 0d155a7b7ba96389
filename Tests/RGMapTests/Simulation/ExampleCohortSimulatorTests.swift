import Foundation
import Testing
@testable import RGMap

@Suite struct ExampleCohortSimulatorTests {
    static let geneSets = Fixtures.goBiologicalProcess
    static let cohort = try! ExampleCohortSimulator.simulate(SimulationOptions(seed: 1), geneSets: geneSets)

    @Test func theBundledExampleIsExactlyWhatSeedOneMakes() throws {
        let folder = Fixtures.scratchFolder()
        try ExampleCohortWriter.write(Self.cohort, to: OutputDirectory(path: folder, force: false))
        for file in ExampleCohortWriter.files {
            let made = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))
            let bundled = try Data(contentsOf: URL(fileURLWithPath: Fixtures.repository + "/data/example/" + file))
            #expect(made == bundled, "data/example/\(file) differs from `rgmap simulate --seed 1`")
        }
    }

    @Test func isDeterministicPerSeed() throws {
        let again = try ExampleCohortSimulator.simulate(SimulationOptions(seed: 1), geneSets: Self.geneSets)
        #expect(sameValues(again.omics.values, Self.cohort.omics.values))
        let other = try ExampleCohortSimulator.simulate(SimulationOptions(seed: 2), geneSets: Self.geneSets)
        #expect(!sameValues(other.omics.values, Self.cohort.omics.values))
    }

    @Test func hasTheDocumentedShape() {
        let c = Self.cohort
        #expect(c.omics.rowCount == 5000 && c.omics.columnCount == 152)
        #expect(c.featureTable.rows.count == 156)
        #expect(c.truth.modules.count == 9)
        #expect(c.truth.features.count == 60 && c.truth.features.filter { !$0.drivers.isEmpty }.count == 24)
        #expect(c.omics.missingCount == 25)
        // Every module is a real GO BP set of the GMT, its genes all in the expression table.
        let genes = Set(c.omics.rowLabels)
        for module in c.truth.modules {
            let set = Self.geneSets.names.firstIndex(of: module.goID)!
            let members = Set(Self.geneSets.members[set].map { Self.geneSets.genes[Int($0)] })
            #expect(Set(module.genes).isSubset(of: members) && Set(module.genes).isSubset(of: genes))
        }
    }

    @Test func modulesAreCoexpressedAndDriveTheirFeatures() throws {
        let c = Self.cohort
        let row = Dictionary(uniqueKeysWithValues: c.omics.rowLabels.enumerated().map { ($1, $0) })
        for module in c.truth.modules {
            let members = module.genes.prefix(30).map { Array(c.omics.row(row[$0]!)) }
            var sum = 0.0, pairs = 0.0
            for i in members.indices { for j in members.indices where j > i { sum += pearson(members[i], members[j]); pairs += 1 } }
            // Loadings 0.55-0.95 give pairwise r of about 0.3-0.9 in expectation.
            #expect(sum / pairs > 0.3, "module \(module.number) mean r = \(sum / pairs)")
        }
        let background = c.omics.rowLabels.filter { c.truth.geneLoadings[$0] == nil }.prefix(30).map { Array(c.omics.row(row[$0]!)) }
        var sum = 0.0, pairs = 0.0
        for i in background.indices { for j in background.indices where j > i { sum += pearson(background[i], background[j]); pairs += 1 } }
        // Independent genes: mean r over 435 pairs of 152 samples has SD about 0.004.
        #expect(abs(sum / pairs) < 0.03)
    }

    func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let pairs = zip(x, y).filter { !$0.0.isNaN && !$0.1.isNaN }
        let n = Double(pairs.count)
        let mx = pairs.map(\.0).reduce(0, +) / n, my = pairs.map(\.1).reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in pairs { sxy += (a - mx) * (b - my); sxx += (a - mx) * (a - mx); syy += (b - my) * (b - my) }
        return sxy / (sxx * syy).squareRoot()
    }

    @Test func rosterSharesPatientsOutAsTheOptionsSay() {
        var options = SimulationOptions(seed: 3)
        (options.imagedPatients, options.profiledPatients, options.unimagedProfiles, options.sequencedPatients) = (40, 30, 3, 25)
        var rng = RandomSource(seed: 3)
        let roster = PatientRoster(options, rng: &rng)
        #expect(roster.ids.count == 43 && roster.ids == roster.ids.sorted() && Set(roster.ids).count == 43)
        #expect(roster.ids.allSatisfy { $0.count == 12 && $0.hasPrefix("TCGA-R") })
        #expect(roster.imaged.count == 40)
        // Profiled: 30 imaged patients and the 3 without images; sequenced: 25 profiled ones and one
        // imaged patient without expression, so the MAF has a sample outside the cohort.
        let imaged = Set(roster.imaged), profiled = Set(roster.profiled), sequenced = Set(roster.sequenced)
        #expect(roster.profiled.count == 33 && profiled.subtracting(imaged).count == 3)
        #expect(roster.sequenced.count == 26 && sequenced.subtracting(profiled).count == 1 && sequenced.isSubset(of: imaged))
        let barcode = roster.rnaBarcode(0)
        #expect(barcode.hasPrefix(roster.ids[0] + "-01A-11R-A") && barcode.hasSuffix("-07") && barcode.count == 28)
        #expect(roster.dnaBarcode(0).hasPrefix(roster.ids[0] + "-01A-11D-A") && roster.dnaBarcode(0).hasSuffix("-08"))
        #expect(IDNormalization.tcgaPatient.key(for: barcode) == roster.ids[0])
    }
}
