import Testing
@testable import RGMap

/// R's distribution functions through libRmath, against R itself (Fixtures/numerics/rmath.tsv).
@Suite struct RMathTests {
    static let rows = try! NumericFixtures.table("rmath.tsv")

    static func value(_ row: [String: String]) -> Double {
        let a = RFixtures.number(row["a"]), b = RFixtures.number(row["b"]), c = RFixtures.number(row["c"]), d = RFixtures.number(row["d"])
        switch row["fn"]! {
        case "pt": return RMath.studentCDF(a, df: b, lowerTail: c == 1)
        case "pnorm": return RMath.normalCDF(a, lowerTail: b == 1)
        case "pwilcox": return RMath.wilcoxonCDF(a, m: b, n: c, lowerTail: d == 1)
        case "phyper_upper": return RMath.hypergeometricUpperTail(atLeast: Int(a), white: Int(b), total: Int(c), drawn: Int(d))
        case "qbeta": return RMath.betaQuantile(a, b, c)
        case "digamma": return RMath.digamma(a)
        case "trigamma": return RMath.trigamma(a)
        default: preconditionFailure("unknown function \(row["fn"]!)")
        }
    }

    @Test(arguments: ["pt", "pnorm", "pwilcox", "phyper_upper", "qbeta", "digamma", "trigamma"])
    func matchesR(_ function: String) {
        let cases = Self.rows.filter { $0["fn"] == function }
        #expect(cases.count == 3)
        for row in cases {
            // Bit for bit: the same libRmath code R runs, on the same arguments.
            #expect(Self.value(row) == RFixtures.number(row["value"]), "\(function)(\(row["a"]!), \(row["b"]!), \(row["c"]!), \(row["d"]!))")
        }
    }

    @Test func wilcoxonCDFIsSafeFromSeveralThreads() async {
        // libRmath caches pwilcox's distribution in static memory, rebuilt for other (m, n): concurrent
        // calls with different sizes must each get what a lone call gets.
        let arguments: [(w: Double, m: Double, n: Double)] = (0..<48).map { (k: Int) -> (w: Double, m: Double, n: Double) in
            (Double(k % 20), Double(3 + k % 7), Double(4 + k % 5))
        }
        let serial = arguments.map { RMath.wilcoxonCDF($0.w, m: $0.m, n: $0.n) }
        let concurrent = await withTaskGroup(of: (Int, Double).self) { group in
            for (k, a) in arguments.enumerated() { group.addTask { (k, RMath.wilcoxonCDF(a.w, m: a.m, n: a.n)) } }
            var values = [Double](repeating: .nan, count: arguments.count)
            for await (k, value) in group { values[k] = value }
            return values
        }
        #expect(concurrent == serial)
    }
}
