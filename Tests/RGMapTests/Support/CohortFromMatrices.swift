@testable import RGMap

extension Cohort {
    /// A cohort of `omics` (and `features`) on the omics table's samples, as sample matching
    /// would build it from tables that share every sample.
    static func matched(_ omics: LabeledMatrix, features: LabeledMatrix? = nil) -> Cohort {
        let samples = omics.columnLabels
        return Cohort(samples: samples, features: features, omics: omics, matching: SampleMatchReport(
            normalization: .exact, tables: [], samples: samples, droppedForMissingCovariates: [], withoutMutationData: []))
    }
}
