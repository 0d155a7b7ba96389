import Foundation

/// Writes the `network/` tables of `rgmap modules` (docs/formats.md).
public enum NetworkWriter {
    /// `network/soft_threshold.tsv`: `power sft_r2 slope truncated_r2 mean_k median_k max_k signed_r2`.
    public static func writeSoftThreshold(_ table: [SoftThreshold.Row], to output: OutputDirectory) throws {
        let rows = table.map { row in
            [String(row.power)] + [row.fit.rSquared, row.fit.slope, row.fit.truncatedRSquared, row.meanK, row.medianK, row.maxK,
                                   row.fit.signedRSquared].map(NumberText.text)
        }
        try output.writeTable("network/soft_threshold.tsv", delimiter: .tab,
                              header: ["power", "sft_r2", "slope", "truncated_r2", "mean_k", "median_k", "max_k", "signed_r2"], rows: rows)
    }

    /// `network/modules.tsv`: `gene module color kme k_within k_total block` (kme: to the
    /// gene's own module, NA in module 0; block: the network the gene was in, NA for genes
    /// left out).
    public static func writeModules(genes: [String], detection: ModuleDetection, statistics: ModuleStatistics,
                                    to output: OutputDirectory) throws {
        let labels = detection.labels
        let own = statistics.ownKME(labels: labels)
        var block = [String](repeating: "NA", count: genes.count)
        for (number, members) in detection.blocks.enumerated() { for gene in members.genes { block[gene] = String(number + 1) } }
        let rows = genes.indices.map { gene in
            [genes[gene], String(labels[gene]), ModuleColors.color(of: labels[gene])]
                + [own[gene], statistics.kWithin[gene], statistics.kTotal[gene]].map(NumberText.text) + [block[gene]]
        }
        try output.writeTable("network/modules.tsv", delimiter: .tab,
                              header: ["gene", "module", "color", "kme", "k_within", "k_total", "block"], rows: rows)
    }

    /// `network/eigengenes.tsv`: `sample ME1 ... ME0`.
    public static func writeEigengenes(_ statistics: ModuleStatistics, to output: OutputDirectory) throws {
        try output.writeMatrix("network/eigengenes.tsv", statistics.eigengenes.transposed(), corner: "sample")
    }

    /// `network/kme.tsv`: `gene kME1 ... kME0 p_kME1 ... p_kME0`.
    public static func writeKME(genes: [String], _ statistics: ModuleStatistics, to output: OutputDirectory) throws {
        let m = statistics.modules.count
        let names = statistics.modules.map { "kME\($0)" }
        let rows = genes.indices.map { gene in
            [genes[gene]] + statistics.kme[(gene * m)..<((gene + 1) * m)].map(NumberText.text)
                + statistics.kmeP[(gene * m)..<((gene + 1) * m)].map(NumberText.text)
        }
        try output.writeTable("network/kme.tsv", delimiter: .tab, header: ["gene"] + names + names.map { "p_" + $0 }, rows: rows)
    }

    /// `network/tree.tsv`: each block's gene tree as R's hclust, `step left right height block`;
    /// a leaf is the 1-based row of its gene in `modules.tsv` (negative), a cluster its step
    /// within the block.
    public static func writeTrees(_ blocks: [ModuleDetection.Block], to output: OutputDirectory) throws {
        var rows: [[String]] = []
        for (number, block) in blocks.enumerated() {
            func node(_ value: Int) -> String { value < 0 ? String(-(block.genes[-value - 1] + 1)) : String(value) }
            for (step, merge) in block.tree.merges.enumerated() {
                rows.append([String(step + 1), node(merge.0), node(merge.1), NumberText.text(block.tree.heights[step]), String(number + 1)])
            }
        }
        try output.writeTable("network/tree.tsv", delimiter: .tab, header: ["step", "left", "right", "height", "block"], rows: rows)
    }

    /// `network/top_hubs.tsv`: `module color gene kme`, the top hub of each module.
    public static func writeTopHubs(genes: [String], labels: [Int], _ statistics: ModuleStatistics, to output: OutputDirectory) throws {
        let own = statistics.ownKME(labels: labels)
        let rows = statistics.topHubs.keys.sorted().map { module in
            let gene = statistics.topHubs[module]!
            return [String(module), ModuleColors.color(of: module), genes[gene], NumberText.text(own[gene])]
        }
        try output.writeTable("network/top_hubs.tsv", delimiter: .tab, header: ["module", "color", "gene", "kme"], rows: rows)
    }

    /// `network/module_feature.tsv` (`module feature r p q`) and `network/hubs.tsv`
    /// (`feature module gene gs gs_p kme rank`).
    public static func writeFeatureLinks(_ association: ModuleFeatureAssociation, hubs: [FeatureHub], modules: [Int],
                                         features: [String], genes: [String], to output: OutputDirectory) throws {
        let f = features.count
        var rows: [[String]] = []
        for (index, module) in modules.enumerated() {
            for feature in 0..<f {
                let k = index * f + feature
                rows.append([String(module), features[feature]]
                            + [association.moduleR[k], association.moduleP[k], association.moduleQ[k]].map(NumberText.text))
            }
        }
        try output.writeTable("network/module_feature.tsv", delimiter: .tab, header: ["module", "feature", "r", "p", "q"], rows: rows)
        let hubRows = hubs.map { hub in
            [features[hub.feature], String(hub.module), genes[hub.gene]] + [hub.gs, hub.gsP, hub.kme].map(NumberText.text) + [String(hub.rank)]
        }
        try output.writeTable("network/hubs.tsv", delimiter: .tab,
                              header: ["feature", "module", "gene", "gs", "gs_p", "kme", "rank"], rows: hubRows)
    }
}
