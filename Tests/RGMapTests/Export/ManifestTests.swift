import Foundation
import Testing
@testable import RGMap

/// `manifest.json`: stable bytes (sorted keys), the keys docs/formats.md lists, and older
/// manifests still read.
@Suite struct ManifestTests {
    static func manifest() -> Manifest {
        var manifest = Manifest(command: ["rgmap", "map", "--out", "a/b"], parameters: ["max-q": "0.05", "method": "pearson"])
        manifest.settings = ["method": .one("pearson"), "gene-list": .many(["x.txt", "y.txt"])]
        manifest.steps = [Manifest.Step(name: "load", seconds: 1.5, peakMemoryMB: 12.25)]
        manifest.stages = [Manifest.StageRecord(name: "map", finished: true, files: ["map/associations.tsv"])]
        var enrichment = EnrichmentReport(universeSource: "omics table", universeSize: 100, setsRead: 10, setsTested: 8, setsOutsideSizeRange: 2)
        enrichment.gseaLists = 3
        manifest.enrichment = enrichment
        return manifest
    }

    static func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The keys of the objects at `indent` spaces, in the order they are written.
    static func keys(_ text: String, indent: Int) -> [String] {
        let prefix = String(repeating: " ", count: indent) + "\""
        return text.split(separator: "\n").filter { $0.hasPrefix(prefix) && $0.contains("\" : ") }.map { String($0.split(separator: "\"")[1]) }
    }

    @Test func encodingIsStableWithSortedKeys() throws {
        let data = try Self.manifest().encoded()
        #expect(data == (try Self.manifest().encoded()))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("{\n") && text.hasSuffix("}\n"))
        #expect(text.contains("\"a/b\""), "slashes are not escaped")
        let topLevel = Self.keys(text, indent: 2)
        #expect(topLevel == ["command", "enrichment", "environment", "inputs", "parameters", "settings", "stages", "steps", "tool", "version"])
        // Nested objects too: the environment's and the enrichment report's keys, sorted.
        let nested = Self.keys(text, indent: 4)
        #expect(Array(nested.prefix(8)) == ["gseaLists", "multilevelEstimates", "oraQueries", "setsOutsideSizeRange", "setsRead",
                                            "setsTested", "universeSize", "universeSource"])
        #expect(Array(nested[8..<12]) == ["blasConfiguration", "blasCore", "blasThreads", "hdf5Version"])
    }

    @Test func holdsTheKeysFormatsMdLists() throws {
        let json = try Self.object(try Self.manifest().encoded())
        #expect(json["tool"] as? String == "rgmap" && json["version"] as? String == RGMapVersion.current)
        #expect(json["command"] as? [String] == ["rgmap", "map", "--out", "a/b"])
        #expect(json["parameters"] as? [String: String] == ["max-q": "0.05", "method": "pearson"])
        // A setting is a string, or an array for a repeatable flag.
        let settings = try #require(json["settings"] as? [String: Any])
        #expect(settings["method"] as? String == "pearson" && settings["gene-list"] as? [String] == ["x.txt", "y.txt"])
        let step = try #require((json["steps"] as? [[String: Any]])?.first)
        #expect(Set(step.keys) == ["name", "seconds", "peakMemoryMB"] && step["peakMemoryMB"] as? Double == 12.25)
        let stage = try #require((json["stages"] as? [[String: Any]])?.first)
        #expect(Set(stage.keys) == ["name", "finished", "files"] && stage["files"] as? [String] == ["map/associations.tsv"])
        let enrichment = try #require(json["enrichment"] as? [String: Any])
        #expect(Set(enrichment.keys) == ["universeSource", "universeSize", "setsRead", "setsTested", "setsOutsideSizeRange", "oraQueries",
                                         "gseaLists", "multilevelEstimates"])
        #expect(enrichment["oraQueries"] as? Int == 0 && enrichment["gseaLists"] as? Int == 3)
        let environment = try #require(json["environment"] as? [String: Any])
        #expect(Set(environment.keys) == ["blasConfiguration", "blasCore", "blasThreads", "hdf5Version"])
        // What a run without them did not have is left out, not written as null.
        #expect(json["failure"] == nil && json["sampleMatching"] == nil && json["preprocessing"] == nil)
    }

    @Test func anOlderManifestWithoutStagesOrFailureStillReads() throws {
        var json = try Self.object(try Self.manifest().encoded())
        json["stages"] = nil
        json["settings"] = nil
        let old = try JSONDecoder().decode(Manifest.self, from: try JSONSerialization.data(withJSONObject: json))
        #expect(old.stages == nil && old.failure == nil && old.settings == nil)
        #expect(old.command == Self.manifest().command && old.steps == Self.manifest().steps && old.enrichment == Self.manifest().enrichment)
        // A failed run's manifest reads back with its failure and stages.
        var failed = Self.manifest()
        failed.failure = "network: no power reaches R² 0.85"
        failed.stages?.append(Manifest.StageRecord(name: "network", finished: false, files: []))
        let back = try JSONDecoder().decode(Manifest.self, from: try failed.encoded())
        #expect(back.failure == failed.failure && back.stages == failed.stages && back.settings == failed.settings)
    }

    @Test func aSettingIsAStringOrAList() throws {
        #expect(try JSONDecoder().decode(Manifest.Setting.self, from: Data("\"6\"".utf8)) == .one("6"))
        #expect(try JSONDecoder().decode(Manifest.Setting.self, from: Data("[\"a\", \"b\"]".utf8)) == .many(["a", "b"]))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Manifest.Setting.self, from: Data("6".utf8)) }
    }

    @Test func inputsRecordTheirSizeAndFingerprint() throws {
        let path = Fixtures.file(named: "input.tsv", "gene\ts1\nA\t1\n")
        var manifest = Self.manifest()
        manifest.addInput(role: "omics", path: path, format: "TSV", sha256: try SHA256.hexDigest(ofFileAt: path))
        manifest.addInput(role: "features", path: path + ".absent", format: "CSV", sha256: "")
        #expect(manifest.inputs.map(\.bytes) == [12, 0])
        // `printf 'gene\ts1\nA\t1\n' | sha256sum`
        #expect(manifest.inputs[0].sha256 == "0736c747c32a474f7057577ce34bd1b071b43a01521e68d3323b5d2e1c02165d")
        #expect(manifest.inputs.map(\.role) == ["omics", "features"] && manifest.inputs[0].path == path && manifest.inputs[1].format == "CSV")
    }
}
