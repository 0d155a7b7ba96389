/// Simulated per-patient covariates: age, sex, stage and CT scanner vendor.
enum ClinicalSimulator {
    struct Clinical {
        /// Header and rows as written to covariates.tsv.
        var table: (header: [String], rows: [[String]])
        /// Scanner per imaged patient (same order as the rows).
        var scanner: [String]
        var age: [Double]
    }

    /// The shares, the age (mean 64, sd 9) and the share of women (0.48) are rgmap's design for
    /// a plausible lung adenocarcinoma cohort (the mutations are that cancer's, ``MutationCatalog``):
    /// mostly early stages, three vendors of which one dominates. The example data and every
    /// test built on it depend on these numbers, so they stay fixed.
    static let scanners: [(name: String, share: Double)] = [("GE", 0.45), ("SIEMENS", 0.35), ("Philips", 0.20)]
    static let stages = [("I", 0.4), ("II", 0.25), ("III", 0.25), ("IV", 0.10)]

    static func simulate(_ patients: [Int], ids: [String], rng: inout RandomSource) -> Clinical {
        var rows: [[String]] = []
        var scanner: [String] = []
        var age: [Double] = []
        for id in ids {
            let years = (rng.normal(mean: 64, sd: 9)).rounded()
            let vendor = pick(scanners.map { ($0.name, $0.share) }, &rng)
            rows.append([id, String(Int(years)), rng.bernoulli(0.48) ? "F" : "M", pick(stages, &rng), vendor])
            scanner.append(vendor)
            age.append(years)
        }
        return Clinical(table: (["sample", "age", "sex", "stage", "scanner"], rows), scanner: scanner, age: age)
    }

    static func pick(_ choices: [(String, Double)], _ rng: inout RandomSource) -> String {
        var u = rng.uniform()
        for (value, share) in choices {
            if u < share { return value }
            u -= share
        }
        return choices.last!.0
    }
}
