import ArgumentParser
import Foundation
import RGMap

struct EnrichCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrich",
        abstract: "Over-representation and preranked GSEA of modules, feature-linked genes and gene lists against --gene-sets.",
        discussion: """
            ORA queries: each module of --from's network/modules.tsv (M1, M2, ...), each feature's positively and \
            negatively associated genes in --from's map (FEATURE:positive, FEATURE:negative), and every --gene-list. \
            GSEA: each feature of --from's map ranked by --rank-by, and every --ranks list. Writes \
            enrichment/ora.tsv, enrichment/gsea.tsv, enrichment/universe.txt and manifest.json.
            """)

    @OptionGroup(title: "Inputs") var inputs: InputFlags
    @OptionGroup(title: "Preprocessing") var preprocess: PreprocessFlags
    @OptionGroup(title: "What to test") var sources: EnrichmentSourceFlags
    @OptionGroup(title: "Enrichment") var enrich: EnrichmentFlags
    @OptionGroup(title: "Run") var common: CommonFlags

    func run() throws {
        guard common.out != nil else { throw ValidationError("enrich needs --out DIR") }
        guard inputs.geneSets != nil else { throw ValidationError("enrich needs --gene-sets FILE (GMT)") }
        try common.configureThreads()
        var settings = PipelineSettings(inputs: try inputs.settings(preprocess: preprocess), output: common.output)
        settings.enrichment = enrich.settings(sources: sources, seed: common.seed)
        settings.record = common.record("enrich", [inputs.parameters, preprocess.parameters, enrich.parameters, sources.parameters])
        _ = try Pipeline(settings: settings).run(log: common.console)
    }
}
