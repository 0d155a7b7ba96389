import ArgumentParser
import RGMap

extension RankStatistic: ExpressibleByArgument {}

/// Settings of the enrichment (`rgmap enrich` and `rgmap run`): which sets, how queries are
/// formed from the map, and how GSEA runs.
struct EnrichmentFlags: ParsableArguments {
    @Option(name: .customLong("min-size"), help: ArgumentHelp("Smallest gene set tested, counted within the universe.", valueName: "n"))
    var minSize: Int = 10

    @Option(name: .customLong("max-size"), help: ArgumentHelp("Largest gene set tested, counted within the universe.", valueName: "n"))
    var maxSize: Int = 500

    @Option(name: .customLong("ora-q"), help: ArgumentHelp("A feature's associated genes for ORA: map q at most this.", valueName: "q"))
    var oraQ: Double = 0.05

    @Option(name: .customLong("ora-max-genes"), help: ArgumentHelp("At most this many of a feature's genes per direction, most significant first.", valueName: "n"))
    var oraMaxGenes: Int = 500

    @Flag(name: .customLong("all-sets"), help: "List every tested set in ora.tsv, also those without overlap.")
    var allSets = false

    @Option(name: .customLong("rank-by"), help: ArgumentHelp("Statistic ranking a feature's genes for GSEA: r, t or signed-log10p.", valueName: "stat"))
    var rankBy: RankStatistic = .r

    @Option(help: ArgumentHelp("Random gene sets per set size for GSEA's NES and p (fgsea's nPermSimple).", valueName: "n"))
    var permutations: Int = 1000

    @Option(name: .customLong("multilevel-sample-size"), help: ArgumentHelp("Population of the multilevel p estimate (odd; fgsea's sampleSize).", valueName: "n"))
    var multilevelSampleSize: Int = 101

    @Option(name: .customLong("gsea-eps"), help: ArgumentHelp("GSEA p-values below this are reported as it; 0 estimates every one (fgsea's eps).", valueName: "p"))
    var gseaEps: Double = 1e-50

    @Option(name: .customLong("gsea-max-q"), help: ArgumentHelp("Rows of gsea.tsv with q at most this (1 keeps every row).", valueName: "q"))
    var gseaMaxQ: Double = 1

    @Option(help: ArgumentHelp("Run over-representation analysis.", valueName: "true|false"))
    var ora: Bool = true

    @Option(help: ArgumentHelp("Run preranked GSEA.", valueName: "true|false"))
    var gsea: Bool = true

    mutating func validate() throws {
        guard minSize >= 1, maxSize >= minSize else { throw ValidationError("--min-size must be at least 1 and at most --max-size") }
        guard (0...1).contains(oraQ) else { throw ValidationError("--ora-q must be between 0 and 1") }
        guard oraMaxGenes >= 1 else { throw ValidationError("--ora-max-genes must be at least 1") }
        guard permutations >= 1 else { throw ValidationError("--permutations must be at least 1") }
        guard multilevelSampleSize >= 3, multilevelSampleSize % 2 == 1 else { throw ValidationError("--multilevel-sample-size must be odd and at least 3") }
        guard (0...1).contains(gseaEps) else { throw ValidationError("--gsea-eps must be between 0 and 1") }
        guard (0...1).contains(gseaMaxQ) else { throw ValidationError("--gsea-max-q must be between 0 and 1") }
    }

    /// The library's enrichment settings, with what `sources` names to test and `seed` for GSEA.
    func settings(sources: EnrichmentSourceFlags? = nil, seed: UInt64) -> EnrichmentSettings {
        var settings = EnrichmentSettings()
        settings.minSize = minSize
        settings.maxSize = maxSize
        settings.oraQ = oraQ
        settings.oraMaxGenes = oraMaxGenes
        settings.allSets = allSets
        settings.rankBy = rankBy
        settings.gsea.permutations = permutations
        settings.gsea.sampleSize = multilevelSampleSize
        settings.gsea.eps = gseaEps
        settings.gsea.seed = seed
        settings.runORA = ora
        settings.runGSEA = gsea
        settings.gseaMaxQ = gseaMaxQ
        if let sources {
            settings.from = sources.from
            settings.geneLists = sources.geneLists
            settings.ranks = sources.ranks
            settings.universe = sources.universe
        }
        return settings
    }

    var parameters: [String: String] {
        ["min-size": String(minSize), "max-size": String(maxSize), "ora-q": String(oraQ), "ora-max-genes": String(oraMaxGenes),
                      "rank-by": rankBy.rawValue, "permutations": String(permutations), "multilevel-sample-size": String(multilevelSampleSize),
                      "gsea-eps": String(gseaEps), "gsea-max-q": String(gseaMaxQ), "ora": String(ora), "gsea": String(gsea),
                      "all-sets": String(allSets)]
    }
}

/// What `rgmap enrich` tests besides the gene sets: an earlier run's results, gene lists,
/// ranked lists, and the universe.
struct EnrichmentSourceFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Earlier output folder: tests its network/modules.tsv (ORA per module) and map/associations.h5 (ORA of each feature's genes, GSEA of each feature's ranking).", valueName: "dir"))
    var from: String?

    @Option(name: .customLong("gene-list"), help: ArgumentHelp("Query lists for ORA: a GMT, or one gene per line (the list named by the file); repeatable.", valueName: "file"))
    var geneLists: [String] = []

    @Option(help: ArgumentHelp("Preranked lists for GSEA: a .rnk file (gene<TAB>score) or a folder of them (each named by its file).", valueName: "file|dir"))
    var ranks: String?

    @Option(help: ArgumentHelp("Universe, one gene per line (default: the genes of --omics after preprocessing, else of the map or modules in --from, else of the GMT).", valueName: "file"))
    var universe: String?

    func validate() throws {
        guard from != nil || !geneLists.isEmpty || ranks != nil else {
            throw ValidationError("enrich needs something to test: --from DIR, --gene-list FILE or --ranks FILE|DIR")
        }
    }

    var parameters: [String: String] {
        var values: [String: String] = [:]
        if let from { values["from"] = from }
        if let ranks { values["ranks"] = ranks }
        if let universe { values["universe"] = universe }
        if !geneLists.isEmpty { values["gene-list"] = geneLists.joined(separator: ",") }
        return values
    }
}
