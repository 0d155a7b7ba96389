import ArgumentParser
import Foundation
import RGMap

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate a radiogenomic cohort with planted modules, feature links and mutation effects.",
        discussion: """
            Writes features.csv (PyRadiomics batch layout), omics.tsv, omics.h5, omics.h5ad, \
            mutations.maf, covariates.tsv and the planted truth in truth/. Module genes are real \
            GO Biological Process sets taken from --gene-sets. `rgmap simulate --seed 1` made data/example.
            """)

    @Option(name: .customLong("gene-sets"),
            help: ArgumentHelp("GMT of GO Biological Process sets to draw genes and modules from.", valueName: "file"))
    var geneSets: String = "data/genesets/go_bp.gmt.gz"

    @Option(help: ArgumentHelp("Number of genes.", valueName: "n"))
    var genes = 5000

    @Option(help: ArgumentHelp("Patients with both images and expression (imaged: 6 more; sequenced: 5 fewer).", valueName: "n"))
    var patients = 150

    @OptionGroup(title: "Run") var common: CommonFlags

    func run() throws {
        guard let out = common.out else { throw ValidationError("simulate needs --out DIR") }
        let output = try OutputDirectory(path: out, force: common.force)
        let console = common.console
        let sets = try InputLoader.loadGeneSets(path: geneSets)
        guard (20...850).contains(patients) else { throw ValidationError("--patients must be between 20 and 850, got \(patients)") }
        var options = SimulationOptions(seed: common.seed)
        options.genes = genes
        options.profiledPatients = patients
        options.imagedPatients = patients + 6
        options.sequencedPatients = patients - 5
        let step = console.step("simulating")
        let cohort = try ExampleCohortSimulator.simulate(options, geneSets: sets)
        try ExampleCohortWriter.write(cohort, to: output)
        step.finish("simulated \(cohort.omics.rowCount) genes x \(cohort.omics.columnCount) expression samples, "
                    + "\(cohort.featureTable.rows.count) imaged patients, \(cohort.truth.modules.count) modules; wrote \(out)")
    }
}
