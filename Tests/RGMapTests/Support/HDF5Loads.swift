import Testing
@testable import RGMap

/// Loads the HDF5 fixture `file` and checks the format and sample axis it is read as.
func loadHDF5(_ file: String, expecting format: String, samplesIn axis: SampleAxis,
              sourceLocation: SourceLocation = #_sourceLocation) throws -> HDF5MatrixLoader.Result {
    let result = try HDF5MatrixLoader.load(path: Fixtures.path(file))
    #expect(result.format == format, sourceLocation: sourceLocation)
    #expect(result.sampleAxis?.axis == axis, sourceLocation: sourceLocation)
    return result
}
