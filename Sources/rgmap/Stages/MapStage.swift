import Foundation
import RGMap

/// The association map of `rgmap map` and `rgmap run`: computes it, writes `map/`, and
/// hands the map back with the number of pairs written to the long table (nil without
/// expression) for what comes after.
enum MapStage {
    static func run(_ cohort: Cohort, settings: MapOptions, output: OutputDirectory, console: Console,
                    steps: inout StepLog) throws -> (map: AssociationMap, keptPairs: Int)? {
        let options = settings.options
        var result: (map: AssociationMap, keptPairs: Int)?
        if cohort.omics != nil {
            result = try steps.time("association map") {
                let step = console.step("correlating")
                let matrices = settings.matrices == .h5 ? try AssociationMatrixFile(output: output) : nil
                let associations = try AssociationMapper.map(cohort, options: options, progress: step.callback,
                                                             stageCompleted: matrices?.write)
                for warning in associations.warnings { console.warning(warning) }
                step.finish("map: \(associations.featureCount) features x \(associations.geneCount) genes, \(options.method.rawValue)"
                            + (associations.covariateColumns.isEmpty ? "" : ", adjusted for \(associations.covariateColumns.joined(separator: ", "))"))
                let writing = console.step("writing the map")
                let kept = try AssociationWriter.writeTable(associations, to: output)
                try matrices?.finish(associations)
                writing.finish("\(kept) pairs with q <= \(options.maxQ) (\(options.fdr.rawValue), \(options.fdrScope.rawValue)) in \(output.url("map/associations.tsv").path)")
                return (associations, kept)
            }
        }
        if cohort.mutations != nil {
            try steps.time("mutation tests") {
                let mutations = try MutationAssociation.test(cohort, options: options)
                try AssociationWriter.writeMutations(mutations, to: output)
                console.note("mutations: \(mutations.rows.count) feature x gene tests; \(mutations.skippedGenes.count) genes mutated in fewer than \(options.minMutated) samples (or in all) skipped")
            }
        }
        return result
    }
}
