import Foundation
import Testing
@testable import RGMap

/// End-to-end checks of the `rgmap` executable: what users see on stdout and stderr,
/// exit codes, and that failures write nothing.
@Suite struct CLITests {
    static let fixtureCohort = ["--features", "formats/features_pyradiomics.csv", "--omics", "formats/omics.tsv",
                                "--mutations", "formats/mutations.maf", "--covariates", "formats/covariates.tsv",
                                "--gene-sets", "formats/genesets.gmt", "--id-normalize", "tcga-patient"]

    @Test func inspectPrintsTheSummaryOfEveryTable() throws {
        let result = try CommandRunner.run(["inspect", "--quiet"] + Self.fixtureCohort)
        #expect(result.status == 0)
        // --quiet silences notes and progress, not warnings: one feature and one gene miss 1 of the 4 samples.
        let missing = "missing in more than 20% of the samples (e.g. %@): each of their pairs uses only the samples where both values are present"
        #expect(result.stderr == "rgmap: warning: features: 1 feature " + missing.replacingOccurrences(of: "%@", with: "'original_firstorder_Mean'") + "\n"
                + "rgmap: warning: omics: 1 gene " + missing.replacingOccurrences(of: "%@", with: "'EGFR'") + "\n")
        try Snapshot.assert(result.stdout, matches: "inspect_fixture_cohort.txt")
    }

    @Test func inspectReportsProgressAndNotesOnStderr() throws {
        let result = try CommandRunner.run(["inspect"] + Self.fixtureCohort)
        #expect(result.status == 0)
        #expect(result.stderr.contains("rgmap: omics: formats/omics.tsv, TSV, 6 x 5 ("))
        #expect(result.stderr.contains("rgmap:   dropped 5 non-feature columns (3 diagnostics_*; 2 text: Image, Mask)"))
        #expect(result.stderr.contains("rgmap: samples: 4 matched (ID match tcga-patient); unmatched: features 2 of 6, omics 1 of 5, mutations 1 of 5, covariates 2 of 6; 1 dropped for a missing covariate\n"))
    }

    struct FormatCase: Sendable, CustomTestStringConvertible {
        var file: String
        var extra: [String] = []
        var format: String
        var samplesLine: String
        var testDescription: String { file }
    }

    static let formatCases = [
        FormatCase(file: "formats/omics.tsv", format: "TSV", samplesLine: "in columns (label overlap with the other tables)"),
        FormatCase(file: "formats/omics.tsv.gz", format: "TSV, gzip", samplesLine: "in columns (label overlap with the other tables)"),
        FormatCase(file: "formats/omics.gct", format: "TSV", samplesLine: "in columns (label overlap with the other tables)"),
        FormatCase(file: "formats/omics_samples_in_rows.csv", format: "CSV", samplesLine: "in rows (label overlap with the other tables)"),
        FormatCase(file: "formats/omics_plain.h5", format: "HDF5 (plain 2-D dataset matrix)", samplesLine: "in columns (label overlap with the other tables)"),
        FormatCase(file: "formats/omics_rhdf5.h5", extra: ["--dataset", "expr/values,expr/genes,expr/samples"],
                   format: "HDF5 (plain 2-D dataset expr/values)", samplesLine: "in columns (label overlap with the other tables)"),
        FormatCase(file: "formats/omics_dense.h5ad", format: "HDF5 AnnData (.h5ad), X dense", samplesLine: "in rows (AnnData: obs are samples)"),
        FormatCase(file: "formats/counts_csr.h5ad", format: "HDF5 AnnData (.h5ad), X sparse CSR", samplesLine: "in rows (AnnData: obs are samples)"),
        FormatCase(file: "formats/counts_csc.h5ad", format: "HDF5 AnnData (.h5ad), X sparse CSC", samplesLine: "in rows (AnnData: obs are samples)"),
        FormatCase(file: "formats/tenx_v3.h5", format: "HDF5 10x Genomics (CSC matrix)", samplesLine: "in columns (10x: barcodes are samples)"),
    ]

    @Test(arguments: formatCases)
    func inspectLoadsEveryOmicsFormat(_ format: FormatCase) throws {
        let result = try CommandRunner.run(["inspect", "--quiet", "--features", "formats/features_pyradiomics.csv",
                                            "--omics", format.file, "--id-normalize", "tcga-patient"] + format.extra)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let omics = try #require(lines.firstIndex(of: "omics \(format.file)"))
        #expect(lines[omics + 1] == "  format      \(format.format)")
        #expect(lines[omics + 2].hasPrefix("  size        "))
        #expect(lines[omics + 3] == "  samples     \(format.samplesLine)")
        #expect(lines.contains("  matched     5 samples in the cohort"))
        #expect(lines.contains("  features    6 IDs, 5 matched, 1 unmatched: TCGA-AA-0006"))
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        var error: String
        var testDescription: String { name }
    }

    /// The malformed inputs of Fixtures/bad/cases.tsv: name, arguments, expected one-line error.
    static let badCases: [BadCase] = {
        let text = try! String(contentsOfFile: Fixtures.path("bad/cases.tsv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return BadCase(name: fields[0], arguments: fields[1].split(separator: " ").map(String.init), error: fields[2])
        }
    }()

    @Test func badInputCorpusHasFortyCases() {
        #expect(Self.badCases.count >= 40)
        #expect(Set(Self.badCases.map(\.name)).count == Self.badCases.count)
    }

    @Test(arguments: badCases)
    func badInputGivesOneLineAndWritesNothing(_ bad: BadCase) throws {
        let out = Fixtures.scratchFolder() + "/out"
        let result = try CommandRunner.run(["inspect", "--quiet", "--out", out] + bad.arguments)
        #expect(result.status == 1)
        #expect(result.stderr == "rgmap: error: \(bad.error)\n")
        #expect(result.stdout == "")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func readOnlyInputsAreReadAndLeftAsTheyWere() throws {
        let folder = Fixtures.scratchFolder()
        var arguments: [String] = []
        var digests: [String: String] = [:]
        for (flag, file) in [("--features", "formats/features_pyradiomics.csv"), ("--omics", "formats/omics_plain.h5"),
                             ("--mutations", "formats/mutations.maf"), ("--gene-sets", "formats/genesets.gmt")] {
            let copy = folder + "/" + (file as NSString).lastPathComponent
            try FileManager.default.copyItem(atPath: Fixtures.path(file), toPath: copy)
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: copy)
            digests[copy] = try SHA256.hexDigest(ofFileAt: copy)
            arguments += [flag, copy]
        }
        let result = try CommandRunner.run(["inspect", "--quiet", "--id-normalize", "tcga-patient", "--out", folder + "/out"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        for (copy, digest) in digests {
            #expect(try SHA256.hexDigest(ofFileAt: copy) == digest)
            #expect((try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int) == 0o444)
        }
    }

    @Test func inspectWritesAManifestAndRefusesToOverwrite() throws {
        let out = Fixtures.scratchFolder() + "/out"
        let first = try CommandRunner.run(["inspect", "--quiet", "--out", out] + Self.fixtureCohort)
        #expect(first.status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))
        let manifest = try JSONDecoder().decode(Manifest.self, from: data)
        #expect(manifest.command == ["rgmap", "inspect", "--quiet", "--out", out] + Self.fixtureCohort)
        #expect(manifest.inputs.map(\.role) == ["features", "omics", "mutations", "covariates", "gene-sets"])
        #expect(manifest.inputs[1].sha256 == (try SHA256.hexDigest(ofFileAt: Fixtures.path("formats/omics.tsv"))))
        #expect(manifest.sampleMatching?.samples == ["TCGA-AA-0001", "TCGA-AA-0002", "TCGA-AA-0003", "TCGA-AA-0004"])
        #expect(manifest.parameters["id-normalize"] == "tcga-patient")
        #expect(manifest.steps.map(\.name).contains("match samples and preprocess"))

        let second = try CommandRunner.run(["inspect", "--quiet", "--out", out] + Self.fixtureCohort)
        #expect(second.status == 1)
        #expect(second.stderr == "rgmap: error: --out \(out) exists and is not empty: choose a new folder or pass --force to write into it\n")
        let forced = try CommandRunner.run(["inspect", "--quiet", "--force", "--out", out] + Self.fixtureCohort)
        #expect(forced.status == 0)
    }

    @Test func demoRunsThePipelineAndReportsWhatItRecovered() throws {
        let out = Fixtures.scratchFolder() + "/demo"
        let result = try CommandRunner.run(["demo", "--quiet", "--out", out], in: Fixtures.repository)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  modules: 9 of 9 planted modules recovered (Jaccard >= 0.5); adjusted Rand index "))
        #expect(result.stdout.contains("  feature-module links: "))
        #expect(result.stdout.contains("planted 9 GO:0140467 integrated stress response signaling (36 genes) -> M"))
        for file in ["report.html", "manifest.json", "map/associations.h5", "network/hubs.tsv", "enrichment/ora.tsv", "heatmap/modules.tsv"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file)")
        }
    }

    @Test func helpListsEveryCommand() throws {
        let result = try CommandRunner.run(["--help"])
        for command in ["inspect", "map", "modules", "enrich", "run", "demo", "simulate"] {
            #expect(result.stdout.contains("  \(command) "), "\(command) missing from --help")
        }
    }
}
