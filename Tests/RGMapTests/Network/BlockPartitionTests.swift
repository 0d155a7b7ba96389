import Testing
@testable import RGMap

/// ``BlockPartition``: rgmap's own pre-clustering into blocks (WGCNA's projectiveKMeans is not
/// reproduced, so there is no R reference): the blocks partition the genes, respect the size
/// limit, come largest first with genes in input order, depend only on the seed, and keep
/// the planted modules of the simulated cohort (scripts/make_module_fixtures.R) together.
@Suite struct BlockPartitionTests {
    /// Every gene in exactly one block, no block over the limit, largest first (ties by first
    /// gene), genes ascending within a block.
    static func checkPartition(_ blocks: [[Int]], genes: Int, maxBlockSize: Int) {
        #expect(blocks.flatMap { $0 }.sorted() == Array(0..<genes))
        #expect(blocks.allSatisfy { !$0.isEmpty && $0.count <= maxBlockSize && $0 == $0.sorted() })
        #expect(zip(blocks, blocks.dropFirst()).allSatisfy { $0.count > $1.count || ($0.count == $1.count && $0[0] < $1[0]) })
    }

    @Test func genesThatFitMakeOneBlock() throws {
        let expression = try ModuleDetectionTests.expression("sim800")
        #expect(BlockPartition.blocks(expression, maxBlockSize: 800, seed: 1) == [Array(0..<800)])
        #expect(BlockPartition.blocks(expression, maxBlockSize: 5000, seed: 9) == [Array(0..<800)])
    }

    @Test(arguments: [300, 100, 45], [UInt64(1), 2])
    func blocksPartitionTheGenesWithinTheLimit(maxBlockSize: Int, seed: UInt64) throws {
        let expression = try ModuleDetectionTests.expression("sim800")
        let blocks = BlockPartition.blocks(expression, maxBlockSize: maxBlockSize, seed: seed)
        #expect(blocks.count >= (800 + maxBlockSize - 1) / maxBlockSize)
        Self.checkPartition(blocks, genes: 800, maxBlockSize: maxBlockSize)
        #expect(BlockPartition.blocks(expression, maxBlockSize: maxBlockSize, seed: seed) == blocks)  // the seed decides
    }

    /// Modules 1, 3, 4 and 5 (150, 80, 60 and 40 genes with positive loadings) each fit a block
    /// of 300. Module 2 is left out: a third of its genes load negatively, and k-means on signed
    /// correlation (WGCNA's projectiveKMeans uses |cor|) puts that third in another block.
    @Test(arguments: [UInt64(1), 2, 3])
    func plantedModulesStayTogether(seed: UInt64) throws {
        let expression = try ModuleDetectionTests.expression("sim800")
        let truth = ModuleDetectionTests.column(try RFixtures.table("sim800_truth.tsv", in: "modules"), "module")
        let blocks = BlockPartition.blocks(expression, maxBlockSize: 300, seed: seed)
        var block = [Int](repeating: 0, count: 800)
        for (index, genes) in blocks.enumerated() { for gene in genes { block[gene] = index } }
        for module in [1, 3, 4, 5] {
            let genes = truth.indices.filter { truth[$0] == module }
            let largest = Dictionary(grouping: genes) { block[$0] }.values.map(\.count).max()!
            // 95% of the module in one block: a floor from the planted truth (seeds 1-6 give 59 of 60 or all).
            #expect(Double(largest) >= 0.95 * Double(genes.count), "seed \(seed), module \(module): \(largest) of \(genes.count)")
        }
    }

    /// 120 genes all close to one profile: k-means cannot separate them, clusters exceed a
    /// block of 25 and are cut by correlation with their centre.
    @Test func oneTightGroupIsCutIntoBlocks() {
        var rng = RandomSource(seed: 3)
        let profile = (0..<30).map { _ in rng.normal() }
        let values = (0..<120).flatMap { _ in profile.map { $0 + 0.05 * rng.normal() } }
        let expression = LabeledMatrix(rowLabels: (0..<120).map { "G\($0)" }, columnLabels: (0..<30).map { "S\($0)" }, values: values)
        let blocks = BlockPartition.blocks(expression, maxBlockSize: 25, seed: 1)
        #expect(blocks.count >= 5)
        Self.checkPartition(blocks, genes: 120, maxBlockSize: 25)
    }
}
