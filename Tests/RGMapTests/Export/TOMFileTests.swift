import CHDF5
import Foundation
import Testing
@testable import RGMap

/// `network/tom.h5` (docs/formats.md): the square TOM from the packed triangle, 1 on the
/// diagonal, in the network's precision, with the genes.
@Suite struct TOMFileTests {
    static func packed<Scalar: NetworkScalar>(_ n: Int, _ value: (Int, Int) -> Double) -> PackedLowerTriangle<Scalar> {
        var tom = PackedLowerTriangle<Scalar>(count: n)
        for i in 1..<n { for j in 0..<i { tom.values[PackedLowerTriangle<Scalar>.offset(row: i) + j] = Scalar(value(i, j)) } }
        return tom
    }

    /// The written matrix, its genes and its element size.
    static func read(_ path: String) throws -> (rows: Int, values: [Double], genes: [String], bytes: Int) {
        try HDF5Library.serialized {
            let file = try HDF5File(path: path)
            let matrix = try file.readMatrix("/tom")
            let data = try file.dataset("/tom")
            let type = H5Dget_type(data.handle.id)
            defer { H5Tclose(type) }
            #expect(data.typeClass == H5T_FLOAT && matrix.rows == matrix.columns)
            return (matrix.rows, matrix.values, try file.readLabels("/genes"), H5Tget_size(type))
        }
    }

    @Test func aSmallTOMIsWrittenSquareAndSymmetric() throws {
        // Entry (i, j), i > j, is i / 8 + j / 64 (exact in binary): the square matrix is hand-written below.
        let tom: PackedLowerTriangle<Double> = Self.packed(4) { i, j in Double(i) / 8 + Double(j) / 64 }
        let folder = Fixtures.scratchFolder()
        try TOMFile.write(.double(tom), genes: ["TP53", "EGFR", "MYC", "naïve-β"], to: OutputDirectory(path: folder, force: false))
        let read = try Self.read(folder + "/network/tom.h5")
        #expect(read.rows == 4 && read.bytes == 8 && read.genes == ["TP53", "EGFR", "MYC", "naïve-β"])
        #expect(read.values == [1, 0.125, 0.25, 0.375,
                                0.125, 1, 0.265625, 0.390625,
                                0.25, 0.265625, 1, 0.40625,
                                0.375, 0.390625, 0.40625, 1])
        #expect(ExampleRun.files(under: folder) == ["network/tom.h5"])
    }

    @Test func singlePrecisionIsStoredAsFloat32() throws {
        let tom: PackedLowerTriangle<Float> = Self.packed(3) { i, j in 1 / Double(3 + i + j) }
        let folder = Fixtures.scratchFolder()
        try TOMFile.write(.single(tom), genes: ["a", "b", "c"], to: OutputDirectory(path: folder, force: false), path: "t.h5")
        let read = try Self.read(folder + "/t.h5")
        #expect(read.bytes == 4)
        let third = Double(Float(1.0 / 4)), fourth = Double(Float(1.0 / 5)), fifth = Double(Float(1.0 / 6))
        #expect(read.values == [1, third, fourth, third, 1, fifth, fourth, fifth, 1])
    }

    @Test func aTOMOfSeveralBlocksOfRowsIsWholeAcrossTheirBoundary() throws {
        // 4097 genes: blocks of 2^24 / 4097 = 4095 rows, so rows 4095 and 4096 come in a second block.
        let n = 4097
        func value(_ i: Int, _ j: Int) -> Double { Double((i &* 7919 &+ j &* 104_729) % 65_536) / 65_536 }  // exact in float32
        let tom: PackedLowerTriangle<Float> = Self.packed(n, value)
        let folder = Fixtures.scratchFolder()
        try TOMFile.write(.single(tom), genes: (0..<n).map { "g\($0)" }, to: OutputDirectory(path: folder, force: false))
        let read = try Self.read(folder + "/network/tom.h5")
        #expect(read.rows == n && read.genes.last == "g4096")
        var wrong = 0
        read.values.withUnsafeBufferPointer { values in
            for i in 0..<n {
                for j in 0..<n where values[i * n + j] != (i == j ? 1 : value(max(i, j), min(i, j))) { wrong += 1 }
            }
        }
        #expect(wrong == 0)
    }
}
