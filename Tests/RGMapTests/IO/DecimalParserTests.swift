import Foundation
import Testing

@testable import RGMap

// Differential tests of DecimalParser against Swift's `Double(String)` (glibc `strtod`, correctly rounded).

/// Tiny fixed-seed PRNG so every run checks the same inputs.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Parses `s` with bytes that would extend the number ("9e9") placed right after `end`,
/// so any read at or past `end` changes the result. Returns the value and the bytes consumed.
private func parseDecimal(_ s: String) -> (value: Double, consumed: Int)? {
    var bytes = Array(s.utf8)
    let count = bytes.count
    bytes.append(contentsOf: Array("9e9".utf8))
    return bytes.withUnsafeBufferPointer { buffer in
        let start = buffer.baseAddress!
        guard let r = DecimalParser.parse(start, start + count) else { return nil }
        return (r.value, r.next - start)
    }
}

/// Whether `s` would need the strtod slow path.
private func needsStrtod(_ s: String) -> Bool {
    let bytes = Array(s.utf8)
    return bytes.withUnsafeBufferPointer { buffer in
        let start = buffer.baseAddress!
        return DecimalParser.parseWithoutFallback(start, start + buffer.count)?.exact == false
    }
}

/// nil if `s` parses to exactly the same bits as `Double(s)` and consumes all of `s`; otherwise a description.
private func stdlibMismatch(_ s: String) -> String? {
    guard let expected = Double(s) else { return "stdlib rejects \(s)" }
    guard let got = parseDecimal(s) else { return "parser rejects \(s)" }
    if got.consumed != s.utf8.count { return "\(s): consumed \(got.consumed) of \(s.utf8.count) bytes" }
    if got.value.bitPattern != expected.bitPattern {
        return "\(s): got \(got.value) (0x\(String(got.value.bitPattern, radix: 16))), "
            + "expected \(expected) (0x\(String(expected.bitPattern, radix: 16)))"
    }
    return nil
}

/// Checks many strings, reporting at most a few failures (one #expect per input would be slow).
private func expectAllMatchStdlib(_ inputs: [String], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    var failures = 0
    for s in inputs {
        if let m = stdlibMismatch(s) {
            failures += 1
            if failures <= 10 { Issue.record("\(what): \(m)", sourceLocation: sourceLocation) }
        }
    }
    #expect(failures == 0, "\(what): \(failures) of \(inputs.count) mismatched", sourceLocation: sourceLocation)
}

// MARK: - Tests

