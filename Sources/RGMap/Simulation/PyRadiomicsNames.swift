/// Real PyRadiomics feature and diagnostics column names, for simulated feature tables
/// that look like `pyradiomics` batch output.
enum PyRadiomicsNames {
    /// Feature classes with the feature names PyRadiomics 3 computes for them.
    static let classes: [(name: String, features: [String])] = [
        ("shape", ["Elongation", "Flatness", "LeastAxisLength", "MajorAxisLength", "Maximum2DDiameterSlice",
                   "Maximum3DDiameter", "MeshVolume", "MinorAxisLength", "Sphericity", "SurfaceArea",
                   "SurfaceVolumeRatio", "VoxelVolume"]),
        ("firstorder", ["10Percentile", "90Percentile", "Energy", "Entropy", "InterquartileRange", "Kurtosis",
                        "Maximum", "MeanAbsoluteDeviation", "Mean", "Median", "Minimum", "Range",
                        "RobustMeanAbsoluteDeviation", "RootMeanSquared", "Skewness", "Uniformity", "Variance"]),
        ("glcm", ["Autocorrelation", "ClusterProminence", "ClusterShade", "ClusterTendency", "Contrast", "Correlation",
                  "DifferenceAverage", "DifferenceEntropy", "Id", "Idm", "Imc1", "Imc2", "JointEnergy", "JointEntropy",
                  "MaximumProbability", "SumEntropy"]),
        ("glrlm", ["GrayLevelNonUniformity", "LongRunEmphasis", "RunEntropy", "RunLengthNonUniformity",
                   "RunPercentage", "ShortRunEmphasis"]),
        ("glszm", ["GrayLevelNonUniformity", "LargeAreaEmphasis", "SizeZoneNonUniformity", "SmallAreaEmphasis",
                   "ZoneEntropy", "ZonePercentage"]),
        ("gldm", ["DependenceEntropy", "DependenceNonUniformity", "LargeDependenceEmphasis", "SmallDependenceEmphasis"]),
        ("ngtdm", ["Busyness", "Coarseness", "Complexity", "Contrast", "Strength"]),
    ]

    /// How many features of each image type and class the simulated table has (60 in all).
    static let quotas: [(image: String, cls: String, count: Int)] = [
        ("original", "shape", 12), ("original", "firstorder", 10), ("original", "glcm", 8),
        ("original", "glrlm", 3), ("original", "glszm", 3), ("original", "gldm", 2), ("original", "ngtdm", 2),
        ("wavelet-LLH", "firstorder", 5), ("wavelet-LLH", "glcm", 5),
        ("log-sigma-3-0-mm-3D", "firstorder", 5), ("log-sigma-3-0-mm-3D", "glcm", 5),
    ]

    /// The feature column names in PyRadiomics order (image type, then class).
    static func featureColumns() -> [String] {
        quotas.flatMap { quota in
            classes.first { $0.name == quota.cls }!.features.prefix(quota.count).map { "\(quota.image)_\(quota.cls)_\($0)" }
        }
    }

    /// Typical magnitude (centre, spread) of a feature's values, by class, so that
    /// the simulated columns have plausible scales.
    static func scale(of column: String) -> (center: Double, spread: Double) {
        if column.contains("_shape_") {
            if column.hasSuffix("Volume") { return (25_000, 9_000) }
            if column.hasSuffix("Area") { return (6_000, 1_800) }
            if column.contains("Length") || column.contains("Diameter") { return (45, 12) }
            return (0.7, 0.08)
        }
        if column.contains("_firstorder_") {
            if column.hasSuffix("Energy") { return (4.0e8, 1.2e8) }
            if column.hasSuffix("Entropy") || column.hasSuffix("Kurtosis") { return (4, 0.6) }
            if column.hasSuffix("Skewness") { return (0.1, 0.5) }
            if column.hasSuffix("Uniformity") { return (0.08, 0.02) }
            if column.hasSuffix("Variance") { return (900, 300) }
            return (40, 18)
        }
        if column.contains("_glcm_") { return (3, 0.9) }
        if column.contains("_ngtdm_") { return (1.5, 0.5) }
        return (25, 8)
    }

    /// `diagnostics_*` columns as PyRadiomics writes them, with per-sample values
    /// (some numeric, some text, one that holds commas and needs CSV quoting).
    static func diagnostics(voxelCount: Int, imageMean: Double, hash: String) -> [(String, String)] {
        [
            ("diagnostics_Versions_PyRadiomics", "v3.1.0"),
            ("diagnostics_Versions_Numpy", "1.26.4"),
            ("diagnostics_Versions_SimpleITK", "2.3.1"),
            ("diagnostics_Versions_PyWavelet", "1.5.0"),
            ("diagnostics_Versions_Python", "3.11.7"),
            ("diagnostics_Configuration_Settings",
             "{'minimumROIDimensions': 2, 'minimumROISize': None, 'normalize': False, 'binWidth': 25, 'resampledPixelSpacing': [1, 1, 1]}"),
            ("diagnostics_Configuration_EnabledImageTypes", "{'Original': {}, 'Wavelet': {}, 'LoG': {'sigma': [3.0]}}"),
            ("diagnostics_Image-original_Hash", hash),
            ("diagnostics_Image-original_Dimensionality", "3D"),
            ("diagnostics_Image-original_Spacing", "(0.78125, 0.78125, 2.5)"),
            ("diagnostics_Image-original_Mean", String(imageMean)),
            ("diagnostics_Mask-original_VoxelNum", String(voxelCount)),
            ("diagnostics_Mask-original_VolumeNum", "1"),
        ]
    }
}
