import Foundation

/// Renders ``ReportContent`` as one self-contained HTML page: inline CSS and SVG, no
/// script, no external resource, readable at 1280 px and printable.
public enum ReportPage {
    public static func html(_ content: ReportContent, title: String) -> String {
        var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>\(SVGDocument.escape(title))</title>\n<style>\n\(style)</style>\n</head>\n<body>\n<main>\n"
        page += "<h1>\(SVGDocument.escape(title))</h1>\n"
        page += "<dl class=\"facts\">" + content.facts.map { "<dt>\(SVGDocument.escape($0.0))</dt><dd>\(SVGDocument.escape($0.1))</dd>" }.joined() + "</dl>\n"
        page += ReportFigures.softThreshold(content)
        page += ReportFigures.geneTree(content)
        page += ReportFigures.moduleFeature(content)
        page += ReportFigures.eigengeneAdjacency(content)
        page += ReportFigures.associations(content)
        page += ReportTables.hubs(content)
        page += ReportTables.enrichment(content)
        page += "<footer>Every number shown is in the output folder's tables; heatmap/ holds the plotted matrices and trees, "
            + "notebooks-export/ draws them for publication.</footer>\n</main>\n</body>\n</html>\n"
        return page
    }

    private static let style = """
        body { margin: 0; background: #fff; color: #222; font: 14px/1.45 Helvetica, Arial, sans-serif; }
        main { max-width: 1200px; margin: 0 auto; padding: 16px 20px 40px; }
        h1 { font-size: 24px; margin: 8px 0 12px; }
        h2 { font-size: 18px; margin: 28px 0 6px; border-bottom: 1px solid #ddd; padding-bottom: 3px; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 8px; }
        .facts dt { font-weight: bold; } .facts dd { margin: 0; overflow-wrap: anywhere; }
        figure { margin: 8px 0 18px; } figcaption { font-size: 13px; color: #444; margin-top: 4px; }
        figure svg { display: block; }
        table { border-collapse: collapse; font-size: 12.5px; margin: 6px 0 16px; }
        th, td { border-bottom: 1px solid #e3e3e3; padding: 3px 8px; text-align: left; vertical-align: top; }
        h3 { font-size: 15px; margin: 16px 0 2px; }
        th { background: #f4f4f4; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .swatch { display: inline-block; width: 10px; height: 10px; border: 1px solid #666; margin-right: 4px; vertical-align: -1px; }
        .note { color: #555; font-size: 13px; }
        footer { margin-top: 30px; color: #666; font-size: 12px; }
        @media print { main { max-width: none; padding: 0; } figure, table { break-inside: avoid; } h2 { break-after: avoid; } }

        """
}

/// The figure sections of the report.
enum ReportFigures {
    static func figure(id: String, title: String, svg: String, caption: String) -> String {
        "<h2>\(SVGDocument.escape(title))</h2>\n<figure id=\"\(id)\" class=\"figure\">\(svg)<figcaption>\(SVGDocument.escape(caption))</figcaption></figure>\n"
    }

    /// A cell's tooltip: its row and column, then what is known of it.
    static func cellName(_ heatmap: Heatmap, _ row: Int, _ column: Int) -> String {
        "\(heatmap.rows.labels[row]) × \(heatmap.columns.labels[column]): "
    }

    /// The colour of the module a row label (`ME<k>`) names.
    static func moduleSwatch(_ heatmap: Heatmap) -> (Int) -> String {
        { ModuleColors.hex(of: Int(heatmap.rows.labels[$0].dropFirst(2)) ?? 0) }
    }

    /// An SVG saying why a figure has nothing to draw.
    static func empty(_ message: String) -> String {
        var svg = SVGDocument(width: 1180, height: 120)
        svg.rect(x: 1, y: 1, width: 1178, height: 118, fill: "#fafafa", stroke: "#bbb")
        svg.text(message, x: 590, y: 64, size: 14, anchor: .middle, fill: "#555")
        return svg.rendered(label: message)
    }

    static func softThreshold(_ content: ReportContent) -> String {
        let svg = content.softThreshold.map {
            SoftThresholdFigure(table: $0.table, rSquaredCut: $0.rSquaredCut, power: $0.power).rendered(label: "soft-threshold plot")
        } ?? empty("no network was built")
        return figure(id: "fig-soft-threshold", title: "Soft threshold", svg: svg,
                      caption: "Left: scale-free fit index (signed R², WGCNA's pickSoftThreshold) per power, the red line the R² cut; "
                        + "right: mean connectivity. Blue: the power used. Data: network/soft_threshold.tsv.")
    }

