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
}
