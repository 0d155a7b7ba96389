import Testing
@testable import RGMap

/// The report's colour scales against ColorBrewer's palettes as R's RColorBrewer gives them:
/// `brewer.pal(9, "RdBu")` = B2182B D6604D F4A582 FDDBC7 F7F7F7 D1E5F0 92C5DE 4393C3 2166AC
/// (reversed here: blue negative) and `brewer.pal(9, "YlOrRd")` = FFFFCC FFEDA0 FED976 FEB24C
/// FD8D3C FC4E2A E31A1C BD0026 800026.
@Suite struct ColorScaleTests {
    @Test func divergingRunsFromBlueThroughWhiteToRed() {
        #expect(ColorScale.diverging(-1) == "#2166ac")
        #expect(ColorScale.diverging(0) == "#f7f7f7")
        #expect(ColorScale.diverging(1) == "#b2182b")
        // Stops sit every 2/8 = 0.25 of r: -0.5 is the third stop, 0.75 the eighth.
        #expect(ColorScale.diverging(-0.5) == "#92c5de")
        #expect(ColorScale.diverging(0.75) == "#d6604d")
        // Half-way between the first two stops (33,102,172) and (67,147,195): (50, 124.5, 183.5), rounded half up.
        #expect(ColorScale.diverging(-0.875) == "#327db8")
    }

    @Test func divergingClampsToItsLimitAndGreysNaN() {
        #expect(ColorScale.diverging(-7) == "#2166ac" && ColorScale.diverging(3) == "#b2182b")
        // With limit 0.5, 0.5 is the red end and -0.25 the third stop.
        #expect(ColorScale.diverging(0.5, limit: 0.5) == "#b2182b")
        #expect(ColorScale.diverging(0.9, limit: 0.5) == "#b2182b")
        #expect(ColorScale.diverging(-0.25, limit: 0.5) == "#92c5de")
        #expect(ColorScale.diverging(.nan) == "#dddddd" && ColorScale.diverging(.nan, limit: 0.3) == "#dddddd")
    }

    @Test func sequentialRunsFromPaleYellowToDarkRed() {
        #expect(ColorScale.sequential(0) == "#ffffcc")
        #expect(ColorScale.sequential(0.5) == "#fd8d3c")
        #expect(ColorScale.sequential(1) == "#800026")
        #expect(ColorScale.sequential(0.125) == "#ffeda0")
        // Half-way between the last two stops (189,0,38) and (128,0,38): (158.5, 0, 38), rounded half up.
        #expect(ColorScale.sequential(0.9375) == "#9f0026")
        #expect(ColorScale.sequential(-0.2) == "#ffffcc" && ColorScale.sequential(1.5) == "#800026")
        #expect(ColorScale.sequential(.nan) == "#dddddd")
    }
}
