import ArgumentParser
import RGMap

/// Preprocessing of the expression data before any statistics.
struct PreprocessFlags: ParsableArguments {
    @Flag(help: "Transform expression values x to log2(x + 1) (for counts, TPM, FPKM).")
    var log2 = false

    @Option(name: .customLong("min-expression"),
            help: ArgumentHelp("Keep genes with a value >= X in at least --min-samples-fraction of samples.", valueName: "x"))
    var minExpression: Double?

    @Option(name: .customLong("min-samples-fraction"),
            help: ArgumentHelp("Fraction of samples for --min-expression.", valueName: "f"))
    var minSamplesFraction: Double = 0.5

    @Option(name: .customLong("top-variable"),
            help: ArgumentHelp("Keep only the N genes of largest variance.", valueName: "n"))
    var topVariable: Int?

    @Flag(name: .customLong("complete-genes"), help: "Keep only genes with a value in every matched sample (modules need them).")
    var completeGenes = false

    var options: PreprocessOptions {
        PreprocessOptions(log2: log2, minExpression: minExpression,
                          minSamplesFraction: minSamplesFraction, topVariable: topVariable, completeGenes: completeGenes)
    }

    var parameters: [String: String] {
        var values = ["log2": String(log2), "min-samples-fraction": String(minSamplesFraction), "complete-genes": String(completeGenes)]
        if let minExpression { values["min-expression"] = String(minExpression) }
        if let topVariable { values["top-variable"] = String(topVariable) }
        return values
    }
}
