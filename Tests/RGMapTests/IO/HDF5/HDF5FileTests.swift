import CHDF5
import Foundation
import Testing
@testable import RGMap

/// The read-only queries of the loaders, on files written by h5py, anndata and rhdf5
/// (Fixtures/formats, Fixtures/bad): every failure names the file and the object.
@Suite struct HDF5FileTests {
    static func open(_ fixture: String) throws -> HDF5File { try HDF5File(path: Fixtures.path(fixture)) }

    /// The InputError of `body`, run under rgmap's HDF5 lock.
    static func failure(_ body: () throws -> Void) -> InputError? {
        inputError { try HDF5Library.serialized(body) }
    }

    @Test func tellsGroupsDatasetsAndNothing() throws {
        try HDF5Library.serialized { () throws in
            let file = try Self.open("formats/tenx_v3.h5")
            #expect(file.kind(of: "/matrix") == .group && file.kind(of: "/matrix/features/name") == .dataset)
            #expect(file.kind(of: "matrix/barcodes") == .dataset)  // a leading slash is optional
            #expect(file.kind(of: "/matrix/nothing") == nil && file.kind(of: "/nothing/deeper/still") == nil)
            #expect(file.kind(of: "") == .group)  // the root
        }
    }

    @Test func readsLabelsOfEveryStoredKind() throws {
        try HDF5Library.serialized { () throws in
            #expect(try Self.open("formats/omics_plain.h5").readLabels("/row_names") == Fixtures.expressionGenes)    // variable length
            #expect(try Self.open("formats/omics_rhdf5.h5").readLabels("/expr/genes") == Fixtures.expressionGenes)    // fixed length
            #expect(try Self.open("formats/tenx_v3.h5").readLabels("/matrix/barcodes") == (1...5).map { "TCGA-AA-000\($0)-1" })
            #expect(try Self.open("formats/tenx_v3.h5").readLabels("/matrix/shape") == ["7", "5"])                   // integers
            #expect(try Self.open("formats/tenx_v3.h5").readIntegers("/matrix/indptr").first == 0)
        }
    }

    @Test func readsMatricesAndAttributes() throws {
        try HDF5Library.serialized { () throws in
            let plain = try Self.open("formats/omics_plain.h5").readMatrix("/matrix")
            #expect(plain.rows == 6 && plain.columns == 5 && sameValues(plain.values, Fixtures.expressionValues))
            let csr = try Self.open("formats/counts_csr.h5ad")
            #expect(try csr.stringAttribute("encoding-type", of: "/X") == "csr_matrix")
            #expect(try csr.integerAttribute("shape", of: "/X") == [5, 6])
            #expect(try csr.integerAttribute("no-such-attribute", of: "/X") == nil)
        }
    }

    @Test func namesWhatIsWrongWithADataset() {
        let group = Self.failure { _ = try Self.open("formats/tenx_v3.h5").dataset("/matrix") }
        #expect(group?.object == "/matrix" && group?.message == "is a group, expected a dataset")
        let none = Self.failure { _ = try Self.open("formats/tenx_v3.h5").readMatrix("matrix/none") }
        #expect(none?.object == "/matrix/none" && none?.message == "no such dataset")
        let strings = Self.failure { _ = try Self.open("bad/string_matrix.h5").readMatrix("/matrix") }
        #expect(strings?.message == "holds strings, expected numbers")
        let floats = Self.failure { _ = try Self.open("bad/float_labels.h5").readLabels("/row_names") }
        #expect(floats?.message == "holds floats, expected strings")
        let notIntegers = Self.failure { _ = try Self.open("formats/omics_plain.h5").readIntegers("/matrix") }
        #expect(notIntegers?.message == "expected a 1-D integer dataset, found 2-D floats")
        let labels2D = Self.failure { _ = try Self.open("formats/omics_plain.h5").readLabels("/matrix") }
        #expect(labels2D?.message == "has 2 dimensions, expected a 1-D list of labels")
    }

    @Test func refusesLabelsThatAreNotUTF8() {
        let error = Self.failure { _ = try Self.open("bad/latin1_labels.h5").readLabels("/row_names") }
        #expect(error?.description == Fixtures.path("bad/latin1_labels.h5")
                + ": /row_names: label 6 has byte 0xB5 at position 1, which is not UTF-8: expected UTF-8 text")
    }

    @Test func refusesExtentsNoMachineCouldHold() throws {
        let matrix = Self.failure { _ = try Self.open("bad/huge_extent.h5").readMatrix("/matrix") }
        #expect(matrix?.message == "is 8589934592 x 8589934592: more values than a 64-bit machine can address")
        let labels = Self.failure { _ = try Self.open("bad/huge_label_list.h5").readLabels("/row_names") }
        #expect(labels?.message == "is 1152921504606846976: more values than a 64-bit machine can address")
        // Addressable, but more than this machine has: 2^40 doubles are 8 TiB.
        let memory = Self.failure { try Self.open("formats/omics_plain.h5").requireFits("/m", shape: [1 << 20, 1 << 20], bytesEach: 8, as: "doubles") }
        #expect(memory?.message.description.hasPrefix("is 1048576 x 1048576: 8192.0 GiB as doubles, more than the ") == true)
        #expect(memory?.message.description.hasSuffix(" of memory available") == true)
        try HDF5Library.serialized { try Self.open("formats/omics_plain.h5").requireFits("/m", shape: [1000, 1000], bytesEach: 8, as: "doubles") }
    }

    @Test func refusesFilesThatAreNotHDF5() {
        for fixture in ["bad/truncated.h5ad", "formats/omics.tsv"] {
            let error = Self.failure { _ = try Self.open(fixture) }
            #expect(error?.message == "cannot open as HDF5 (not an HDF5 file, or damaged)" && error?.object == nil)
        }
        #expect(HDF5File.signature == [0x89] + Array("HDF\r\n".utf8) + [0x1A, 0x0A])
    }

    @Test func describesTypeClassesInWords() throws {
        try HDF5Library.serialized { () throws in
            let file = try Self.open("formats/omics_plain.h5")
            #expect(file.describe(H5T_STRING) == "strings" && file.describe(H5T_FLOAT) == "floats" && file.describe(H5T_INTEGER) == "integers")
            #expect(file.describe(H5T_COMPOUND) == "a compound type" && file.describe(H5T_ENUM) == "an enum type (e.g. booleans)")
        }
    }
}
