import Foundation
import Testing
@testable import RGMap

/// Golden values written by R (scripts/make_map_fixtures.R) and the inputs they came from.
enum RFixtures {
    /// Rows of an expected-values table, as column name -> text.
    static func table(_ file: String, in folder: String = "map") throws -> [[String: String]] {
        try Fixtures.table(folder + "/" + file)
    }

    /// R's number text: `NA` is NaN.
    static func number(_ text: String?) -> Double {
        guard let text, text != "NA", text != "NaN" else { return .nan }
        return Double(text)!
    }

    /// A cohort of the fixture's features, genes and (optionally) covariates or mutation status.
    static func cohort(_ prefix: String, covariates: Bool = false, mutations: Bool = false) throws -> Cohort {
        var tables = [try InputLoader.load(.features, path: Fixtures.path("map/\(prefix)_features.tsv"))]
        if FileManager.default.fileExists(atPath: Fixtures.path("map/\(prefix)_genes.tsv")) {
            tables.append(try InputLoader.load(.omics, path: Fixtures.path("map/\(prefix)_genes.tsv")))
        }
        if covariates { tables.append(try InputLoader.load(.covariates, path: Fixtures.path("map/\(prefix)_covariates.tsv"))) }
        if mutations { tables.append(try InputLoader.load(.mutations, path: Fixtures.path("map/\(prefix)_status.tsv"))) }
        // The fixtures keep variables in rows: say so rather than rely on inference.
        return try SampleMatcher.match(tables, options: SampleMatchOptions(
            sampleAxis: [.features: .columns, .omics: .columns, .mutations: .columns, .covariates: .rows]))
    }
}

/// Agreement with a reference value, NaN matching NaN.
func agrees(_ actual: Double, _ expected: Double, absolute: Double = 0, relative: Double = 0) -> Bool {
    if expected.isNaN || actual.isNaN { return expected.isNaN && actual.isNaN }
    let difference = abs(actual - expected)
    return difference <= absolute || difference <= relative * abs(expected)
}
