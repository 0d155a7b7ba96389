import ArgumentParser
import RGMap

/// Settings of the association map.
struct MapFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Correlation: pearson, spearman or bicor (WGCNA's biweight midcorrelation).", valueName: "method"))
    var method: CorrelationMethod = .pearson

    @Option(help: ArgumentHelp("Multiple-testing adjustment: bh, by, bonferroni or none (R's p.adjust).", valueName: "method"))
    var fdr: FDRMethod = .bh

    @Option(name: .customLong("fdr-scope"),
            help: ArgumentHelp("Adjust over all pairs at once (global) or each feature's pairs (per-feature).", valueName: "scope"))
    var fdrScope: FDRScope = .global

    @Option(name: .customLong("max-q"),
            help: ArgumentHelp("Pairs with q at most this go into map/associations.tsv (1 keeps every pair whose q is defined).", valueName: "q"))
    var maxQ: Double = 0.05

    @Option(help: ArgumentHelp("Missing values: pairwise (each pair over its complete samples) or complete (only samples with no missing value).", valueName: "policy"))
    var missing: MissingValuePolicy = .pairwise

    @Option(name: .customLong("min-mutated"),
            help: ArgumentHelp("Test only genes mutated in at least this many samples.", valueName: "n"))
    var minMutated: Int = 3

    @Option(name: .customLong("mutation-test"),
            help: ArgumentHelp("Test behind the mutation q-values: wilcoxon or t (Welch).", valueName: "test"))
    var mutationTest: MutationTest = .wilcoxon

    @Option(help: ArgumentHelp("Full r, p, q, n matrices: h5 writes map/associations.h5, none skips it (the long table is always written).", valueName: "format"))
    var matrices: MatrixOutput = .h5

    enum MatrixOutput: String, ExpressibleByArgument, CaseIterable {
        case h5
        case none
    }

    func validate() throws {
        guard (0...1).contains(maxQ) else { throw ValidationError("--max-q must be between 0 and 1") }
        guard minMutated >= 1 else { throw ValidationError("--min-mutated must be at least 1") }
    }

    var settings: MapSettings {
        MapSettings(association: AssociationOptions(method: method, missing: missing, fdr: fdr, fdrScope: fdrScope, maxQ: maxQ,
                                                    minMutated: minMutated, mutationTest: mutationTest),
                    writeMatrices: matrices == .h5)
    }

    var parameters: [String: String] {
        ["method": method.rawValue, "fdr": fdr.rawValue, "fdr-scope": fdrScope.rawValue, "max-q": String(maxQ),
         "missing": missing.rawValue, "min-mutated": String(minMutated), "mutation-test": mutationTest.rawValue,
         "matrices": matrices.rawValue]
    }
}

extension CorrelationMethod: ExpressibleByArgument {}
extension FDRMethod: ExpressibleByArgument {}
extension FDRScope: ExpressibleByArgument {}
extension MissingValuePolicy: ExpressibleByArgument {}
extension MutationTest: ExpressibleByArgument {}
