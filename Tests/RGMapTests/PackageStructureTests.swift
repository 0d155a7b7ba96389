import Foundation
import Testing

/// The conventions of the code base, checked: tests mirror the library's folders, files and
/// functions stay short or say why not, the library never speaks in flags, and no file
/// cites a document outside the repository.
@Suite struct PackageStructureTests {
    static let root = Fixtures.repository
    static let library = root + "/Sources/RGMap"
    static let tests = root + "/Tests/RGMapTests"
    /// Test folders with no library folder of the same name: the command line's tests,
    /// shared helpers and reference files.
    static let testOnlyFolders: Set<String> = ["CLI", "Support", "Fixtures"]
    /// Test files named after no source file: checks of the pipeline as a whole, and of the package.
    static let testsOfNoSingleFile: Set<String> = ["Pipeline/StageFailureTests.swift", "Pipeline/LibraryExampleTests.swift",
                                                   "PackageStructureTests.swift"]

    /// Relative paths of every file under `folder` whose name ends with `suffix`.
    static func files(under folder: String, endingWith suffix: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(suffix) }.sorted()
    }

    static func folders(under folder: String) -> Set<String> {
        Set(files(under: folder, endingWith: ".swift").map { ($0 as NSString).deletingLastPathComponent }.filter { !$0.isEmpty })
    }

    @Test func testFoldersMirrorTheLibrarysFolders() {
        let sources = Self.folders(under: Self.library)
        let tests = Self.folders(under: Self.tests).filter { !Self.testOnlyFolders.contains(String($0.split(separator: "/")[0])) }
        #expect(sources.subtracting(tests).sorted() == [], "library folders without a test folder")
        #expect(tests.subtracting(sources).sorted() == [], "test folders without a library folder")
    }

    @Test func everyTestFileIsNamedAfterTheSourceFileItTests() {
        let sources = Set(Self.files(under: Self.library, endingWith: ".swift"))
        let tests = Self.files(under: Self.tests, endingWith: "Tests.swift")
            .filter { !Self.testOnlyFolders.contains(String($0.split(separator: "/")[0])) && !Self.testsOfNoSingleFile.contains($0) }
        let stray = tests.filter { !sources.contains($0.replacingOccurrences(of: "Tests.swift", with: ".swift")) }
        #expect(stray == [], "test files whose name and folder match no source file")
    }

    @Test func noSwiftFileOver400Lines() throws {
        for folder in [Self.root + "/Sources", Self.tests] {
            for file in Self.files(under: folder, endingWith: ".swift") {
                let lines = try String(contentsOfFile: folder + "/" + file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                #expect(lines.count <= 401, "\(file): \(lines.count) lines")
            }
        }
    }

    @Test func functionsOver60LinesSayWhy() throws {
        for file in Self.files(under: Self.root + "/Sources", endingWith: ".swift") {
            let lines = try String(contentsOfFile: Self.root + "/Sources/" + file, encoding: .utf8).components(separatedBy: "\n")
            for (start, length) in FunctionLengths.functions(in: lines) where length > 60 {
                let comment = lines[max(0, start - 8)..<start].joined(separator: "\n")
                #expect(comment.contains("Long on purpose"), "\(file):\(start + 1): a \(length)-line function without a comment saying why")
            }
        }
    }

    @Test func theLibraryNamesNoFlag() throws {
        for file in Self.files(under: Self.library, endingWith: ".swift") {
            let text = try String(contentsOfFile: Self.library + "/" + file, encoding: .utf8)
            #expect(text.range(of: #"--[a-z]"#, options: .regularExpression) == nil, "\(file) names a flag")
        }
    }

    @Test func noFileCitesADocumentOutsideTheRepositoryOrAnIssue() throws {
        let folders = ["Sources", "Tests/RGMapTests", "docs", "scripts", "notebooks-export", ".ci"]
        var paths = folders.flatMap { folder in
            Self.files(under: Self.root + "/" + folder, endingWith: "").filter { !$0.hasPrefix("Fixtures/") && !$0.hasSuffix(".gz") }
                .map { folder + "/" + $0 }
        }
        paths += ["README.md", "Makefile", "Package.swift", "data/README.md"]
        let pattern = #"interface\.md|shared/docs|\.\./shared|\bissue ?#?[0-9]"#
        for path in paths where !path.hasSuffix("PackageStructureTests.swift") {
            guard let text = try? String(contentsOfFile: Self.root + "/" + path, encoding: .utf8) else { continue }
            #expect(text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) == nil, "\(path) cites an outside document or an issue")
        }
    }
}

/// Where functions start and how many lines they span, by matching braces (enough for
/// rgmap's formatting: one declaration per line, braces not inside comments).
enum FunctionLengths {
    static func functions(in lines: [String]) -> [(start: Int, length: Int)] {
        var result: [(Int, Int)] = []
        for (index, line) in lines.enumerated() {
            let code = line.trimmingCharacters(in: .whitespaces)
            guard !code.hasPrefix("//"), code.range(of: #"\b(func [^ (<]+|init[?!]?)\s*[(<]"#, options: .regularExpression) != nil else { continue }
            var depth = 0, opened = false, end = index
            scan: for (offset, next) in lines[index...].enumerated() {
                let stripped = next.replacingOccurrences(of: #""(\\.|[^"\\])*""#, with: "\"\"", options: .regularExpression)
                    .components(separatedBy: "//")[0]
                for character in stripped {
                    if character == "{" { depth += 1; opened = true } else if character == "}" { depth -= 1 }
                }
                end = index + offset
                if opened && depth <= 0 { break scan }
                if !opened && offset > 8 { break scan }  // a requirement or a declaration without a body
            }
            if opened { result.append((index, end - index + 1)) }
        }
        return result
    }
}
