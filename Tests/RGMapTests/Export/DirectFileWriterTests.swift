import Foundation
import Testing
@testable import RGMap

@Suite struct DirectFileWriterTests {
    @Test func writesUnalignedBlocksExactly() throws {
        let path = Fixtures.file(named: "blocks.bin", bytes: [UInt8](repeating: 0xEE, count: 3 << 20))
        let writer = try DirectFileWriter(path: path)
        var expected = [UInt8](repeating: 0xEE, count: 3 << 20)
        // Offsets and lengths on and off the 4096-byte grid, one block larger than the bounce buffer's share.
        for (offset, length, seed) in [(0, 4096, 1), (100, 10_000, 2), (8192, 1 << 21, 3), (3 << 20 - 5, 5, 4)] {
            var rng = RandomSource(seed: UInt64(seed))
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            try bytes.withUnsafeBytes { try writer.write($0, at: offset) }
            expected.replaceSubrange(offset..<(offset + length), with: bytes)
        }
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written == expected)
    }

    @Test func fillsMatricesReservedInAnHDF5File() throws {
        let path = Fixtures.scratchFolder() + "/reserved.h5"
        let rows = 300, columns = 1001  // 2.4 MB: aligned by the file's alignment rule
        let values = (0..<(rows * columns)).map { Double($0) * 0.25 - 7 }
        let offset = try HDF5Library.serialized {
            let writer = try HDF5Writer(path: path, alignment: DirectFileWriter.alignment)
            let offset = try writer.reserveMatrix("/m", rows: rows, columns: columns, fileType: HDF5Library.nativeDouble)
            try writer.writeStrings("/labels", ["a", "b"])
            try writer.flush()
            return offset
        }
        #expect(offset % DirectFileWriter.alignment == 0)
        try values.withUnsafeBytes { try DirectFileWriter(path: path).write($0, at: offset) }
        let file = try HDF5File(path: path)
        let read = try file.readMatrix("/m")
        #expect(read.rows == rows && read.columns == columns && read.values == values)
        #expect(try file.readLabels("/labels") == ["a", "b"])
    }
}
