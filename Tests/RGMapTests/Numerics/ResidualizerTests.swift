import Testing
@testable import RGMap

/// Residuals and ranks against R's `lm(y ~ covariates)` (scripts/make_numeric_fixtures.R):
/// numeric and indicator columns, an aliased column, and a subset on which a column is all zero.
@Suite struct ResidualizerTests {
    static let design = try! NumericFixtures.matrix("residuals_design.tsv")
    static let values = try! NumericFixtures.matrix("residuals_values.tsv")
    static let expected = try! NumericFixtures.table("residuals_expected.tsv")
    static let cases = ["intercept", "age", "age+scanner", "aliased", "subset"]

    /// The case's design columns and sample mask (nil: all samples).
    static func setting(_ name: String) throws -> (covariates: LabeledMatrix, mask: [Bool]?, rank: Int, rows: [[String: String]]) {
        let rows = expected.filter { $0["case"] == name }
        let first = try #require(rows.first)
        let columns = first["columns"]!.split(separator: ",").map(String.init)
        let covariates = design.selectingRows(columns.map { design.rowLabels.firstIndex(of: $0)! })
        let subset = Set(first["subset"]!.split(separator: ",").map { Int($0)! - 1 })
        let mask = subset.count == design.columnCount ? nil : (0..<design.columnCount).map(subset.contains)
        return (covariates, mask, Int(first["rank"]!)!, rows)
    }

    @Test(arguments: cases)
    func residualsAndRankMatchLm(_ name: String) throws {
        let (covariates, mask, rank, rows) = try Self.setting(name)
        let residualizer = try Residualizer(covariates: covariates, subset: mask)
        #expect(residualizer.rank == rank)
        #expect(residualizer.aliasedColumns == covariates.rowCount + 1 - rank)
        let n = Self.values.columnCount
        // Both variables at once, zero outside the subset as the correlation transforms leave them.
        var y = (0..<(Self.values.rowCount * n)).map { k in mask?[k % n] == false ? 0 : Self.values.values[k] }
        y.withUnsafeMutableBufferPointer { residualizer.residualize($0.baseAddress!, rows: Self.values.rowCount) }
        for row in rows {
            let v = Self.values.rowLabels.firstIndex(of: row["variable"]!)!, s = Self.values.columnLabels.firstIndex(of: row["sample"]!)!
            let r = RFixtures.number(row["residual"])
            if r.isNaN {
                #expect(y[v * n + s] == 0, "\(name): sample \(s) outside the subset")
            } else {
                // Two QR factorizations (LAPACK's dgeqp3, R's dqrdc2) of the same design round differently,
                // by about 1e-15 on residuals of order 1 over 14 samples; 1e-12 leaves room and still catches a wrong fit.
                #expect(agrees(y[v * n + s], r, absolute: 1e-12), "\(name) \(row["variable"]!) \(row["sample"]!): \(y[v * n + s]) vs lm \(r)")
            }
        }
    }

    @Test func anEmptySubsetHasRankZeroAndLeavesValuesAlone() throws {
        let residualizer = try Residualizer(covariates: Self.design, subset: [Bool](repeating: false, count: Self.design.columnCount))
        #expect(residualizer.rank == 0 && residualizer.aliasedColumns == Self.design.rowCount + 1)
        let before = (0..<Self.design.columnCount).map(Double.init)
        var y = before
        y.withUnsafeMutableBufferPointer { residualizer.residualize($0.baseAddress!, rows: 1) }
        #expect(y == before)
    }
}
