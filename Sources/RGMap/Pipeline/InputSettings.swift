/// The input files of a run, how they are read, how their samples are matched, and how
/// the cohort is preprocessed.
public struct InputSettings: Sendable {
    /// Imaging features: PyRadiomics batch CSV/TSV, any numeric table, HDF5.
    public var features: String?
    /// Expression: TSV/CSV (plain or gzip), GCT, HDF5 plain 2-D, AnnData `.h5ad`, 10x `.h5`.
    public var omics: String?
    /// Mutations: MAF, or a 0/1 gene x sample table.
    public var mutations: String?
    /// Per-sample covariates (numeric or categorical columns).
    public var covariates: String?
    /// Gene sets (GMT).
    public var geneSets: String?
    public var load = LoadOptions()
    public var matching = SampleMatchOptions()
    public var preprocess = PreprocessOptions()

    public init(features: String? = nil, omics: String? = nil, mutations: String? = nil, covariates: String? = nil,
                geneSets: String? = nil) {
        self.features = features
        self.omics = omics
        self.mutations = mutations
        self.covariates = covariates
        self.geneSets = geneSets
    }

    /// The table files in the order they are loaded, with their roles.
    public var tableFiles: [(role: TableRole, path: String)] {
        [(TableRole.features, features), (.omics, omics), (.mutations, mutations), (.covariates, covariates)]
            .compactMap { role, path in path.map { (role, $0) } }
    }
}
