import Foundation

/// Writes the `heatmap/` folder of `rgmap run` (docs/formats.md, "Plot-ready exports").
public enum HeatmapWriter {
    /// A heatmap folder: each layer as `<name>.tsv` in display order, `row_order.tsv`,
    /// `column_order.tsv` and each clustered axis's tree as `<axis>_tree.nwk` and `.json`.
    /// A square heatmap whose two axes are the same writes one `order.tsv` and `tree.*`.
    public static func write(_ heatmap: Heatmap, folder: String, to output: OutputDirectory) throws {
        for layer in heatmap.layers {
            try output.writeMatrix("\(folder)/\(layer.name).tsv", heatmap.display(layer), corner: heatmap.corner)
        }
        if heatmap.rows == heatmap.columns {
            try writeAxis(heatmap.rows, path: "\(folder)/order.tsv", tree: "\(folder)/tree", to: output)
        } else {
            try writeAxis(heatmap.rows, path: "\(folder)/row_order.tsv", tree: "\(folder)/row_tree", to: output)
            try writeAxis(heatmap.columns, path: "\(folder)/column_order.tsv", tree: "\(folder)/column_tree", to: output)
        }
    }

    private static func writeAxis(_ axis: ClusteredAxis, path: String, tree stem: String, to output: OutputDirectory) throws {
        try output.writeTable(path, delimiter: .tab, header: ["position", "label"],
                              rows: axis.displayLabels.enumerated().map { [String($0 + 1), $1] })
        if let tree = axis.tree { try writeTree(tree, labels: axis.labels, distance: axis.distance, stem: stem, to: output) }
    }

    /// `<stem>.nwk` and `<stem>.json` of one tree.
    static func writeTree(_ tree: Dendrogram, labels: [String], distance: String, stem: String, to output: OutputDirectory) throws {
        try output.write(stem + ".nwk", data: Data((tree.newick(labels: labels) + "\n").utf8))
        try output.write(stem + ".json", data: try tree.mergeListJSON(labels: labels, distance: distance))
    }

    /// `heatmap/modules.tsv`: `label module color genes hex`, modules in `modules` order (hex:
    /// R's RGB value of the colour name, which CSS and matplotlib do not all share).
    public static func writeModules(_ modules: [Int], labels: [Int], to output: OutputDirectory) throws {
        var sizes: [Int: Int] = [:]
        for label in labels { sizes[label, default: 0] += 1 }
        try output.writeTable("heatmap/modules.tsv", delimiter: .tab, header: ["label", "module", "color", "genes", "hex"],
                              rows: modules.map {
                                  ["ME\($0)", String($0), ModuleColors.color(of: $0), String(sizes[$0] ?? 0), ModuleColors.hex(of: $0)]
                              })
    }

    /// `heatmap/gs_kme.tsv` and `heatmap/gs_kme_summary.tsv`.
    public static func writeScatter(_ scatter: GeneSignificanceScatter, features: [String], genes: [String],
                                    to output: OutputDirectory) throws {
        try output.writeTable("heatmap/gs_kme.tsv", delimiter: .tab, header: ["feature", "module", "gene", "gs", "kme", "hub"],
                              rows: scatter.points.map {
                                  [features[$0.feature], String($0.module), genes[$0.gene], NumberText.text($0.gs), NumberText.text($0.kme),
                                   String($0.hub)]
                              })
        try output.writeTable("heatmap/gs_kme_summary.tsv", delimiter: .tab, header: ["feature", "module", "genes", "r", "p"],
                              rows: scatter.summaries.map {
                                  [features[$0.feature], String($0.module), String($0.genes), NumberText.text($0.r), NumberText.text($0.p)]
                              })
    }

    /// `heatmap/gene_tree/`: each block's tree (`block<k>.nwk`, `.json`) and `colors.tsv`
    /// (`gene block position module color unmerged_module unmerged_color hex unmerged_hex`, leaf order).
    public static func writeGeneTrees(_ detection: ModuleDetection, genes: [String], distance: String, to output: OutputDirectory) throws {
        var rows: [[String]] = []
        for (number, block) in detection.blocks.enumerated() {
            try writeTree(block.tree, labels: block.genes.map { genes[$0] }, distance: distance, stem: "heatmap/gene_tree/block\(number + 1)",
                          to: output)
            for (position, leaf) in block.tree.order.enumerated() {
                let gene = block.genes[leaf], final = detection.labels[gene], unmerged = detection.unmergedLabels[gene]
                rows.append([genes[gene], String(number + 1), String(position + 1), String(final), ModuleColors.color(of: final),
                             String(unmerged), ModuleColors.color(of: unmerged), ModuleColors.hex(of: final), ModuleColors.hex(of: unmerged)])
            }
        }
        try output.writeTable("heatmap/gene_tree/colors.tsv", delimiter: .tab,
                              header: ["gene", "block", "position", "module", "color", "unmerged_module", "unmerged_color", "hex", "unmerged_hex"],
                              rows: rows)
    }
}
