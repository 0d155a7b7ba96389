import Foundation
@testable import RGMap

/// The golden values of `Fixtures/numerics`, written by R (scripts/make_numeric_fixtures.R).
enum NumericFixtures {
    /// Rows of a table of the folder, as column name -> text.
    static func table(_ file: String) throws -> [[String: String]] {
        try Fixtures.table("numerics/" + file)
    }

    /// A comma-separated list of R numbers (`NA` is NaN; an empty cell is no number).
    static func numbers(_ text: String?) -> [Double] {
        guard let text, !text.isEmpty else { return [] }
        return text.split(separator: ",").map { RFixtures.number(String($0)) }
    }

    /// A variables x samples matrix file of the folder (first column: label).
    static func matrix(_ file: String) throws -> LabeledMatrix {
        let lines = try Fixtures.text("numerics/" + file).split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        let rows = lines.dropFirst()
        return LabeledMatrix(rowLabels: rows.map { $0[0] }, columnLabels: Array(lines[0].dropFirst()),
                             values: rows.flatMap { $0.dropFirst().map { RFixtures.number($0) } })
    }
}