@Suite struct DecimalParserTests {
    static let trickyCases: [String] = [
        // Plain forms
        "0", "1", "-1", "+1", "1.5", ".5", "1.", "-.5", "+.5", "5e-1", "1E5", "1e+5", "1.e5", "0.1", "0.2", "0.3",
        "3.14159", "2.718281828459045", "123.456", "1e23", "8.589973e9", "9007199254740992e22", "1e22", "1e-22",
        // Signed zeros and zero with any exponent
        "-0", "+0", "0.0", "-0.0", "0e-5", "0e5", "-0e999999999", "0e0000000000000000000000000001", "00000.00000",
        "-0.000000000000000000000000000000000000000000e-99999999999",
        // Halfway cases at 2^53 and 2^52
        "9007199254740993", "9007199254740995", "9007199254740993.0000000000000001", "9007199254740992.9999999999999999",
        "4503599627370496.5", "4503599627370497.5", "4503599627370496.5000000000000000001",
        "1.00000000000000011102230246251565404236316680908203125",  // 1 + 2^-53 exactly: ties to 1
        "1.00000000000000011102230246251565404236316680908203124",
        "1.00000000000000011102230246251565404236316680908203126",
        "7.2057594037927933e16", "72057594037927933", "72057594037927932", "72057594037927934",
        // Normal/subnormal boundary
        "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308", "2.225073858507201e-308",
        "2.2250738585072008890245868760858598876504231122409594654935248025624400092282356951787758888037591552642309780950434312085877387158357291821993020294379224223559819827501242041788969571311791082261043971979604000454897391938079198936081525613113376149842043271751033627391549782731594143828136275113838604094249464942286316695429105080201815926642134996606517803095075913058719846423906068637102005108723282784678843631944515866135041223479014792369585208321597621066375401613736583044193603714778355306682834535634005074073040135602968046375918583163124224521599262546494300836851861719422417646455137135420132217031370496583210154654068035397417906022589503023501937519773030945763173210852507299305089761582519159720757232455434770912461317493580281734466552734375e-308",
        // Subnormals and underflow
        "4.9406564584124654e-324", "5e-324", "1e-323", "3e-324", "2e-324", "2.5e-324", "-5e-324",
        "2.4703282292062327e-324", "2.4703282292062328e-324",
        "24703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-1075",
        "24703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125000000000000001e-1090",
        "1e-400", "-1e-400", "1e-99999999999", "-1e-99999999999", "1e-342", "1e-343", "9.99999999999999999e-325",
        // Overflow
        "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "-1.7976931348623159e308",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999",
        "1e308", "1e309", "-1e309", "1e99999999999", "0.00001e313", "1e0000000000000000000000000000000001",
        "1e-0000000000000000000000000000000001", "1e+0000000000000000000000000000000308",
        // Many digits and long zero runs
        "123456789012345678901234567890", "12345678901234567890", "1234567890123456789", "18446744073709551615",
        "18446744073709551616", "99999999999999999999", "10000000000000000000", "10000000000000000000000000000001",
        "0.000000000000000000000000001234", "1234000000000000000000000000000000", "0.0000001e7",
        "000000000000000000000000000000000000000001.5", "1.000000000000000000000000000000000000000000000001",
        "0.9999999999999999999999999999999999999999999", "3.14159265358979323846264338327950288419716939937510",
        "2.22507385850720113605740979670913197593481954635164564e-308",
        "2.22507385850720113605740979670913197593481954635164565e-308",
        // 800-digit inputs
        String(repeating: "1", count: 800), "0." + String(repeating: "3", count: 800),
        "1." + String(repeating: "0", count: 798) + "1", "0." + String(repeating: "0", count: 799) + "1e800",
        "9007199254740993" + String(repeating: "0", count: 784) + "1e-784",
        "9007199254740992" + String(repeating: "9", count: 784) + "e-784",
        String(repeating: "9", count: 800) + "e-800",
    ]

    @Test func trickyCasesMatchStdlibBitForBit() {
        for s in Self.trickyCases {
            #expect(stdlibMismatch(s) == nil, "\(stdlibMismatch(s) ?? "")")
        }
        // Also spot-check a few values directly, independent of the stdlib.
        #expect(parseDecimal("9007199254740993")?.value == 9_007_199_254_740_992)
        #expect(parseDecimal("2.4703282292062327e-324")?.value == 0)
        #expect(parseDecimal("2.4703282292062328e-324")?.value == Double.leastNonzeroMagnitude)
        #expect(parseDecimal("1.7976931348623158e308")?.value == Double.greatestFiniteMagnitude)
        #expect(parseDecimal("1.7976931348623159e308")?.value == .infinity)
        #expect(parseDecimal("-0")?.value.bitPattern == (-0.0 as Double).bitPattern)
        #expect(parseDecimal("1e-99999999999")?.value.bitPattern == 0)
        #expect(parseDecimal("1e0000000000000000000000000000000001")?.value == 10)
    }

