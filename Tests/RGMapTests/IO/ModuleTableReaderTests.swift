import Testing
@testable import RGMap

/// The gene and module columns of a `network/modules.tsv` an earlier run wrote.
@Suite struct ModuleTableReaderTests {
    @Test func readsGenesAndModulesInFileOrder() throws {
        let path = Fixtures.file(named: "modules.tsv", "gene\tmodule\tcolor\tkME\nTP53\t2\tblue\t0.9\nEGFR\t0\tgrey\tNA\nMYC\t1\tturquoise\t0.8\n")
        let table = try ModuleTableReader.read(path: path)
        #expect(table.genes == ["TP53", "EGFR", "MYC"] && table.modules == [2, 0, 1])
    }

    @Test func refusesAnotherHeaderOrABadModuleNumber() {
        let header = inputError { _ = try ModuleTableReader.read(path: Fixtures.file(named: "a.tsv", "module\tgene\n1\tTP53\n")) }
        #expect(header?.line == 1 && header?.column == 1 && header?.message == "expected a header starting gene<TAB>module")
        for cell in ["-1", "two", "1.5", ""] {
            let error = inputError { _ = try ModuleTableReader.read(path: Fixtures.file(named: "b.tsv", "gene\tmodule\nTP53\t1\nEGFR\t\(cell)\n")) }
            #expect(error?.line == 3 && error?.column == 2 && error?.message == "expected a module number (0 or more)", "'\(cell)'")
        }
    }
}
