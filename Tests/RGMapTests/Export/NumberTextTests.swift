import Testing
@testable import RGMap

/// Numbers as the tables write them (docs/formats.md, "Table conventions"): shortest round-trip
/// form, a double always with a decimal point or an exponent, counts as integers, NA for NaN.
@Suite struct NumberTextTests {
    @Test func writesTheDocumentedForms() {
        let cases: [(Double, String)] = [(1, "1.0"), (0, "0.0"), (1e-10, "1e-10"), (0.05, "0.05"), (-0.25, "-0.25"),
                                         (4.2834556299219844e-41, "4.2834556299219844e-41"), (150, "150.0"), (1e16, "1e+16"),
                                         (.leastNonzeroMagnitude, "5e-324"), (.nan, "NA"), (-.nan, "NA")]
        for (value, text) in cases { #expect(NumberText.text(value) == text, "\(value)") }
    }

    @Test func everyDoubleRoundTripsAndLooksLikeADouble() {
        var random = RandomSource(seed: 9)
        for _ in 0..<5000 {
            let value = Double(bitPattern: random.next())
            guard value.isFinite else { continue }
            let text = NumberText.text(value)
            #expect(Double(text) == value, "\(text)")
            #expect(text.contains(".") || text.contains("e"), "\(text) would read as an integer")
        }
    }

    @Test func appendsTheSameBytesAsItsText() {
        var buffer: [UInt8] = []
        NumberText.append(0.1, to: &buffer)
        buffer.append(0x09)
        NumberText.append(.nan, to: &buffer)
        buffer.append(0x09)
        NumberText.append(150, to: &buffer)
        buffer.append(0x09)
        NumberText.append(-3, to: &buffer)
        buffer.append(0x09)
        NumberText.append("naïve-β", to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "0.1\tNA\t150\t-3\tnaïve-β")
    }
}