    @Test func nextPointerStopsAtTheRightByte() {
        let cases: [(input: String, value: Double, consumed: Int)] = [
            ("1.5,2", 1.5, 3), ("1.5\t2", 1.5, 3), ("12abc", 12, 2), ("1e", 1, 1), ("1E", 1, 1), ("1e+", 1, 1),
            ("1e-x", 1, 1), ("1E5\t", 1e5, 3), ("1.e", 1, 2), ("-.5e-3x", -0.5e-3, 6), ("1.2.3", 1.2, 3),
            ("0x1A", 0, 1), ("1_000", 1, 1), ("5 ", 5, 1), ("-7e2e3", -700, 4), ("1.5e+07\n", 1.5e7, 7),
            ("123456789012345678901234567890,", Double("123456789012345678901234567890")!, 30), ("00012345678.5;", 12345678.5, 13),
            ("1234567812345678x", 1234567812345678, 16), ("0.12345678e", 0.12345678, 10), ("3.25NA", 3.25, 4),
            // Bytes 0x3A...0x3F (':', ';', '<', '=', '>', '?') share the digits' high nibble: the 8-byte path must reject them.
            ("1234567;89", 1234567, 7), ("0.1234567:1", 0.1234567, 9), ("123456789012345?1", 123456789012345, 15),
            ("1.234567<12345678", 1.234567, 8), ("9876543=", 9876543, 7), ("12345678>1", 12345678, 8),
        ]
        for c in cases {
            let r = parseDecimal(c.input)
            #expect(r?.value == c.value, "\(c.input)")
            #expect(r?.consumed == c.consumed, "\(c.input)")
        }
    }

    @Test func neverReadsAtOrPastEnd() {
        // The digits continue past `end`; the parser must stop at `end` on every path (SWAR, slow path, exponent).
        let text = Array("123456789012345678901234567890.123456789e12345".utf8)
        text.withUnsafeBufferPointer { buffer in
            let start = buffer.baseAddress!
            for length in 1...text.count {
                let prefix = String(decoding: text[0..<length], as: UTF8.self)
                let r = DecimalParser.parse(start, start + length)
                if let expected = Double(prefix) {
                    #expect(r?.value.bitPattern == expected.bitPattern, "\(prefix)")
                    #expect(r.map { $0.next - start } == length, "\(prefix)")
                } else {
                    // Prefixes ending in "e" are valid numbers that stop before the 'e'.
                    #expect(r.map { $0.next - start } == length - 1, "\(prefix)")
                }
            }
        }
    }

    @Test func invalidInputsReturnNil() {
        for s in ["", "-", "+", ".", "-.", "+.", "e5", "E5", ".e1", "-e1", "+.e1", "+-1", "--1", " 1", "\t1",
                  "inf", "-inf", "Infinity", "nan", "NaN", "NA", "x1", ",1"] {
            #expect(parseDecimal(s) == nil, "\(s)")
        }
    }

    @Test func powerOfFiveTableEntries() {
        // Expected entries computed independently (Python big integers) from the definitions in PowersOfFive.
        let expected: [(q: Int, high: UInt64, low: UInt64)] = [
            (-342, 0xEEF4_53D6_923B_D65A, 0x113F_AA29_06A1_3B40), (-300, 0xAB70_FE17_C79A_C6CA, 0x6DBD_630A_48AA_F407),
            (-28, 0xFD87_B5F2_8300_CA0D, 0x8BCA_9D6E_1888_53FD), (-27, 0x9E74_D1B7_91E0_7E48, 0x775E_A264_CF55_347E),
            (-1, 0xCCCC_CCCC_CCCC_CCCC, 0xCCCC_CCCC_CCCC_CCCD), (0, 0x8000_0000_0000_0000, 0),
            (1, 0xA000_0000_0000_0000, 0), (27, 0xCECB_8F27_F420_0F3A, 0),
            (55, 0xD0CF_4B50_CFE2_0765, 0xFFF4_B4E3_F741_CF6D), (56, 0x8281_8F12_81ED_449F, 0xBFF8_F10E_7A89_21A4),
            (100, 0x924D_692C_A61B_E758, 0x593C_2626_705F_9C56), (308, 0x8E67_9C2F_5E44_FF8F, 0x570F_09EA_A7EA_7648),
        ]
        for e in expected {
            let t = PowersOfFive.entry(e.q)
            #expect(t.high == e.high && t.low == e.low, "q = \(e.q)")
        }
        // Every entry is normalized (top bit set); the build also checks floorLog2PowerOfTen for every q.
        for q in PowersOfFive.minExponent...PowersOfFive.maxExponent {
            #expect(PowersOfFive.entry(q).high >> 63 == 1, "q = \(q)")
        }
    }

