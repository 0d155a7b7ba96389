/// Settings of the example-cohort simulation (`rgmap simulate`).
public struct SimulationOptions: Sendable {
    public var seed: UInt64 = 1
    /// Patients with images (rows of the feature table). The counts below differ on purpose
    /// (156 imaged, 150 of them profiled, 2 profiled without images, 145 sequenced), so that
    /// matching samples across tables has something to report; 150 is a typical TCGA-sized
    /// radiogenomic cohort, 5000 genes and 60 features keep the example quick.
    public var imagedPatients = 156
    /// Imaged patients that also have expression data (the matched cohort).
    public var profiledPatients = 150
    /// Extra expression samples of patients without images.
    public var unimagedProfiles = 2
    /// Profiled patients that are also in the MAF.
    public var sequencedPatients = 145
    public var genes = 5000
    /// Target sizes of the planted co-expression modules (each a real GO BP set): nine sizes
    /// from 200 down to 40, all above WGCNA's default minimum module size of 20.
    public var moduleSizes = [200, 160, 130, 110, 90, 75, 60, 50, 40]
    public var features = 60
    /// Missing cells planted in the features and the expression table: a few, so that the
    /// missing-value paths run without changing the results much.
    public var missingFeatureCells = 8
    public var missingOmicsCells = 25

    public init(seed: UInt64 = 1) { self.seed = seed }
}

/// A simulated radiogenomic cohort with its planted truth.
public struct SimulatedCohort: Sendable {
    /// PyRadiomics-style batch table: header and rows of text cells (ID, Image, Mask, diagnostics, features).
    public var featureTable: (header: [String], rows: [[String]])
    /// Genes x expression samples (log2 scale), rounded to 4 decimals.
    public var omics: LabeledMatrix
    /// MAF header and records.
    public var maf: (header: [String], rows: [[String]])
    /// Per-patient covariates: header and rows.
    public var covariates: (header: [String], rows: [[String]])
    public var truth: PlantedTruth
}

/// What the simulation planted, for checking what rgmap recovers.
public struct PlantedTruth: Sendable {
    /// A planted co-expression module: a real GO set and what drives it.
    public struct Module: Sendable {
        public var number: Int
        public var goID: String
        public var goTerm: String
        public var genes: [String]
        /// Mutated gene that shifts this module's eigengene, and by how many SDs.
        public var driverMutation: String?
        public var mutationShift: Double
    }

    /// How a simulated imaging feature was generated.
    public struct Feature: Sendable {
        public var name: String
        /// Modules whose eigengene drives the feature, with the loading of each.
        public var drivers: [(module: Int, loading: Double)]
        /// Shift per scanner in feature SDs (empty when the scanner does not affect it).
        public var scannerShift: [String: Double]
    }

    public var modules: [Module]
    /// Loading of every module gene on its eigengene.
    public var geneLoadings: [String: Double]
    public var features: [Feature]
}
