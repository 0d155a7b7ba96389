import Testing
@testable import RGMap

@Suite struct StudentTPValueTests {
    /// R's 2 * pt(-|t|, df) over a grid of r and df (scripts/make_map_fixtures.R).
    static let grid = try! RFixtures.table("pvalues_expected.tsv")

    // Relative 1e-10, the bound docs/methods.md gives for every p-value path (the closed form's own is 1e-11),
    // where p > 1e-300: smaller p lie near the bottom of double's range, where relative agreement means nothing.
    @Test func matchesROneAtATime() {
        let student = StudentTPValue(maxDF: 5000)
        for row in Self.grid {
            let r = RFixtures.number(row["r"]), df = Int(RFixtures.number(row["df"])), p = RFixtures.number(row["p"])
            guard p > 1e-300 else { continue }
            #expect(agrees(student.pValue(r: r, df: df), p, relative: 1e-10), "r \(r) df \(df)")
        }
    }

    @Test func matchesRInBatchesOfEight() {
        let student = StudentTPValue(maxDF: 5000)
        for df in Set(Self.grid.map { Int(RFixtures.number($0["df"])) }) {
            let rows = Self.grid.filter { Int(RFixtures.number($0["df"])) == df }
            let r = rows.map { RFixtures.number($0["r"]) }
            var p = [Double](repeating: 0, count: r.count)
            r.withUnsafeBufferPointer { rb in p.withUnsafeMutableBufferPointer { student.pValues(r: rb.baseAddress!, df: df, count: r.count, into: $0.baseAddress!) } }
            for (i, row) in rows.enumerated() where RFixtures.number(row["p"]) > 1e-300 {
                #expect(agrees(p[i], RFixtures.number(row["p"]), relative: 1e-10), "r \(r[i]) df \(df)")
            }
        }
    }

    @Test func closedFormAgreesWithRsCodeOverDenseGrids() {
        // Both parities of df, and r from 0 to the edge of the closed form's use (p = 1e-3).
        let student = StudentTPValue(maxDF: 400)
        for df in [1, 2, 7, 8, 149, 150, 298, 299] {
            for k in 0..<2000 {
                let r = Double(k) / 2000 * 0.999
                let reference = StudentTPValue.viaR(r: r, df: df)
                #expect(agrees(student.pValue(r: r, df: df), reference, relative: 1e-10), "r \(r) df \(df)")
            }
        }
    }

    @Test func smallRSeriesAgreesWithRsCodeOneAtATimeAndInBatches() {
        // Every df from the series' first up, r across and just past its range (a r^2 <= 2),
        // scalar and batch paths; 1e-11 is the series' own bound.
        let student = StudentTPValue(maxDF: 2000)
        for df in [30, 31, 32, 47, 100, 101, 298, 299, 1000, 1999, 2000] {
            let edge = (2 / (Double(df - 2) / 2)).squareRoot()
            let r = (0..<1203).map { k in (k % 2 == 0 ? 1.0 : -1.0) * Double(k) / 1000 * edge }
            var batch = [Double](repeating: 0, count: r.count)
            r.withUnsafeBufferPointer { rb in batch.withUnsafeMutableBufferPointer { student.pValues(r: rb.baseAddress!, df: df, count: r.count, into: $0.baseAddress!) } }
            for (i, x) in r.enumerated() {
                let reference = StudentTPValue.viaR(r: x, df: df)
                #expect(agrees(student.pValue(r: x, df: df), reference, relative: 1e-11), "r \(x) df \(df)")
                #expect(agrees(batch[i], reference, relative: 1e-11), "batch r \(x) df \(df)")
            }
        }
    }

    @Test func handlesTheEdges() {
        let student = StudentTPValue(maxDF: 10)
        #expect(student.pValue(r: 1, df: 5) == 0 && student.pValue(r: -1, df: 5) == 0)
        #expect(student.pValue(r: .nan, df: 5).isNaN && student.pValue(r: 0.5, df: 0).isNaN)
        #expect(student.pValue(r: 0, df: 7) == 1)
    }
}
