import Testing
@testable import RGMap

@Suite struct PlantedRecoveryTests {
    @Test func matchesModulesLinksHubsAndTerms() {
        // Planted: module 1 = a b c d, module 2 = e f g h. Found: M2 = a b c (d unassigned), M1 = e f g h x.
        let genes = ["a", "b", "c", "d", "e", "f", "g", "h", "x", "y"]
        let labels = [2, 2, 2, 0, 1, 1, 1, 1, 1, 0]
        let planted = ["a": 1, "b": 1, "c": 1, "d": 1, "e": 2, "f": 2, "g": 2, "h": 2]
        let recovery = PlantedRecovery(
            genes: genes, labels: labels, planted: planted, terms: [1: ("GO:1", "one"), 2: ("GO:2", "two")],
            drivers: ["f1": [1], "f2": [1, 2]], moduleFeatureQ: [2: ["f1": 0.01, "f2": 0.2], 1: ["f2": 0.001]],
            hubs: [("f1", "a"), ("f1", "e"), ("f2", "g"), ("f3", "y")], topSets: [2: ("GO:1", 1e-5), 1: ("GO:9", 1e-3)])
        #expect(recovery.modules.map(\.found) == [2, 1])
        #expect(recovery.modules[0].jaccard == 0.75 && recovery.modules[1].jaccard == 0.8)
        #expect(recovery.modules.map(\.recovered) == [true, true])
        #expect(recovery.modules.map(\.termRecovered) == [true, false])
        // f1 <- 1 (M2, q 0.01) yes; f2 <- 1 (M2, q 0.2) no; f2 <- 2 (M1, q 0.001) yes.
        #expect(recovery.plantedLinks == 3 && recovery.recoveredLinks == 2)
        // Hubs of f1 and f2: a (module 1, a driver of f1) and g (module 2, a driver of f2) count; e is not f1's.
        #expect(recovery.hubEntries == 4 && recovery.hubsOfDrivenFeatures == 3 && recovery.hubsInDriverModules == 2)
        #expect(recovery.adjustedRandIndex == adjustedRandIndex(labels, genes.map { planted[$0] ?? 0 }))
    }
}