    @Test func randomDoublesPrintedWithDescription() {
        var rng = SplitMix64(seed: 0x5EED_0001)
        var inputs: [String] = []
        // 100k: enough to hit every binade many times over; debug-build runtime stays around a second.
        for i in 0..<100_000 {
            var d: Double
            if i % 2 == 0 {
                // Uniform bit patterns: all exponents, subnormals included.
                repeat { d = Double(bitPattern: rng.next()) } while !d.isFinite
            } else {
                // Values typical of data tables.
                d = Double(Int64(bitPattern: rng.next()) % 2_000_000) / 1000 * Double(rng.next() % 1000) / 999
            }
            inputs.append(d.description)
        }
        expectAllMatchStdlib(inputs, "description")
        // Shortest round-trip output (<= 17 digits) must never need the slow path.
        #expect(inputs.filter(needsStrtod).isEmpty)
    }

    @Test func randomDoublesPrintedWithFormat() {
        var rng = SplitMix64(seed: 0x5EED_0002)
        var inputs: [String] = []
        // 21 precisions × 5000 (%e) + 7 × 3000 (%f): ~126k strings covering 1 to 21 significant digits.
        for precision in 0...20 {
            for _ in 0..<5_000 {
                var d: Double
                repeat { d = Double(bitPattern: rng.next()) } while !d.isFinite
                inputs.append(String(format: "%.\(precision)e", d))
            }
        }
        for precision in [0, 1, 2, 3, 6, 9, 15] {
            for _ in 0..<3_000 {
                let d = Double(Int64(bitPattern: rng.next()) % 1_000_000_000_000) / 1e6
                inputs.append(String(format: "%.\(precision)f", d))
            }
        }
        expectAllMatchStdlib(inputs, "String(format:)")
    }

    @Test func randomDigitStrings() {
        var rng = SplitMix64(seed: 0x5EED_0003)
        var inputs: [String] = []
        // 150k random shapes: lengths 1...40 (occasionally 400), optional sign, point, leading zeros, exponent.
        for _ in 0..<150_000 {
            var s = ""
            switch rng.next() % 3 {
            case 0: s += "-"
            case 1: if rng.next() % 4 == 0 { s += "+" }
            default: break
            }
            let length = rng.next() % 50 == 0 ? Int(rng.next() % 400) + 1 : Int(rng.next() % 40) + 1
            var digits = ""
            let leadingZeros = rng.next() % 5 == 0 ? Int(rng.next() % 30) : 0
            digits += String(repeating: "0", count: leadingZeros)
            for _ in 0..<length {
                digits.append(Character(Unicode.Scalar(UInt8(ascii: "0") + UInt8(rng.next() % 10))))
            }
            if rng.next() % 4 == 0 {
                // Trailing zero runs make "more than 19 digits but exact" inputs.
                digits += String(repeating: "0", count: Int(rng.next() % 30))
            }
            switch rng.next() % 4 {
            case 0: break                                          // integer
            case 1: digits = "." + digits                          // ".5" form
            case 2: digits += "."                                  // "1." form
            default:
                let point = digits.index(digits.startIndex, offsetBy: Int(rng.next() % UInt64(digits.count)))
                digits.insert(".", at: point)
            }
            s += digits
            if rng.next() % 3 != 0 {
                s += rng.next() % 2 == 0 ? "e" : "E"
                switch rng.next() % 3 {
                case 0: s += "-"
                case 1: s += "+"
                default: break
                }
                // Mostly within ±350 (the interesting range), sometimes far outside.
                let magnitude = rng.next() % 10 == 0 ? rng.next() % 100_000 : rng.next() % 351
                s += String(magnitude)
            }
            inputs.append(s)
        }
        expectAllMatchStdlib(inputs, "random digits")
    }

