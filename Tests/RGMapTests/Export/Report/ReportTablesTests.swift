import Testing
@testable import RGMap

/// The report's hub and enrichment tables: their rows, their notes, escaping.
@Suite struct ReportTablesTests {
    /// The `<section id=...>` of a table, parsed (its `<br>` closed for XML).
    static func section(_ html: String, _ id: String) throws -> MarkupElement {
        try Markup.parse(Markup.xhtml(try #require(Markup.fragment("section", id: id, in: html))))
    }

    /// Each body row's cells as text.
    static func rows(_ section: MarkupElement) -> [[String]] {
        section.descendants("tbody").flatMap { $0.descendants("tr") }.map { $0.descendants("td").map(\.allText) }
    }

    static func note(_ section: MarkupElement) -> [String] { section.descendants("p").map(\.allText) }

    @Test func noHubsSaysWhichRuleNoGeneMet() throws {
        var content = ReportContent()
        content.hubRules = HubRules(moduleQ: 0.05, minimumKME: 0.8, minimumGS: 0.25)
        let section = try Self.section(ReportTables.hubs(content), "tab-hubs")
        #expect(Self.note(section) == ["No hub genes: no feature has a module with module-feature q at or below 0.05 whose genes reach "
                                       + "|kME| ≥ 0.8 and |GS| ≥ 0.25."])
        #expect(Self.rows(section) == [["none", "—"]])
        content.hubRules = nil
        #expect(Self.note(try Self.section(ReportTables.hubs(content), "tab-hubs")) == ["No hub genes (no imaging features)."])
    }

