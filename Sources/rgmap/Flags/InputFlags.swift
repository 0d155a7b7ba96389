import ArgumentParser
import RGMap

/// The input files every command reads, and how their samples are matched.
struct InputFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Imaging feature table: PyRadiomics batch CSV/TSV or HDF5.", valueName: "file"))
    var features: String?

    @Option(help: ArgumentHelp("Expression table: TSV/CSV (.gz too), HDF5 plain 2-D, AnnData .h5ad or 10x .h5.", valueName: "file"))
    var omics: String?

    @Option(help: ArgumentHelp("Mutations: MAF file, or a 0/1 gene-by-sample table.", valueName: "file"))
    var mutations: String?

    @Option(name: .customLong("gene-sets"), help: ArgumentHelp("Gene sets in GMT format.", valueName: "file"))
    var geneSets: String?

    @Option(help: ArgumentHelp("Per-sample covariates (numeric or categorical columns).", valueName: "file"))
    var covariates: String?

    @Option(name: .customLong("samples-in"), parsing: .singleValue,
            help: ArgumentHelp("Where the samples are: rows|columns for every table, or TABLE=rows|columns (TABLE: features, omics, mutations, covariates); repeatable. Default: inferred from label overlap.",
                               valueName: "axis"))
    var samplesIn: [String] = []

    @Option(name: .customLong("id-normalize"),
            help: ArgumentHelp("Sample ID matching: exact, tcga-patient (12 characters) or tcga-sample (15).", valueName: "rule"))
    var idNormalize: IDNormalization = .exact

    @Option(help: ArgumentHelp("HDF5 matrix to read: AnnData X, layers/NAME or raw/X; plain files MATRIX[,ROW_LABELS,COLUMN_LABELS] (default matrix,row_names,col_names).",
                               valueName: "name"))
    var dataset: String?

    @Option(name: .customLong("feature-id-column"),
            help: ArgumentHelp("Feature-table column holding sample IDs (default: ID, id, Image, else the first column).", valueName: "name"))
    var featureIDColumn: String?

    @Option(name: .customLong("maf-exclude"),
            help: ArgumentHelp("Comma-separated MAF Variant_Classification values that are not counted as mutations.", valueName: "classes"))
    var mafExclude: String = LoadOptions.defaultExcludedVariantClasses.sorted().joined(separator: ",")

    /// The library's input settings, with `preprocess`.
    func settings(preprocess: PreprocessFlags) throws -> InputSettings {
        var settings = InputSettings(features: features, omics: omics, mutations: mutations, covariates: covariates, geneSets: geneSets)
        settings.load = loadOptions
        settings.matching = try matchOptions()
        settings.preprocess = preprocess.options
        return settings
    }

    var loadOptions: LoadOptions {
        LoadOptions(featureIDColumn: featureIDColumn, hdf5Dataset: dataset,
                    excludedVariantClasses: Set(mafExclude.split(separator: ",").map { String($0) }))
    }

    func matchOptions() throws -> SampleMatchOptions {
        var axes: [TableRole: SampleAxis] = [:]
        for value in samplesIn {
            let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
            guard let axis = SampleAxis(rawValue: parts.last!) else {
                throw ValidationError("--samples-in \(value): expected rows or columns, optionally as TABLE=rows|columns")
            }
            if parts.count == 1 {
                for role in TableRole.allCases { axes[role] = axis }
            } else if let role = TableRole(rawValue: parts[0]) {
                axes[role] = axis
            } else {
                throw ValidationError("--samples-in \(value): unknown table \(parts[0]) (features, omics, mutations, covariates)")
            }
        }
        return SampleMatchOptions(normalization: idNormalize, sampleAxis: axes)
    }

    var parameters: [String: String] {
        var values = ["id-normalize": idNormalize.rawValue, "maf-exclude": mafExclude]
        for (role, path) in [("features", features), ("omics", omics), ("mutations", mutations), ("covariates", covariates)] {
            if let path { values[role] = path }
        }
        if let geneSets { values["gene-sets"] = geneSets }
        if !samplesIn.isEmpty { values["samples-in"] = samplesIn.joined(separator: " ") }
        if let dataset { values["dataset"] = dataset }
        if let featureIDColumn { values["feature-id-column"] = featureIDColumn }
        return values
    }
}

extension IDNormalization: ExpressibleByArgument {}
