import Foundation

/// The table sections of the report: one row per feature (hubs) or per query (enrichment),
/// the best few results side by side.
enum ReportTables {
    static func number(_ value: Double, _ format: String = "%.3f") -> String { value.isNaN ? "NA" : String(format: format, value) }

    static func table(header: [String], rows: [String]) -> String {
        "<table><thead><tr>" + header.map { "<th>\(SVGDocument.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
            + rows.joined() + "</tbody></table>"
    }

    static func swatch(_ module: Int) -> String {
        "<span class=\"swatch\" style=\"background:\(ModuleColors.hex(of: module))\"></span>"
    }

    /// Groups rows by a key, keeping the order of first appearance.
    static func grouped<Row>(_ rows: [Row], by key: (Row) -> String) -> [(String, [Row])] {
        var order: [String] = [], groups: [String: [Row]] = [:]
        for row in rows {
            let k = key(row)
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(row)
        }
        return order.map { ($0, groups[$0]!) }
    }

    static func hubs(_ content: ReportContent) -> String {
        var html = "<h2>Hub genes per feature</h2>\n<section id=\"tab-hubs\">"
        guard !content.hubs.isEmpty else {
            let rule = content.hubRules.map {
                ": no feature has a module with module-feature q at or below \(number($0.moduleQ, "%g")) whose genes reach "
                    + "|kME| ≥ \(number($0.minimumKME, "%g")) and |GS| ≥ \(number($0.minimumGS, "%g"))"
            } ?? " (no imaging features)"
            return html + "<p class=\"note\">No hub genes\(rule).</p>"
                + table(header: ["feature", "hub genes"], rows: ["<tr><td>none</td><td>—</td></tr>"]) + "</section>\n"
        }
        let features = grouped(content.hubs, by: \.feature)
        html += "<p class=\"note\">The best \(ReportContent.hubsPerFeature) hubs (largest |GS| × |kME|) of \(features.count) of the "
            + "\(content.featuresWithHubs) features with hubs, features in the order of the module-feature heatmap's selection; "
            + "GS: correlation with the feature, kME: with the module's eigengene. All in network/hubs.tsv.</p>"
        let rows = features.map { feature, hubs in
            "<tr><td>\(SVGDocument.escape(feature))</td><td>" + hubs.map { hub in
                swatch(hub.module) + "<b>\(SVGDocument.escape(hub.gene))</b> <span class=\"note\">M\(hub.module) GS \(number(hub.gs, "%.2f")) kME \(number(hub.kme, "%.2f"))</span>"
            }.joined(separator: "<br>") + "</td></tr>"
        }
        return html + table(header: ["feature", "hub genes (module, GS, kME)"], rows: rows) + "</section>\n"
    }

    static func enrichment(_ content: ReportContent) -> String {
        let html = "<h2>Top enrichment</h2>\n<section id=\"tab-enrichment\">"
        guard let enrichment = content.enrichment, !(enrichment.ora.isEmpty && enrichment.gsea.isEmpty) else {
            return html + "<p class=\"note\">No enrichment was run (no gene sets were given) or no query had any result.</p>"
                + table(header: ["query", "sets"], rows: ["<tr><td>none</td><td>—</td></tr>"]) + "</section>\n"
        }
        func isModule(_ query: String) -> Bool { query.hasPrefix("M") && Int(query.dropFirst()) != nil }
        let parts = [("Over-representation per module", enrichment.ora.filter { isModule($0.query) }),
                     ("Over-representation of each feature's associated genes", enrichment.ora.filter { !isModule($0.query) }),
                     ("Preranked GSEA per feature", enrichment.gsea)]
        var body = ""
        for (title, rows) in parts where !rows.isEmpty {
            let all = grouped(rows, by: \.query)
            // Queries with a set at q <= 0.05, strongest first; a query's rows keep their p order.
            let significant = all.map { ($0.0, $0.1.filter { $0.q <= ReportContent.enrichmentMaxQ }) }.filter { !$0.1.isEmpty }
                .sorted { ($0.1.map(\.q).min()!, $0.0) < ($1.1.map(\.q).min()!, $1.0) }
            let shown = significant.prefix(ReportContent.enrichmentQueriesShown)
            body += "<h3>\(SVGDocument.escape(title))</h3><p class=\"note\">\(significant.count) of \(all.count) queries have a set with "
                + "q ≤ \(ReportContent.enrichmentMaxQ)\(shown.count < significant.count ? "; the \(shown.count) with the smallest q are shown" : ""), "
                + "each with up to \(enrichment.perQuery) such sets (smallest p first); every result is in enrichment/.</p>"
            guard !shown.isEmpty else { continue }
            body += table(header: ["query", "best sets (effect, q)"], rows: shown.map { query, rows in
                "<tr><td>\(SVGDocument.escape(query))</td><td>" + rows.map { row in
                    "<b>\(SVGDocument.escape(row.description))</b> <span class=\"note\">\(SVGDocument.escape(row.set)), "
                        + "\(SVGDocument.escape(row.effect)), q \(number(row.q, "%.2g"))</span>"
                }.joined(separator: "<br>") + "</td></tr>"
            })
        }
        if !body.contains("<table") {
            body += table(header: ["query", "sets"], rows: ["<tr><td>none</td><td>no set with q ≤ \(ReportContent.enrichmentMaxQ)</td></tr>"])
        }
        return html + body + "</section>\n"
    }
}
