import Foundation
import Testing
@testable import RGMap

/// The network's memory estimate, and the largest block that fits.
@Suite struct NetworkMemoryTests {
    @Test func peakIsAdjacencyPlusPackedTOMOfTheLargestBlock() {
        let base = UInt64(20000 * 100 * 16) + (256 << 20)
        #expect(NetworkMemory.peakBytes(genes: 20000, samples: 100, precision: .double, maxBlockSize: nil) == 4_800_000_000 + base)
        #expect(NetworkMemory.peakBytes(genes: 20000, samples: 100, precision: .single, maxBlockSize: nil) == 2_400_000_000 + base)
        #expect(NetworkMemory.peakBytes(genes: 20000, samples: 100, precision: .double, maxBlockSize: 5000) == 300_000_000 + base)
        #expect(NetworkMemory.peakBytes(genes: 20000, samples: 100, precision: .double, maxBlockSize: 50000) == 4_800_000_000 + base)
    }

    @Test func largestBlockIsTheLastThatFits() {
        let available: UInt64 = 8 << 30
        let block = NetworkMemory.largestBlock(fitting: available, genes: 100_000, samples: 50, precision: .double)
        #expect(NetworkMemory.peakBytes(genes: 100_000, samples: 50, precision: .double, maxBlockSize: block) <= available)
        #expect(NetworkMemory.peakBytes(genes: 100_000, samples: 50, precision: .double, maxBlockSize: block + 1) > available)
        #expect(NetworkMemory.largestBlock(fitting: 1 << 20, genes: 100, samples: 5, precision: .double) == 0)
    }
}
