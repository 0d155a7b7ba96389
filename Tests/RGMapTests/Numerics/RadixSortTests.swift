import Testing
@testable import RGMap

@Suite struct RadixSortTests {
    @Test func radixSortsOnTheChosenBits() {
        var rng = RandomSource(seed: 4)
        let keys = (0..<5000).map { _ in rng.next() }
        var buffer = keys, scratch = [UInt64](repeating: 0, count: keys.count)
        let sorted = buffer.withUnsafeMutableBufferPointer { b in
            scratch.withUnsafeMutableBufferPointer { s in
                Array(UnsafeBufferPointer(start: RadixSort.sort(b.baseAddress!, scratch: s.baseAddress!, count: keys.count,
                                                                lowBit: 20, bits: 44), count: keys.count))
            }
        }
        #expect(sorted.map { $0 >> 20 } == keys.map { $0 >> 20 }.sorted())
    }

    @Test func isStableOnTheBitsOutsideTheRange() {
        // Sorting on bits 8..<16 only: keys with equal such bits keep their order (their low byte says which).
        let keys: [UInt64] = [0x0301, 0x0102, 0x0303, 0x0104, 0x0205, 0x0106]
        var buffer = keys, scratch = [UInt64](repeating: 0, count: keys.count)
        let sorted = buffer.withUnsafeMutableBufferPointer { b in
            scratch.withUnsafeMutableBufferPointer { s in
                Array(UnsafeBufferPointer(start: RadixSort.sort(b.baseAddress!, scratch: s.baseAddress!, count: 6, lowBit: 8, bits: 8), count: 6))
            }
        }
        #expect(sorted == [0x0102, 0x0104, 0x0106, 0x0205, 0x0301, 0x0303])
    }

    @Test func skipsPassesWhoseDigitNeverChanges() {
        // The same high bits everywhere: every pass over them is skipped and the keys stay where they are.
        var keys: [UInt64] = [5 << 40, 5 << 40 | 1, 5 << 40 | 2]
        var scratch = [UInt64](repeating: 0, count: 3)
        let (result, original) = keys.withUnsafeMutableBufferPointer { b in
            scratch.withUnsafeMutableBufferPointer { s in
                (RadixSort.sort(b.baseAddress!, scratch: s.baseAddress!, count: 3, lowBit: 33, bits: 22), b.baseAddress!)
            }
        }
        #expect(result == original && keys == [5 << 40, 5 << 40 | 1, 5 << 40 | 2] && scratch == [0, 0, 0])
    }
}