    static func geneTree(_ content: ReportContent) -> String {
        guard let gene = content.geneTree else {
            return figure(id: "fig-gene-tree", title: "Gene dendrogram and modules", svg: empty("no network was built"), caption: "")
        }
        let svg = GeneTreeFigure(tree: gene.tree, modules: gene.modules, unmerged: gene.unmerged).rendered(label: "gene dendrogram with module colours")
        let others = gene.genesInOtherBlocks > 0 ? " The network was built in blocks; this is the first, \(gene.genesInOtherBlocks) genes are in the others." : ""
        return figure(id: "fig-gene-tree", title: "Gene dendrogram and modules", svg: svg,
                      caption: "Average-linkage tree of the genes on 1 − TOM with the modules after merging and as the tree cut gave them. "
                        + "Data: heatmap/gene_tree/." + others)
    }

    static func moduleFeature(_ content: ReportContent) -> String {
        guard let heatmap = content.moduleFeature else {
            return figure(id: "fig-module-feature", title: "Module-feature relationships", svg: empty("no module-feature correlations"), caption: "")
        }
        let r = heatmap.layer("r")!.values, p = heatmap.layer("p")!.values, q = heatmap.layer("q")!.values
        let c = heatmap.columns.labels.count
        let figure = HeatmapFigure(
            heatmap: heatmap, layer: "r", color: { ColorScale.diverging($0) }, legend: ("r", -1, 1),
            tooltip: { cellName(heatmap, $0, $1) + "r = \(String(format: "%.3f", r[$0 * c + $1])), p = \(String(format: "%.2g", p[$0 * c + $1])), q = \(String(format: "%.2g", q[$0 * c + $1]))" },
            cellText: { String(format: "%.2f\n(%.0e)", r[$0 * c + $1], p[$0 * c + $1]) },
            rowSwatch: moduleSwatch(heatmap),
            cellHeight: 24, rowLabelWidth: 90, columnLabelHeight: 170)
        return ReportFigures.figure(id: "fig-module-feature", title: "Module-feature relationships",
                                    svg: figure.rendered(label: "module-feature correlation heatmap"),
                                    caption: "Correlation of each module eigengene with each feature (WGCNA's module-trait relationships); "
                                        + "hover a cell for r, p and q (BH over all module × feature pairs). Data: heatmap/module_feature/.")
    }

    static func eigengeneAdjacency(_ content: ReportContent) -> String {
        guard let heatmap = content.eigengeneAdjacency else {
            return figure(id: "fig-eigengene-adjacency", title: "Eigengene network", svg: empty("no modules"), caption: "")
        }
        let values = heatmap.layer("adjacency")!.values, k = heatmap.columns.labels.count
        let figure = HeatmapFigure(
            heatmap: heatmap, layer: "adjacency", color: { ColorScale.sequential($0) }, legend: ("adjacency", 0, 1),
            tooltip: { cellName(heatmap, $0, $1) + String(format: "%.3f", values[$0 * k + $1]) },
            cellText: nil, rowSwatch: moduleSwatch(heatmap),
            width: 760, cellHeight: max(12, min(36, 480 / Double(k))), rowLabelWidth: 80, columnLabelHeight: 50, dendrogramSize: 90)
        return ReportFigures.figure(id: "fig-eigengene-adjacency", title: "Eigengene network",
                                    svg: figure.rendered(label: "eigengene adjacency heatmap"),
                                    caption: "Adjacency (1 + cor) / 2 of the module eigengenes, ordered by their average-linkage tree on 1 − cor. "
                                        + "Data: heatmap/eigengene_adjacency/.")
    }

    static func associations(_ content: ReportContent) -> String {
        guard let heatmap = content.associations else {
            return figure(id: "fig-associations", title: "Strongest associations", svg: empty("no association map"), caption: "")
        }
        let r = heatmap.layer("r")!.values, q = heatmap.layer("q")!.values, c = heatmap.columns.labels.count
        // The colour scale ends at the largest |r| shown (rounded up to 0.1): map r are rarely near 1.
        let limit = min(1, ((r.filter { !$0.isNaN }.map(abs).max() ?? 1) * 10).rounded(.up) / 10)
        let figure = HeatmapFigure(
            heatmap: heatmap, layer: "r", color: { ColorScale.diverging($0, limit: limit) }, legend: ("r", -limit, limit),
            tooltip: { cellName(heatmap, $0, $1) + "r = \(String(format: "%.3f", r[$0 * c + $1])), q = \(String(format: "%.2g", q[$0 * c + $1]))" },
            cellText: nil, rowSwatch: nil, cellHeight: max(8, min(16, 700 / Double(heatmap.rows.labels.count))), rowLabelWidth: 230,
            columnLabelHeight: 90)
        return ReportFigures.figure(id: "fig-associations", title: "Strongest associations", svg: figure.rendered(label: "top association heatmap"),
                                    caption: "The \(heatmap.rows.labels.count) features and \(c) genes with the smallest q; both axes clustered by "
                                        + "average linkage on 1 − r of their profiles. Data: heatmap/associations/, all pairs in map/.")
    }
}
