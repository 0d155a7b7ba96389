import Testing
@testable import RGMap

/// WGCNA 1.72's chooseTopHubInEachModule(expr, labels, omitColors = 0) on the same data.
@Suite struct ModuleHubsTests {
    @Test func matchesChooseTopHubInEachModule() throws {
        let expression = try NumericTableReader.read(path: Fixtures.path("network/merge_expr.tsv")).matrix
        let labels = try RFixtures.table("merge_labels.tsv", in: "network").map { Int(RFixtures.number($0["label"])) }
        let hubs = ModuleHubs.topHubs(expression, labels: labels)
        let expected = try RFixtures.table("top_hubs.tsv", in: "network")
        #expect(hubs.count == expected.count)
        for row in expected {
            let module = Int(RFixtures.number(row["module"]))
            #expect(hubs[module].map { expression.rowLabels[$0] } == row["gene"], "module \(module)")
        }
    }
}
