/// Settings of the association map.
public struct MapSettings: Sendable {
    public var association = AssociationOptions()
    /// Write `map/associations.h5` (r, p, q, n of every pair); the long table is always written.
    public var writeMatrices = true

    public init(association: AssociationOptions = AssociationOptions(), writeMatrices: Bool = true) {
        self.association = association
        self.writeMatrices = writeMatrices
    }
}

/// What the map stage hands on.
public struct MapResult: Sendable {
    /// Every feature x gene association; nil without expression (mutations only), and
    /// nil in a ``PipelineResult`` when later stages ran (the pipeline frees it once the
    /// heatmap and the enrichment have taken what they need).
    public var associations: AssociationMap?
    /// Pairs written to `map/associations.tsv`.
    public var pairsWritten: Int
    /// The mutated-versus-wild-type tests, with `mutations`.
    public var mutations: MutationMap?
}

/// The association map: every feature x gene correlation with p and q (and the mutation
/// tests when mutations are given). Writes `map/associations.tsv`, `map/associations.h5`
/// and `map/mutations.tsv`.
public struct MapStage: Sendable {
    public var settings: MapSettings

    public init(settings: MapSettings) { self.settings = settings }

    /// Maps `cohort` and writes `map/` as one stage of `run`.
    /// - Throws: ``AnalysisError`` (too few complete samples), ``NumericalError`` (the covariate
    ///   design), ``OutputError``; the stage's files are then removed.
    public func run(_ cohort: Cohort, in run: RunContext) throws -> MapResult {
        let output = run.requireOutput()
        let options = settings.association
        return try run.stage("map") {
            var result = MapResult(associations: nil, pairsWritten: 0, mutations: nil)
            if cohort.omics != nil {
                (result.associations, result.pairsWritten) = try run.time("association map") {
                    let step = run.log.step("correlating")
                    let matrices = settings.writeMatrices ? try AssociationMatrixFile(output: output) : nil
                    var computed: AssociationMap?
                    do {
                        let associations = try AssociationMapper.map(cohort, options: options, progress: step.callback,
                                                                     stageCompleted: matrices?.write)
                        computed = associations
                        for warning in associations.warnings { run.log.warning(warning) }
                        step.finish(Message("map: \(associations.featureCount) features x \(associations.geneCount) genes, "
                                            + "\(options.method.rawValue)" + Self.adjustment(associations)))
                        let writing = run.log.step("writing the map")
                        let kept = try AssociationWriter.writeTable(associations, to: output)
                        try matrices?.finish(associations)
                        writing.finish(Message("\(kept) pairs with q <= \(options.maxQ) (\(options.fdr.rawValue), \(options.fdrScope.rawValue)) "
                                               + "in \(output.url("map/associations.tsv").path)"))
                        return (associations, kept)
                    } catch {
                        // Queued writes of the matrix file read the map's q in place: stop them while the
                        // map is alive, and before the stage removes its files.
                        withExtendedLifetime(computed) { matrices?.cancel() }
                        throw error
                    }
                }
            }
            if cohort.mutations != nil {
                result.mutations = try run.time("mutation tests") {
                    let mutations = try MutationAssociation.test(cohort, options: options)
                    try AssociationWriter.writeMutations(mutations, to: output)
                    run.log.note(Message("mutations: \(mutations.rows.count) feature x gene tests; \(mutations.skippedGenes.count) genes "
                                         + "mutated in fewer than \(options.minMutated) samples (or in all) skipped"))
                    return mutations
                }
            }
            return result
        }
    }

    /// `, adjusted for age, sex` or nothing.
    static func adjustment(_ map: AssociationMap) -> String {
        map.covariateColumns.isEmpty ? "" : ", adjusted for \(map.covariateColumns.joined(separator: ", "))"
    }
}
