/// Writes a simulated cohort as the files of `data/example`: the inputs in the
/// formats users have (PyRadiomics CSV, expression TSV, plain HDF5 and AnnData,
/// MAF, covariates TSV) and the planted truth under `truth/`.
public enum ExampleCohortWriter {
    /// File names inside the output folder.
    public static let files = [
        "features.csv", "omics.tsv", "omics.h5", "omics.h5ad", "mutations.maf", "covariates.tsv",
        "truth/modules.tsv", "truth/module_genes.tsv", "truth/features.tsv",
    ]

    /// Writes every file of ``files`` into `output`, each atomically.
    public static func write(_ cohort: SimulatedCohort, to output: OutputDirectory) throws {
        try output.writeTable("features.csv", delimiter: .comma,
                              header: cohort.featureTable.header, rows: cohort.featureTable.rows)
        try output.writeMatrix("omics.tsv", cohort.omics, corner: "gene")
        // gzip level 4 keeps the bundled HDF5 copies small; rgmap's own outputs are uncompressed.
        try output.writeByName("omics.h5") { try MatrixHDF5Writer.writePlain(cohort.omics, to: $0, gzipLevel: 4) }
        try output.writeByName("omics.h5ad") {
            try MatrixHDF5Writer.writeAnnData(cohort.omics.transposed(), to: $0, asFloat32: true, gzipLevel: 4)
        }
        try output.writeTable("mutations.maf", delimiter: .tab, header: cohort.maf.header, rows: cohort.maf.rows,
                              preamble: ["#version 2.4"])
        try output.writeTable("covariates.tsv", delimiter: .tab,
                              header: cohort.covariates.header, rows: cohort.covariates.rows)
        try writeTruth(cohort.truth, to: output)
    }

    private static func writeTruth(_ truth: PlantedTruth, to output: OutputDirectory) throws {
        try output.writeTable(
            "truth/modules.tsv", delimiter: .tab,
            header: ["module", "go_id", "go_term", "genes", "driver_mutation", "mutation_shift"],
            rows: truth.modules.map {
                [String($0.number), $0.goID, $0.goTerm, String($0.genes.count), $0.driverMutation ?? "NA",
                 String($0.mutationShift)]
            })
        let moduleGenes = truth.modules.flatMap { module in
            module.genes.sorted().map { [$0, String(module.number), String(truth.geneLoadings[$0] ?? .nan)] }
        }
        try output.writeTable("truth/module_genes.tsv", delimiter: .tab,
                              header: ["gene", "module", "loading"], rows: moduleGenes)
        let vendors = ["SIEMENS", "Philips"]
        try output.writeTable(
            "truth/features.tsv", delimiter: .tab,
            header: ["feature", "driver_modules", "loadings"] + vendors.map { "shift_\($0)" },
            rows: truth.features.map { feature in
                [feature.name,
                 feature.drivers.isEmpty ? "NA" : feature.drivers.map { String($0.module) }.joined(separator: ","),
                 feature.drivers.isEmpty ? "NA" : feature.drivers.map { String($0.loading) }.joined(separator: ",")]
                    + vendors.map { vendor in feature.scannerShift[vendor].map { String($0) } ?? "0.0" }
            })
    }
}
