import Foundation
import Synchronization
import Testing
@testable import RGMap

/// Identifiers closed exactly once, when the last reference goes, and the library facts rgmap reports.
@Suite struct HDF5HandleTests {
    @Test func closesItsIdentifierOnceWhenReleased() {
        let closed = Mutex<[Int64]>([])
        do {
            let handle = HDF5Handle(42) { id in closed.withLock { $0.append(id) }; return 0 }
            let alias = handle
            #expect(alias.id == 42 && closed.withLock { $0 }.isEmpty)
        }
        #expect(closed.withLock { $0 } == [42])
    }

    @Test func reportsTheLibraryVersionAndMakesStringTypes() throws {
        let version = HDF5Library.version.split(separator: ".")
        #expect(version.count == 3 && version.allSatisfy { Int($0) != nil } && Int(version[0])! >= 1)
        let type = try #require(HDF5Library.variableStringType())
        #expect(type.id >= 0)
    }

    @Test func serializedPassesResultsAndErrorsThrough() throws {
        #expect(HDF5Library.serialized { 7 } == 7)
        #expect(throws: CancellationError.self) { try HDF5Library.serialized { throw CancellationError() } }
        // Reentrant: a loader that calls another loader under the lock does not deadlock.
        #expect(HDF5Library.serialized { HDF5Library.serialized { "inner" } } == "inner")
    }
}
