import ArgumentParser
import Foundation
import RGMap

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Feature x gene association map: r, p and FDR for every pair, adjusted for covariates when given.",
        discussion: """
            Writes map/associations.tsv (pairs with q <= --max-q), map/associations.h5 (r, p, q, n for \
            every pair; --matrices none skips it), map/mutations.tsv with --mutations, and manifest.json.
            """)

    @OptionGroup(title: "Inputs") var inputs: InputOptions
    @OptionGroup(title: "Preprocessing") var preprocess: PreprocessFlags
    @OptionGroup(title: "Association") var map: MapOptions
    @OptionGroup(title: "Run") var common: CommonOptions

    func run() throws {
        guard let out = common.out else { throw ValidationError("map needs --out DIR") }
        guard inputs.features != nil, inputs.omics != nil || inputs.mutations != nil else {
            throw ValidationError("map needs --features and --omics (and/or --mutations)")
        }
        try common.configureThreads()
        let output = try OutputDirectory(path: out, force: common.force)
        let console = common.console
        let pipeline = InputPipeline(inputs: inputs, preprocess: preprocess, console: console)
        var result = try pipeline.run()
        let cohort = result.cohort!
        let options = map.options
        if cohort.omics != nil {
            let started = Date()
            let step = console.step("correlating")
            let matrices = map.matrices == .h5 ? try AssociationMatrixFile(output: output) : nil
            let associations = try AssociationMapper.map(cohort, options: options, progress: step.callback,
                                                         stageCompleted: matrices?.write)
            for warning in associations.warnings { console.warning(warning) }
            step.finish("map: \(associations.featureCount) features x \(associations.geneCount) genes, \(options.method.rawValue)"
                        + (associations.covariateColumns.isEmpty ? "" : ", adjusted for \(associations.covariateColumns.joined(separator: ", "))"))
            let writing = console.step("writing the map")
            let kept = try AssociationWriter.writeTable(associations, to: output)
            try matrices?.finish(associations)
            writing.finish("\(kept) pairs with q <= \(options.maxQ) (\(options.fdr.rawValue), \(options.fdrScope.rawValue)) in \(output.url("map/associations.tsv").path)")
            result.steps.append(("association map", Date().timeIntervalSince(started)))
        }
        if cohort.mutations != nil {
            let started = Date()
            let mutations = try MutationAssociation.test(cohort, options: options)
            try AssociationWriter.writeMutations(mutations, to: output)
            console.note("mutations: \(mutations.rows.count) feature x gene tests; \(mutations.skippedGenes.count) genes mutated in fewer than \(options.minMutated) samples (or in all) skipped")
            result.steps.append(("mutation tests", Date().timeIntervalSince(started)))
        }
        let manifest = try pipeline.manifest(result, command: "map", extra: common.parameters.merging(map.parameters) { a, _ in a })
        try output.write("manifest.json", data: manifest.encoded())
    }
}
