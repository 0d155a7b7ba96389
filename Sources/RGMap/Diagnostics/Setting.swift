/// A setting of the pipeline that a message can name.
///
/// The library never spells a setting the way one front end does: a message refers to
/// a setting by one of these cases (see ``Message``), and whoever prints the message
/// names it in its own vocabulary (the command line as a flag, a Swift caller as the
/// property of its settings value). The raw value is a short name for messages read
/// without a front end (``Message/description``); the comment of each case says where the
/// setting lives.
public enum Setting: String, Sendable, Codable, CaseIterable {
    // The input files: ``InputSettings``'s properties of these names.
    case features, omics, mutations, covariates, geneSets
    /// ``InputSettings/matching``'s `sampleAxis`.
    case samplesIn
    /// ``InputSettings/matching``'s `normalization`.
    case idNormalize
    /// ``InputSettings/load``'s `hdf5Dataset`.
    case dataset
    // Preprocessing: ``PreprocessOptions``'s properties of these names.
    case log2, minExpression, minSamplesFraction, topVariable, completeGenes
    /// ``MapSettings/association``'s `missing`.
    case missing
    /// ``NetworkSettings/power``.
    case power
    /// ``NetworkSettings/detection``'s `precision` and `maxBlockSize`.
    case precision, maxBlockSize
    /// ``NetworkSettings/saveTOM``.
    case saveTOM
    /// ``EnrichmentSettings``'s `from` and `ranks`; `permutations` is its `gsea.permutations`.
    case from, ranks, permutations
    /// ``OutputSettings/path`` and ``OutputSettings/force``.
    case out, force
}