    @Test func halfwayPointsAndTheirNeighbours() {
        var rng = SplitMix64(seed: 0x5EED_0004)
        var inputs: [String] = []
        // 10k halfway points: exact ties, ties ± one unit in an extra digit, and truncations of the exact
        // expansion to 17...30 digits; subnormal ones have ~760 digits, so the count is kept moderate.
        for i in 0..<10_000 {
            var d: Double
            switch i % 4 {
            case 0: repeat { d = Double(bitPattern: rng.next() >> 1) } while !d.isFinite
            case 1: d = Double(bitPattern: rng.next() % (1 << 52))        // subnormal
            case 2: d = Double(bitPattern: (rng.next() % (1 << 52)) | (1 << 52) * UInt64(1 + rng.next() % 4)) // near min normal
            default: d = Double(Int64(bitPattern: rng.next() >> 1) % (1 << 60) + 1) // integers with ties near 2^53...2^60
            }
            let (digits, exponent) = DecimalExpansion.halfwayAbove(d)
            inputs.append("\(digits)e\(exponent)")                              // exact tie
            inputs.append("\(digits)1e\(exponent - 1)")                         // just above
            inputs.append("\(DecimalExpansion.decrementDecimal(digits))9e\(exponent - 1)")              // just below
            let keep = 17 + Int(rng.next() % 14)
            if digits.count > keep {
                let dropped = digits.count - keep
                inputs.append("\(digits.prefix(keep))e\(exponent + dropped)")   // truncated: below the tie
            }
        }
        inputs.append("\(DecimalExpansion.halfwayAbove(.greatestFiniteMagnitude).digits)")       // ties to even: infinity
        expectAllMatchStdlib(inputs, "halfway")
    }

    @Test func eiselLemireDecidesEverySignificandOfAtMost19Digits() {
        var rng = SplitMix64(seed: 0x5EED_0006)
        var undecided = 0
        var inputs: [String] = []
        // 200k random (w, q) over the whole table range -342...308: every q gets ~300 significands.
        for _ in 0..<200_000 {
            let digits = Int(rng.next() % 19) + 1
            var limit: UInt64 = 1
            for _ in 0..<digits { limit *= 10 }
            let w = rng.next() % limit
            let q = Int(rng.next() % 651) - 342
            if w != 0 && DecimalParser.eiselLemire(w, q) == nil { undecided += 1 }
            inputs.append("\(w)e\(q)")
        }
        #expect(undecided == 0)
        expectAllMatchStdlib(inputs, "w·10^q")
    }

    @Test func slowPathIsThreadSafe() async {
        // Inputs that need strtod (more than 19 digits, within one unit of a halfway point).
        var rng = SplitMix64(seed: 0x5EED_0005)
        var inputs: [String] = []
        // Bounded: about 99% of these truncated halfway points need strtod, so 4000 tries are ample for 2000.
        for _ in 0..<4_000 where inputs.count < 2_000 {
            var d: Double
            repeat { d = Double(bitPattern: rng.next() >> 1) } while !d.isFinite
            let (digits, exponent) = DecimalExpansion.halfwayAbove(d)
            let s = "\(digits.prefix(25))e\(exponent + max(0, digits.count - 25))"
            if needsStrtod(s) { inputs.append(s) }
        }
        #expect(inputs.count == 2_000)
        let expected = inputs.map { Double($0)!.bitPattern }
        let all = inputs
        // 8 concurrent tasks on a 2-core machine is enough to interleave uselocale/strtod calls.
        let failures = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var bad = 0
                    for (s, e) in zip(all, expected) where parseDecimal(s)?.value.bitPattern != e { bad += 1 }
                    return bad
                }
            }
            return await group.reduce(0, +)
        }
        #expect(failures == 0)
    }

    @Test func slowPathCasesAreCorrect() {
        // Truncated significands whose two bounds straddle a halfway point go to strtod (run under the "C" locale).
        let cases: [(String, Double)] = [
            ("9007199254740993.000000000000000001", 9_007_199_254_740_994),
            ("9007199254740994.999999999999999999", 9_007_199_254_740_994),
            ("9007199254740993000000000000000001e-18", 9_007_199_254_740_994),
        ]
        for (s, value) in cases {
            #expect(needsStrtod(s), "\(s)")
            #expect(parseDecimal(s)?.value == value, "\(s)")
        }
    }
}
