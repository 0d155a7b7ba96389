import Testing
@testable import RGMap

@Suite struct CellValueTests {
    @Test func decimalCommasAreRecognisedAndNothingElse() {
        for text in ["1,5", "-0,25", "+12,0"] { #expect(CellValue.isDecimalComma(text)) }
        for text in ["1,5,6", ",5", "1,", "a,b", "1.5", "1 5"] { #expect(!CellValue.isDecimalComma(text)) }
        #expect(CellValue.hint(for: "2x") == "")
    }

    static func read(_ text: String) -> CellValue {
        Array(text.utf8).withUnsafeBufferPointer { CellValue.read($0) }
    }

    @Test func readsNumbersMissingTokensInfinitiesAndText() {
        #expect(Self.read("-0.5e1") == .number(-5) && Self.read("42") == .number(42) && Self.read(".5") == .number(0.5))
        for token in ["", "NA", "NaN", "nan", "."] { #expect(Self.read(token) == .missing, "'\(token)'") }
        for token in ["Inf", "-Inf", "+inf", "infinity", "-INFINITY", "1e999", "-1e400"] { #expect(Self.read(token) == .infinite, "'\(token)'") }
        // Near misses of the missing tokens are text, not silently missing.
        for token in ["na", "N/A", "NULL", "-", "..", "NAN", "1,5", "2.5x", "inf1", "e5"] { #expect(Self.read(token) == .text, "'\(token)'") }
    }

    @Test func explainsANumberWithADecimalComma() {
        #expect(CellValue.notANumber(in: "S1", found: "1,5")
                == "expected a number or NA in column 'S1', found '1,5' (a decimal comma? rgmap reads '.' as the decimal mark; re-export the table with '.')")
        #expect(CellValue.notANumber(in: "S2", found: "high") == "expected a number or NA in column 'S2', found 'high'")
    }
}
