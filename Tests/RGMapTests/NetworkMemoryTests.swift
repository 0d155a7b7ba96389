import Foundation
import Testing
@testable import RGMap

/// The memory guard of the network step: its estimate, and the stop before a network the
/// machine cannot hold.
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

    @Test func aNetworkTooBigForThisMachineStopsBeforeItStarts() throws {
        let available = try #require(AvailableMemory.bytes)
        // Twice what is available in double precision: a small file (six samples) with many genes,
        // none constant (the second sample is -1, the first never is).
        let genes = Int((Double(available) * 2 / 12).squareRoot()) + 1000
        var text = "gene\t" + (1...6).map { "s\($0)" }.joined(separator: "\t") + "\n"
        text.reserveCapacity(genes * 40)
        for gene in 0..<genes { text += "G\(gene)\t\(gene % 7)\t-1\t\(gene % 3)\t\(gene % 11)\t\(gene % 2)\t\(gene % 13)\n" }
        let omics = Fixtures.file(named: "many_genes.tsv", text)
        let out = Fixtures.scratchFolder() + "/out"
        let result = try CommandRunner.run(["modules", "--quiet", "--omics", omics, "--out", out])
        #expect(result.status == 1)
        let line = result.stderr
        #expect(line.hasPrefix("rgmap: error: the network of \(genes) genes needs about "), "\(line)")
        #expect(line.contains(" of memory (double precision: adjacency and TOM, 1.5 x genes² values), but "))
        #expect(line.contains(" are available; reduce it with --precision single (about "))
        #expect(line.contains("), --max-block-size ") && line.contains(" or less (networks of related genes, one at a time), --top-variable "))
        #expect(line.hasSuffix(" or less (only the most variable genes)\n") && line.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
