import Foundation
import Testing
@testable import RGMap

/// Run configurations: the TOML subset and manifests' settings.
@Suite struct ConfigFileReaderTests {
    static func read(_ text: String, name: String = "rgmap.toml") throws -> [ConfigEntry] {
        try ConfigFileReader.read(path: Fixtures.file(named: name, text))
    }

    @Test func readsKeysValuesArraysAndComments() throws {
        let entries = try Self.read("""
            # rgmap run settings
            [inputs]
            features = "data/example/features.csv"   # PyRadiomics
            "id-normalize" = 'tcga-patient'
            [network]
            power = 8
            reassign-threshold = 1e-6
            merge-cut-height = 0.25
            save-tom = true
            samples-in = ["omics=columns", "features=rows"]
            gene-list = []
            label = "tab\\tand \\"quotes\\" \\u00e9"
            big = 1_000

            """)
        #expect(entries.map(\.key) == ["features", "id-normalize", "power", "reassign-threshold", "merge-cut-height", "save-tom",
                                       "samples-in", "gene-list", "label", "big"])
        #expect(entries[0].values == ["data/example/features.csv"] && !entries[0].isArray && entries[0].line == 3)
        #expect(entries[1].values == ["tcga-patient"])
        #expect(entries[2].values == ["8"] && entries[3].values == ["1e-6"] && entries[5].values == ["true"])
        #expect(entries[6].values == ["omics=columns", "features=rows"] && entries[6].isArray)
        #expect(entries[7].values == [] && entries[7].isArray)
        #expect(entries[8].values == ["tab\tand \"quotes\" é"])
        #expect(entries[9].values == ["1000"])
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        var text: String
        var error: String
        var testDescription: String { error }
    }

    static let badCases = [
        BadCase(text: "power = 6\npower = 8\n", error: "2:1: key 'power' was already set on line 1"),
        BadCase(text: "power 6\n", error: "1:7: expected '=' after the key"),
        BadCase(text: "power = six\n", error: "1:9: expected a string in quotes, a number, true or false; found 'six'"),
        BadCase(text: "out = \"results\n", error: "1:7: string not closed on this line"),
        BadCase(text: "samples-in = [\"a\",\n", error: "1:19: expected ']' closing the array (arrays must stay on one line)"),
        BadCase(text: "network = { type = \"signed\" }\n", error: "1:11: inline tables are not supported in an rgmap configuration"),
        BadCase(text: "network.type = \"signed\"\n", error: "1:8: dotted keys are not supported: write the flag's name, e.g. min-module-size = 30"),
        BadCase(text: "power = 6 7\n", error: "1:11: unexpected text after the value (one key = value per line)"),
        BadCase(text: "[[runs]]\n", error: "1:2: arrays of tables ([[...]]) are not supported in an rgmap configuration"),
        BadCase(text: "= 6\n", error: "1:1: expected a key (a flag's name without the leading --, e.g. power = 6)"),
        BadCase(text: "x = \"\\q\"\n", error: "1:6: unknown escape \\q"),
        BadCase(text: "x = nan\n", error: "1:5: expected a string in quotes, a number, true or false; found 'nan'"),
    ]

    @Test(arguments: badCases)
    func badLinesAreNamedWithLineAndColumn(_ bad: BadCase) throws {
        let path = Fixtures.file(named: "bad.toml", bad.text)
        let error = inputError { _ = try ConfigFileReader.read(path: path) }
        #expect(error?.description == "\(path):\(bad.error)")
    }

    @Test func manifestSettingsAreStringsAndArrays() throws {
        let entries = try Self.read(#"{"tool": "rgmap", "settings": {"power": "6", "samples-in": ["omics=columns"], "seed": "3"}}"#,
                                    name: "manifest.json")
        #expect(entries.map(\.key) == ["power", "samples-in", "seed"])
        #expect(entries[1].values == ["omics=columns"] && entries[1].isArray && !entries[0].isArray)
        let path = Fixtures.file(named: "old.json", #"{"tool": "rgmap", "parameters": {}}"#)
        #expect(inputError { _ = try ConfigFileReader.read(path: path) }?.message
                == "no \"settings\" object: only manifests of rgmap 0.1.0 runs and later can be replayed")
        let wrong = Fixtures.file(named: "wrong.json", #"{"settings": {"power": 6}}"#)
        #expect(inputError { _ = try ConfigFileReader.read(path: wrong) }?.description == "\(wrong): settings.power: expected a string or an array of strings")
    }
}
