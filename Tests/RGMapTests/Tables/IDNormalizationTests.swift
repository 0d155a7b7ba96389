import Testing
@testable import RGMap

@Suite struct IDNormalizationTests {
    @Test func cutsTCGABarcodes() {
        let aliquot = "TCGA-02-0001-01C-01D-0182-01"
        #expect(IDNormalization.exact.key(for: aliquot) == aliquot)
        #expect(IDNormalization.tcgaPatient.key(for: aliquot) == "TCGA-02-0001")
        #expect(IDNormalization.tcgaSample.key(for: aliquot) == "TCGA-02-0001-01")
        #expect(IDNormalization.tcgaPatient.key(for: "TCGA-02-0001") == "TCGA-02-0001")
    }

    @Test func readsRStyleSeparatorsAndCase() {
        #expect(IDNormalization.tcgaPatient.key(for: "TCGA.02.0001.01A") == "TCGA-02-0001")
        #expect(IDNormalization.tcgaSample.key(for: "tcga_ab_12cd_11a") == "TCGA-AB-12CD-11")
    }

    @Test func leavesOtherIDsAlone() {
        #expect(IDNormalization.tcgaPatient.key(for: "patient.0001.scan") == "patient.0001.scan")
        #expect(IDNormalization.tcgaSample.key(for: "TCGA-02-0001") == "TCGA-02-0001")
        #expect(IDNormalization.tcgaSample.key(for: "TCGA-02-0001-XX") == "TCGA-02-0001-XX")
        #expect(IDNormalization.tcgaPatient.key(for: "TCGA-02-00012") == "TCGA-02-00012")
    }
}
