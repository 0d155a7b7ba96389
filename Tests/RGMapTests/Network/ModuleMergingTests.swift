import Testing
@testable import RGMap

/// WGCNA 1.72's mergeCloseModules(relabel = TRUE) (scripts/make_network_fixtures.R): 240
/// simulated genes on 6 factors, two labels per factor plus a small extra module.
@Suite struct ModuleMergingTests {
    @Test(arguments: ["0.25", "0.05"])
    func matchesMergeCloseModules(cutHeight: String) throws {
        let expression = try NumericTableReader.read(path: Fixtures.path("network/merge_expr.tsv")).matrix
        let rows = try RFixtures.table("merge_labels.tsv", in: "network")
        let labels = rows.map { Int(RFixtures.number($0["label"])) }
        let merged = try ModuleMerging.merge(expression, labels: labels, cutHeight: Double(cutHeight)!)
        #expect(merged == rows.map { Int(RFixtures.number($0["merged_\(cutHeight)"])) })
    }

    @Test func numbersModulesByDecreasingSize() {
        #expect(ModuleMerging.relabelledBySize([7, 7, 0, 3, 3, 3, 9, 9]) == [2, 2, 0, 1, 1, 1, 3, 3])
    }
}
