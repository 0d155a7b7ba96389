import RGMap

/// The command line's name for each setting the library's messages refer to.
enum FlagNames {
    static func flag(_ setting: Setting) -> String {
        switch setting {
        case .features: "--features"
        case .omics: "--omics"
        case .mutations: "--mutations"
        case .covariates: "--covariates"
        case .geneSets: "--gene-sets"
        case .samplesIn: "--samples-in"
        case .idNormalize: "--id-normalize"
        case .dataset: "--dataset"
        case .log2: "--log2"
        case .minExpression: "--min-expression"
        case .minSamplesFraction: "--min-samples-fraction"
        case .topVariable: "--top-variable"
        case .completeGenes: "--complete-genes"
        case .missing: "--missing"
        case .power: "--power"
        case .precision: "--precision"
        case .maxBlockSize: "--max-block-size"
        case .saveTOM: "--save-tom"
        case .from: "--from"
        case .ranks: "--ranks"
        case .permutations: "--permutations"
        case .out: "--out"
        case .force: "--force"
        }
    }

    /// `message` with every setting spelled as its flag.
    static func render(_ message: Message) -> String { message.rendered(naming: flag) }
}
