import Testing
@testable import RGMap

@Suite struct FeatureTableReaderTests {
    @Test func readsPyRadiomicsBatchOutput() throws {
        let table = try FeatureTableReader.read(path: Fixtures.path("formats/features_pyradiomics.csv"))
        #expect(table.idColumn == "ID")
        #expect(table.idRule == "the column named 'ID'")
        #expect(table.droppedDiagnostics == ["diagnostics_Versions_PyRadiomics", "diagnostics_Configuration_Settings",
                                             "diagnostics_Mask-original_VoxelNum"])
        #expect(table.droppedText == ["Image", "Mask"])
        #expect(table.matrix.columnLabels == ["original_shape_Sphericity", "original_firstorder_Mean", "original_glcm_Contrast"])
        #expect(table.matrix.rowLabels == (1...6).map { "TCGA-AA-000\($0)" })
        #expect(sameValues(Array(table.matrix.row(2)), [0.801, .nan, 1.75]))
    }

    @Test func picksTheIDColumnByRule() throws {
        let image = try FeatureTableReader.read(path: Fixtures.file(named: "f.csv", "x,Image,f1\n1,P1,2\n2,P2,3\n"))
        #expect(image.idRule == "the column named 'Image'")
        #expect(image.matrix.rowLabels == ["P1", "P2"])
        let first = try FeatureTableReader.read(path: Fixtures.file(named: "g.csv", "patient,f1\nP1,2\nP2,3\n"))
        #expect(first.idRule == "the first column ('patient')")
        let chosen = try FeatureTableReader.read(path: Fixtures.file(named: "h.csv", "f0,pid,f1\n1,P1,2\n2,P2,3\n"), idColumn: "pid")
        #expect(chosen.matrix.columnLabels == ["f0", "f1"])
        #expect(inputError { _ = try FeatureTableReader.read(path: Fixtures.file(named: "i.csv", "a,b\n1,2\n"), idColumn: "pid") }?
            .message == "no column named 'pid' (given as the sample ID column)")
    }

    @Test func rejectsColumnsMixingNumbersAndText() {
        let error = inputError {
            _ = try FeatureTableReader.read(path: Fixtures.file(named: "m.csv", "ID,f1,f2\nP1,1,2\nP2,oops,3\n"))
        }
        #expect(error?.line == 3 && error?.column == 2)
        #expect(error?.message == "column 'f1' mixes numbers and text: expected a number or NA, found 'oops'")
    }

    @Test func rejectsDuplicatedSampleIDs() {
        let error = inputError { _ = try FeatureTableReader.read(path: Fixtures.file(named: "d.csv", "ID,f1\nP1,1\nP2,2\nP1,3\n")) }
        #expect(error?.line == 4)
        #expect(error?.message == "duplicated sample ID 'P1' (also at line 2): labels must be unique")
    }
}
