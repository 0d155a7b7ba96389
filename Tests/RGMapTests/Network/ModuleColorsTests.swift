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

    /// R's col2rgb of grey and standardColors() (scripts/make_network_unit_fixtures.R); past the
    /// 435 standard colours the RGB values repeat, as the names do (436 is turquoise.1).
    @Test func hexIsRsRGBOfTheColour() throws {
        let rows = try RFixtures.table("unit_module_colors_hex.tsv", in: "network")
        #expect(rows.count == 436)
        for row in rows {
            let label = Int(RFixtures.number(row["label"]))
            #expect(ModuleColors.color(of: label) == row["color"] && ModuleColors.hex(of: label) == row["hex"], "label \(label)")
        }
        #expect(ModuleColors.hex(of: 436) == rows[1]["hex"] && ModuleColors.hex(of: 870) == rows[435]["hex"])
    }
}