    @Test func hubsAreGroupedByFeatureInOrderOfFirstAppearance() throws {
        var content = ReportContent()
        content.hubs = [.init(feature: "f<1>", gene: "G&1", module: 1, gs: 0.912, kme: -0.846, rank: 1),
                        .init(feature: "f2", gene: "G3", module: 2, gs: -0.5, kme: 0.9, rank: 1),
                        .init(feature: "f<1>", gene: "G2", module: 3, gs: .nan, kme: 0.8, rank: 2)]
        content.featuresWithHubs = 7
        content.hubRules = HubRules()
        let html = ReportTables.hubs(content)
        #expect(!html.contains("f<1>") && !html.contains("G&1"))
        let section = try Self.section(html, "tab-hubs")
        #expect(Self.rows(section) == [["f<1>", "G&1 M1 GS 0.91 kME -0.85G2 M3 GS NA kME 0.80"], ["f2", "G3 M2 GS -0.50 kME 0.90"]])
        // Each hub is preceded by its module's colour (R's turquoise, blue, brown).
        #expect(section.descendants("span").filter { $0.attributes["class"] == "swatch" }.map { $0.attributes["style"]! }
                == ["background:#40e0d0", "background:#a52a2a", "background:#0000ff"])
        #expect(Self.note(section).first?.contains("of 2 of the 7 features with hubs") == true)
        #expect(section.descendants("th").map(\.allText) == ["feature", "hub genes (module, GS, kME)"])
    }

    @Test func noEnrichmentSaysSo() throws {
        let content = ReportContent()
        let section = try Self.section(ReportTables.enrichment(content), "tab-enrichment")
        #expect(Self.note(section) == ["No enrichment was run (no gene sets were given) or no query had any result."])
        #expect(Self.rows(section) == [["none", "—"]])
        var empty = ReportContent()
        empty.enrichment = EnrichmentHighlights()
        #expect(Self.rows(try Self.section(ReportTables.enrichment(empty), "tab-enrichment")) == [["none", "—"]])
    }

    static func row(_ query: String, _ set: String, q: Double) -> EnrichmentHighlights.Row {
        EnrichmentHighlights.Row(query: query, set: set, description: "term <\(set)>", effect: "3/20 genes", p: q / 10, q: q)
    }

    @Test func enrichmentShowsQueriesWithASetAtQ005StrongestFirst() throws {
        var content = ReportContent()
        let ora = [Self.row("M3", "GO:a", q: 0.02), Self.row("M1", "GO:b", q: 0.01), Self.row("M1", "GO:c", q: 0.3),
                   Self.row("M10", "GO:d", q: 0.01), Self.row("M2", "GO:e", q: 0.2), Self.row("f&1:positive", "GO:f", q: 0.05)]
        let gsea = [EnrichmentHighlights.Row(query: "f1", set: "GO:g", description: "up", effect: "NES 2.10", p: 1e-4, q: 0.001)]
        content.enrichment = try Self.highlights(ora: ora, gsea: gsea)
        let html = ReportTables.enrichment(content)
        let section = try Self.section(html, "tab-enrichment")
        #expect(section.descendants("h3").map(\.allText) == ["Over-representation per module",
                                                             "Over-representation of each feature's associated genes", "Preranked GSEA per feature"])
        let notes = Self.note(section)
        #expect(notes.count == 3 && notes[0].hasPrefix("3 of 4 queries have a set with q ≤ 0.05, each with up to 3 such sets"))
        #expect(notes[1].hasPrefix("1 of 1 queries"))
        // Modules by their smallest q, ties by name; only the sets at q <= 0.05; the feature list's q = 0.05 counts.
        #expect(Self.rows(section) == [
            ["M1", "term <GO:b> GO:b, 3/20 genes, q 0.01"], ["M10", "term <GO:d> GO:d, 3/20 genes, q 0.01"],
            ["M3", "term <GO:a> GO:a, 3/20 genes, q 0.02"], ["f&1:positive", "term <GO:f> GO:f, 3/20 genes, q 0.05"],
            ["f1", "up GO:g, NES 2.10, q 0.001"],
        ])
        #expect(!html.contains("<GO:") && !html.contains("f&1"))
    }

    @Test func enrichmentWithoutAnySignificantSetHasANoneRow() throws {
        var content = ReportContent()
        content.enrichment = try Self.highlights(ora: [Self.row("M1", "GO:a", q: 0.5)], gsea: [])
        let section = try Self.section(ReportTables.enrichment(content), "tab-enrichment")
        #expect(Self.note(section).first?.hasPrefix("0 of 1 queries") == true)
        #expect(Self.rows(section) == [["none", "no set with q ≤ 0.05"]])
    }

    @Test func atMostThirtyQueriesAreShown() throws {
        var content = ReportContent()
        content.enrichment = try Self.highlights(ora: (1...31).map { Self.row("M\($0)", "GO:\($0)", q: 0.001 * Double($0)) }, gsea: [])
        let section = try Self.section(ReportTables.enrichment(content), "tab-enrichment")
        #expect(Self.note(section).first?.contains("31 of 31 queries have a set with q ≤ 0.05; the 30 with the smallest q are shown") == true)
        #expect(Self.rows(section).map { $0[0] } == (1...30).map { "M\($0)" })
    }

    @Test func numbersAreNAWhenMissing() {
        #expect(ReportTables.number(.nan) == "NA" && ReportTables.number(0.12345) == "0.123" && ReportTables.number(2e-7, "%.2g") == "2e-07")
    }

    /// Highlights holding exactly `ora` and `gsea` (through the public adders: one set per row).
    static func highlights(ora: [EnrichmentHighlights.Row], gsea: [EnrichmentHighlights.Row]) throws -> EnrichmentHighlights {
        let all = ora + gsea
        let sets = TestedGeneSets(GeneSetCollection(names: all.map(\.set), descriptions: all.map(\.description),
                                                    members: all.map { _ in [0] }, genes: ["A"], duplicatesRemoved: 0),
                                  universe: GeneUniverse(genes: ["A"], source: "test"), sizeRange: 1...1)
        var highlights = EnrichmentHighlights(perQuery: 3)
        for (query, indices) in ReportTables.grouped(Array(ora.indices), by: { ora[$0].query }) {
            highlights.addORA(query: query, indices.map { OverRepresentationRow(query: 0, set: $0, overlap: 3, querySize: 20, setSize: 1,
                                                                                 p: ora[$0].p, q: ora[$0].q, genes: []) }, sets: sets)
        }
        for (list, indices) in ReportTables.grouped(Array(gsea.indices), by: { gsea[$0].query }) {
            highlights.addGSEA(list: list, indices.map { GSEARow(set: ora.count + $0, size: 1, es: 1, nes: 2.1, p: gsea[$0].p, q: gsea[$0].q,
                                                                log2err: .nan, leadingEdge: [], multilevel: false) }, sets: sets)
        }
        #expect(highlights.ora.count == ora.count && highlights.gsea.count == gsea.count, "at most 3 rows per query given")
        return highlights
    }
}
