#if canImport(Glibc)
import Glibc
#endif

/// What `blockwiseModules` does between the tree cut and the merging of modules:
/// modules without a core of genes close to their eigengene are dissolved, genes far from
/// their module's eigengene leave it, and genes much closer to another module's eigengene
/// move there. kME is |cor| for an unsigned network, cor otherwise.
struct ModuleMembershipChecks {
    let expression: LabeledMatrix
    let options: ModuleDetectionOptions
    /// Possibly fractional, as WGCNA's default (``ModuleDetectionOptions/minModuleSize(genes:)``).
    let minModuleSize: Double

    /// The core check and the removal of low-kME genes, module by module (ascending labels),
    /// with the eigengenes of the modules as cut. Returns the new labels and the surviving
    /// modules with their (unchanged) eigengenes.
    func pruned(_ labels: [Int]) throws -> (labels: [Int], modules: [Int], eigengenes: [[Double]]) {
        let assigned = labels.indices.filter { labels[$0] != 0 }
        guard !assigned.isEmpty else { return (labels, [], []) }
        let cut = try ModuleEigengenes(expression.selectingRows(assigned), labels: assigned.map { labels[$0] })
        var labels = labels
        let coreSize = options.minCoreKMESize ?? minModuleSize / 3  // blockwiseModules: minCoreKMESize = minModuleSize/3
        var modules: [Int] = [], eigengenes: [[Double]] = []
        for (index, module) in cut.modules.enumerated() {
            let genes = labels.indices.filter { labels[$0] == module }
            let kme = self.kme(genes, cut.eigengenes[index])
            if Double(kme.filter { $0 > options.minCoreKME }.count) < coreSize {
                for gene in genes { labels[gene] = 0 }
                continue
            }
            for (gene, value) in zip(genes, kme) where value < options.minKMEToStay { labels[gene] = 0 }
            if Double(genes.filter({ labels[$0] != 0 }).count) < minModuleSize {
                for gene in genes { labels[gene] = 0 }
                continue
            }
            modules.append(module)
            eigengenes.append(cut.eigengenes[index])
        }
        return (labels, modules, eigengenes)
    }

    /// Reassignment by kME: a gene whose best kME is to another module moves there when the
    /// Fisher p-value of the best kME is below `reassignThreshold` times that of its own.
    /// As WGCNA 1.72 does, the gene takes the *position* of the best eigengene among the
    /// surviving modules as its label, and a module left with fewer than `minModuleSize`
    /// genes (counting those that stay) is dissolved.
    func reassigned(_ labels: [Int], modules: [Int], eigengenes: [[Double]]) -> [Int] {
        let assigned = labels.indices.filter { labels[$0] != 0 }
        guard !assigned.isEmpty, !modules.isEmpty else { return labels }
        let before = assigned.map { labels[$0] }
        let eigengeneMatrix = LabeledMatrix(rowLabels: modules.map { "ME\($0)" }, columnLabels: expression.columnLabels,
                                            values: eigengenes.flatMap { $0 })
        let m = modules.count, samples = Double(expression.columnCount)
        let kme = kme(assigned, eigengeneMatrix)
        var result = labels, dissolved = Set<Int>()
        for (column, module) in modules.enumerated() {
            let members = before.indices.filter { before[$0] == module }
            var moved = 0
            for local in members {
                let row = kme[(local * m)..<((local + 1) * m)]
                // R: the row maximum is NA when any kME is, and then nothing moves.
                guard !row.contains(where: \.isNaN), let best = row.max(), row[local * m + column] < best else { continue }
                let bestColumn = row.firstIndex(of: best)! - local * m
                let ratio = Self.fisherP(best, samples: samples) / Self.fisherP(row[local * m + column], samples: samples)
                if ratio.isFinite && ratio < options.reassignThreshold {
                    result[assigned[local]] = bestColumn + 1
                    moved += 1
                }
            }
            if moved > 0 && Double(members.count - moved) < minModuleSize { dissolved.insert(module) }
        }
        return result.map { dissolved.contains($0) ? 0 : $0 }
    }

    /// kME of the given genes to the rows of `eigengenes` (genes x modules, row-major).
    private func kme(_ genes: [Int], _ eigengenes: LabeledMatrix) -> [Double] {
        let r = CorrelationEngine(method: options.correlation, covariates: nil).correlateUnadjusted(expression.selectingRows(genes), eigengenes).r
        return options.networkType == .unsigned ? r.map(abs) : r
    }

    /// kME of the given genes to one eigengene.
    private func kme(_ genes: [Int], _ eigengene: [Double]) -> [Double] {
        kme(genes, LabeledMatrix(rowLabels: ["ME"], columnLabels: expression.columnLabels, values: eigengene))
    }

    /// WGCNA's `corPvalueFisher` (two-sided): 2 Phi(-|atanh(r)| sqrt(n - 3)).
    static func fisherP(_ r: Double, samples: Double) -> Double {
        let z = abs(0.5 * log((1 + r) / (1 - r)) * (samples - 3).squareRoot())
        return 2 * RMath.normalCDF(-z)
    }
}
