import Testing
@testable import RGMap

/// ``ModuleDetectionOptions``: every default is WGCNA 1.72 blockwiseModules' (its formals,
/// scripts/make_network_unit_fixtures.R), and the options reach the tree cut as blockwiseModules
/// passes them to cutreeDynamic.
///
/// WGCNA's default minModuleSize = min(20, genes/2) is fractional for an odd gene count under
/// 40, and the fraction changes the tree cut's core size; on the odd data sets
/// (scripts/make_odd_module_fixtures.R) it decides whether R finds a module at all.
@Suite struct ModuleDetectionOptionsTests {
    /// R's defaults of `function`, evaluated: argument -> value ("NA" when it depends on other arguments).
    static func defaults(of function: String) throws -> [String: String] {
        let rows = try RFixtures.table("unit_function_defaults.tsv", in: "network").filter { $0["function_name"] == function }
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["argument"]!, $0["evaluated"]!) })
    }

    @Test func everyDefaultIsBlockwiseModules() throws {
        let r = try Self.defaults(of: "blockwiseModules"), options = ModuleDetectionOptions()
        #expect(options.power == Double(r["power"]!) && options.deepSplit == Int(r["deepSplit"]!))
        #expect(options.networkType.rawValue == r["networkType"] && options.tomType?.rawValue == r["TOMType"])
        #expect(options.correlation.rawValue == r["corType"])
        #expect(options.detectCutHeight == Double(r["detectCutHeight"]!) && options.mergeCutHeight == Double(r["mergeCutHeight"]!))
        #expect(options.minCoreKME == Double(r["minCoreKME"]!) && options.minKMEToStay == Double(r["minKMEtoStay"]!))
        #expect(options.reassignThreshold == Double(r["reassignThreshold"]!))
        #expect(options.pamStage == (r["pamStage"] == "TRUE") && options.pamRespectsDendro == (r["pamRespectsDendro"] == "TRUE"))
        #expect(r["maxCoreScatter"] == "NULL" && options.maxCoreScatter == nil && r["minGap"] == "NULL" && options.minGap == nil)
        // Defaults derived from other arguments (min(20, ncol/2), minModuleSize/3) are derived when used.
        #expect(r["minModuleSize"] == "NA" && options.minModuleSize == nil && r["minCoreKMESize"] == "NA" && options.minCoreKMESize == nil)
        // The one documented difference: WGCNA splits more than 5000 genes into blocks, rgmap only when asked.
        #expect(r["maxBlockSize"] == "5000" && options.maxBlockSize == nil)
        #expect(options.precision == .double)
    }

    @Test func theTreeCutGetsWhatBlockwiseModulesPassesToCutreeDynamic() {
        var options = ModuleDetectionOptions()
        options.detectCutHeight = 0.9
        options.deepSplit = 3
        options.minModuleSize = 12
        options.maxCoreScatter = 0.8
        options.minGap = 0.1
        options.pamStage = false
        options.pamRespectsDendro = false
        let cut = options.treeCut(genes: 1000)
        #expect(cut == HybridTreeCutOptions(cutHeight: 0.9, minClusterSize: 12, deepSplit: 3, maxCoreScatter: 0.8, minGap: 0.1,
                                            pamStage: false, pamRespectsDendro: false))
        // Not passed by blockwiseModules, so cutreeHybrid's own: respectSmallClusters on, maxPamDist the cut height.
        #expect(cut.respectSmallClusters && cut.maxPamDistance == nil)
        #expect(ModuleDetectionOptions().treeCut(genes: 1000).minClusterSize == 20)
    }

    static func labels(_ name: String) throws -> [[String: String]] {
        try RFixtures.table("\(name)_labels.tsv", in: "modules_odd")
    }

    @Test(arguments: ["odd9", "odd13", "odd15"])
    func defaultsMatchBlockwiseModules(name: String) throws {
        let expression = try NumericTableReader.read(path: Fixtures.path("modules_odd/\(name)_expr.tsv")).matrix
        let rows = try Self.labels(name)
        let detection = try ModuleDetection(expression, options: ModuleDetectionOptions())
        #expect(detection.treeCutLabels == ModuleDetectionTests.column(rows, "cut"))
        #expect(detection.unmergedLabels == ModuleDetectionTests.column(rows, "unmerged"))
        #expect(detection.labels == ModuleDetectionTests.column(rows, "merged"))
        // The size rounded up, given explicitly, gives R's labels for that size: no module.
        var roundedUp = ModuleDetectionOptions()
        roundedUp.minModuleSize = (expression.rowCount + 1) / 2
        let up = try ModuleDetection(expression, options: roundedUp)
        #expect(up.treeCutLabels == ModuleDetectionTests.column(rows, "cut_up"))
        #expect(up.labels == ModuleDetectionTests.column(rows, "merged_up"))
        #expect(up.labels != detection.labels)
    }

    @Test func theDefaultKeepsTheFraction() {
        let options = ModuleDetectionOptions()
        #expect(options.minModuleSize(genes: 9) == 4.5)
        #expect(options.minModuleSize(genes: 39) == 19.5)
        #expect(options.minModuleSize(genes: 41) == 20)
        #expect(options.treeCut(genes: 15).minClusterSize == 7.5)
    }
}
