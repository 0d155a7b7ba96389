import Foundation
import Testing
@testable import RGMap

/// Files the writer makes, read back by ``HDF5File`` (whose reading of h5py's, anndata's and rhdf5's
/// files the fixtures check): matrices, strings, attributes, fill values, reserved storage.
@Suite struct HDF5WriterTests {
    static let matrix = LabeledMatrix(rowLabels: ["a", "b"], columnLabels: ["x", "y", "z"], values: [1.5, -2, .nan, 0.1, 1e300, 7])

    /// Writes a file with `body`, then reads it with `check`, both holding rgmap's HDF5 lock.
    static func roundTrip(alignment: Int? = nil, _ body: (HDF5Writer) throws -> Void, check: (HDF5File) throws -> Void) throws {
        let path = Fixtures.scratchFolder() + "/out.h5"
        try HDF5Library.serialized {
            do {
                let writer = try HDF5Writer(path: path, alignment: alignment)
                try body(writer)
                try writer.flush()
            }  // closed here
            try check(try HDF5File(path: path))
        }
    }

    @Test func writesRowMajorMatricesInDoubleSingleAndGzip() throws {
        try Self.roundTrip({ writer throws in
            try writer.writeMatrix("/double", Self.matrix)
            try writer.writeMatrix("/single", Self.matrix, asFloat32: true)
            try writer.writeMatrix("/deep/group/gzip", Self.matrix, storage: HDF5Writer.Storage(gzipLevel: 6))
        }, check: { file throws in
            let double = try file.readMatrix("/double")
            #expect(double.rows == 2 && double.columns == 3 && sameValues(double.values, Self.matrix.values))
            // float32 storage: each value rounded to float once (1e300 overflows to infinity).
            #expect(sameValues(try file.readMatrix("/single").values, Self.matrix.values.map { Double(Float($0)) }))
            #expect(sameValues(try file.readMatrix("/deep/group/gzip").values, Self.matrix.values))
            #expect(file.kind(of: "/deep") == .group && file.kind(of: "/deep/group/gzip") == .dataset)
        })
    }

    @Test func writesUTF8StringListsAndAttributes() throws {
        let labels = ["TP53", "µ-opioid receptor", "", "日本"]
        try Self.roundTrip({ writer throws in
            try writer.writeStrings("/labels", labels)
            try writer.writeStrings("/none", [])
            try writer.createGroup("/obs")
            try writer.setAttribute("_index", of: "/obs", string: "sample")
            try writer.setAttribute("column-order", of: "/obs", strings: [])
            try writer.setAttribute("order", of: "/", strings: ["b", "a"])
            try writer.setAttribute("shape", of: "/obs", integers: [5, 6])
        }, check: { file throws in
            #expect(try file.readLabels("/labels") == labels)
            #expect(try file.readLabels("/none") == [])
            #expect(try file.stringAttribute("_index", of: "/obs") == "sample")
            #expect(try file.integerAttribute("shape", of: "/obs") == [5, 6])
            #expect(try file.stringAttribute("shape", of: "/obs") == nil)  // not a string
            #expect(try file.stringAttribute("missing", of: "/obs") == nil)
        })
    }

    @Test func constantMatricesAreAFillValueWithNoData() throws {
        try Self.roundTrip({ writer throws in
            try writer.writeConstantMatrix("/n", rows: 300, columns: 400, value: 57)
        }, check: { file throws in
            let n = try file.readMatrix("/n")
            #expect(n.rows == 300 && n.columns == 400 && n.values.allSatisfy { $0 == 57 })
        })
        let path = Fixtures.scratchFolder() + "/n.h5"
        try HDF5Library.serialized { try HDF5Writer(path: path).writeConstantMatrix("/n", rows: 300, columns: 400, value: 57) }
        // 120000 int32 values would take 480 kB; the file holds only its metadata.
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size < 20_000)
    }

    @Test func reservedMatricesAreAlignedAndFilledAfterwards() throws {
        let path = Fixtures.scratchFolder() + "/reserved.h5"
        let values: [Double] = (0..<(64 * 80)).map { Double($0) / 8 }
        let offset = try HDF5Library.serialized {
            let writer = try HDF5Writer(path: path, alignment: 4096)
            try writer.writeStrings("/labels", ["a"])
            let offset = try writer.reserveMatrix("/m", rows: 64, columns: 80, fileType: HDF5Library.nativeDouble)
            try writer.flush()
            return offset
        }
        #expect(offset > 0 && offset % 4096 == 0)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: values.withUnsafeBytes { Data($0) })
        try handle.close()
        let read = try HDF5Library.serialized { try HDF5File(path: path).readMatrix("/m") }
        #expect(read.rows == 64 && read.columns == 80 && read.values == values)
    }

    @Test func equalContentGivesEqualBytes() throws {
        // No modification times in the objects: two writes of the same content are the same file.
        var files: [Data] = []
        for _ in 0..<2 {
            let path = Fixtures.scratchFolder() + "/same.h5"
            try HDF5Library.serialized {
                let writer = try HDF5Writer(path: path)
                try writer.writeMatrix("/m", Self.matrix)
                try writer.writeStrings("/rows", Self.matrix.rowLabels)
                try writer.setAttribute("method", of: "/", string: "pearson")
            }
            files.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(files[0] == files[1])
    }

    @Test func refusesAPathItCannotCreate() {
        #expect(throws: OutputError.self) {
            try HDF5Library.serialized { _ = try HDF5Writer(path: "/nonexistent/folder/out.h5") }
        }
    }
}
