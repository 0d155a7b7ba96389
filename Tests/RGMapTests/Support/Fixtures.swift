import Foundation
@testable import RGMap

/// Paths of the committed fixture files and scratch folders for tests.
enum Fixtures {
    /// The copied `Fixtures` folder.
    static let root: String = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.path

    static func path(_ relative: String) -> String { root + "/" + relative }

    /// The repository checkout the tests were built from (for `data/`).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// The bundled GO Biological Process sets, read once.
    static let goBiologicalProcess = try! GMTReader.read(path: repository + "/data/genesets/go_bp.gmt.gz")

    /// A fixture file's text, gunzipped when it is gzip.
    static func text(_ relative: String) throws -> String {
        let source = try ByteSource(path: path(relative))
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try chunk.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, capacity: $0.count) }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Rows of a tab-separated fixture table (gzip or not), as column name -> text.
    static func table(_ relative: String) throws -> [[String: String]] {
        let lines = fields(try text(relative))
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    /// Every line of a tab-separated file anywhere (an output under test), header included, as fields.
    static func rows(atPath path: String) throws -> [[String]] {
        fields(try String(contentsOfFile: path, encoding: .utf8))
    }

    private static func fields(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// A new empty folder under the system temporary folder.
    static func scratchFolder(_ name: String = "rgmap-test") -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(name)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Writes `text` to a new file in a scratch folder and returns its path.
    static func file(named name: String, _ text: String) -> String {
        let path = scratchFolder() + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    static func file(named name: String, bytes: [UInt8]) -> String {
        let path = scratchFolder() + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// The expression matrix every `formats/omics*` fixture holds (genes x samples),
    /// as written by scripts/make_format_fixtures.py.
    static let expressionGenes = ["TP53", "EGFR", "KRAS", "MYC", "CDK4", "PTEN"]
    static let expressionSamples = (1...5).map { "TCGA-AA-000\($0)-01A-11R-A00\($0)-07" }
    static let expressionValues: [Double] = [
        5.25, 6.5, 7.125, 4.0, 5.5,
        8.0, 9.75, .nan, 7.5, 8.25,
        3.5, 3.0, 2.75, 4.25, 3.125,
        10.0, 11.5, 9.25, 10.75, 12.0,
        0.0, 1.5, 2.0, 0.5, 1.0,
        6.0, 6.25, 5.75, 6.5, 6.125,
    ]
    /// Genes x samples raw counts of the sparse fixtures.
    static let countValues: [Double] = [
        0, 3, 0, 1, 0,
        12, 0, 0, 7, 2,
        0, 0, 5, 0, 0,
        40, 38, 0, 51, 44,
        0, 1, 0, 0, 9,
        2, 0, 0, 0, 0,
    ]
}

/// Bitwise equality that treats NaN as equal to NaN (missing cells must stay missing).
func sameValues(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
}

/// Runs `body` and returns the InputError it throws (nil if none or another error).
func inputError(_ body: () throws -> Void) -> InputError? {
    do {
        try body()
        return nil
    } catch let error as InputError {
        return error
    } catch {
        return nil
    }
}
