import Testing
@testable import RGMap

@Suite struct ModuleColorsTests {
    /// WGCNA 1.72's labels2colors(0:1000) (scripts/make_network_fixtures.R).
    @Test func matchesLabels2Colors() throws {
        for row in try RFixtures.table("module_colors.tsv", in: "network") {
            let label = Int(RFixtures.number(row["label"]))
            #expect(ModuleColors.color(of: label) == row["color"], "label \(label)")
        }
    }
}
