import Testing
@testable import RGMap

@Suite struct GMTReaderTests {
    @Test func readsSetsRemovingRepeatedGenes() throws {
        let sets = try GMTReader.read(path: Fixtures.path("formats/genesets.gmt"))
        #expect(sets.names == ["GO:0000001", "GO:0000002", "GO:0000003", "GO:0000004"])
        #expect(sets.descriptions[3] == "cell cycle G1/S phase transition")
        #expect(sets.members[0].map { sets.genes[Int($0)] } == ["TP53", "CDK4", "MYC"])
        #expect(sets.duplicatesRemoved == 1)
        #expect(sets.genes.count == 9)
    }

    @Test func rejectsASetWithoutGenes() {
        let error = inputError { _ = try GMTReader.read(path: Fixtures.path("bad/gmt_no_genes.gmt")) }
        #expect(error?.line == 2 && error?.column == 3)
        #expect(error?.message == "gene set 'SET_B' lists no genes: expected name, description, then at least one gene")
    }

    @Test func rejectsRepeatedSetNames() {
        let error = inputError { _ = try GMTReader.read(path: Fixtures.file(named: "r.gmt", "A\td\tX\nB\td\tY\nA\td\tZ\n")) }
        #expect(error?.line == 3)
        #expect(error?.message == "gene set name 'A' already used at line 1: set names must be unique")
    }
}
