import Testing
@testable import RGMap

/// R's sum, colMeans and mean, against R itself (Fixtures/numerics/rsummation.tsv): cases where
/// the long-double accumulation or mean's second pass gives another double than plain summation.
@Suite struct RSummationTests {
    static let rows = try! NumericFixtures.table("rsummation.tsv")

    @Test(arguments: rows.map { $0["case"]! })
    func matchesSumColMeansAndMean(_ name: String) throws {
        #if arch(x86_64)
        let row = try #require(Self.rows.first { $0["case"] == name })
        let values = NumericFixtures.numbers(row["values"])
        // Bit for bit: R's own accumulation order and precision (80-bit long double on x86-64).
        #expect(RSummation.sum(count: values.count) { values[$0] } == RFixtures.number(row["sum"]))  // Inf included
        #expect(RSummation.columnMean(count: values.count) { values[$0] } == RFixtures.number(row["colmean"]))
        #expect(RSummation.mean(count: values.count) { values[$0] } == RFixtures.number(row["mean"]))
        #endif
    }

    @Test func differsFromDoubleSummationWhereRDoes() {
        // 1e16 + 1 + 1: in double each 1 is lost to rounding (ulp 2 at 1e16); R keeps both.
        let values = [1e16, 1, 1]
        #expect(values.reduce(0, +) == 1e16)
        #if arch(x86_64)
        #expect(RSummation.sum(count: 3) { values[$0] } == 1e16 + 2)
        #endif
    }

    @Test func meanOfNothingIsNaN() {
        #expect(RSummation.mean(count: 0) { _ in 1 }.isNaN)
    }
}
