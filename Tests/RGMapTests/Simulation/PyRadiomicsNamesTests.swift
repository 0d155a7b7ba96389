import Testing
@testable import RGMap

@Suite struct PyRadiomicsNamesTests {
    @Test func featureColumnsFollowTheQuotasInPyRadiomicsOrder() {
        let names = PyRadiomicsNames.featureColumns()
        #expect(names.count == 60 && Set(names).count == 60)
        #expect(PyRadiomicsNames.quotas.map(\.count).reduce(0, +) == 60)
        #expect(names.first == "original_shape_Elongation" && names[11] == "original_shape_VoxelVolume")
        #expect(names[12] == "original_firstorder_10Percentile" && names.last == "log-sigma-3-0-mm-3D_glcm_Contrast")
        #expect(names.filter { $0.hasPrefix("wavelet-LLH_glcm_") }.count == 5)
    }

    @Test func scalesByClassAndName() {
        #expect(PyRadiomicsNames.scale(of: "original_shape_VoxelVolume") == (25_000, 9_000))
        #expect(PyRadiomicsNames.scale(of: "original_shape_SurfaceArea") == (6_000, 1_800))
        #expect(PyRadiomicsNames.scale(of: "original_shape_Maximum3DDiameter") == (45, 12))
        #expect(PyRadiomicsNames.scale(of: "original_shape_Sphericity") == (0.7, 0.08))
        #expect(PyRadiomicsNames.scale(of: "wavelet-LLH_firstorder_Energy") == (4.0e8, 1.2e8))
        #expect(PyRadiomicsNames.scale(of: "original_firstorder_Kurtosis") == (4, 0.6))
        #expect(PyRadiomicsNames.scale(of: "original_firstorder_Mean") == (40, 18))
        #expect(PyRadiomicsNames.scale(of: "original_glcm_Contrast") == (3, 0.9))
        #expect(PyRadiomicsNames.scale(of: "original_ngtdm_Contrast") == (1.5, 0.5))
        #expect(PyRadiomicsNames.scale(of: "original_glrlm_RunEntropy") == (25, 8))
    }

    @Test func diagnosticsCarryTheirValues() {
        let diagnostics = PyRadiomicsNames.diagnostics(voxelCount: 1234, imageMean: -420.5, hash: "abc")
        #expect(diagnostics.count == 13 && diagnostics.allSatisfy { $0.0.hasPrefix("diagnostics_") })
        let values = Dictionary(uniqueKeysWithValues: diagnostics)
        #expect(values["diagnostics_Mask-original_VoxelNum"] == "1234" && values["diagnostics_Image-original_Mean"] == "-420.5")
        #expect(values["diagnostics_Image-original_Hash"] == "abc")
        #expect(values["diagnostics_Configuration_Settings"]!.contains(","))  // one needs CSV quoting
    }
}
