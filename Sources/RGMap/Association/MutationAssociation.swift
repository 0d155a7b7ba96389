/// One feature x mutated-gene comparison.
public struct MutationAssociationRow: Sendable, Equatable {
    public var feature: String
    public var gene: String
    public var mutated: Int
    public var wildType: Int
    /// Point-biserial r: Pearson of the feature with the 0/1 status.
    public var pointBiserial: Double
    public var pWelch: Double
    public var pWilcoxon: Double
    public var q: Double
}

/// Feature differences between mutated and wild-type samples, for every gene mutated in
/// at least ``AssociationOptions/minMutated`` samples and not in all of them. Each pair
/// uses the samples whose feature value and mutation status are both known.
public struct MutationMap: Sendable {
    public var rows: [MutationAssociationRow]
    /// Genes left out for too few mutated (or wild-type) samples.
    public var skippedGenes: [String]
    public var options: AssociationOptions
}

public enum MutationAssociation {
    public static func test(_ cohort: Cohort, options: AssociationOptions) throws -> MutationMap {
        guard let features = cohort.features, let mutations = cohort.mutations else {
            throw AnalysisError(.missingInput, "mutation tests need both \(setting: .features) and \(setting: .mutations)")
        }
        var tested: [Int] = [], skipped: [String] = []
        for g in 0..<mutations.rowCount {
            let status = mutations.row(g)
            let mutated = status.filter { $0 == 1 }.count, wild = status.filter { $0 == 0 }.count
            if mutated >= options.minMutated && wild >= 1 { tested.append(g) } else { skipped.append(mutations.rowLabels[g]) }
        }
        var rows = [MutationAssociationRow](repeating: MutationAssociationRow(
            feature: "", gene: "", mutated: 0, wildType: 0, pointBiserial: .nan, pWelch: .nan, pWilcoxon: .nan, q: .nan),
            count: features.rowCount * tested.count)
        rows.withUnsafeMutableBufferPointer { rows in
            Parallel.forEachChunk(features.rowCount) { chunk in
                for f in chunk {
                    for (j, g) in tested.enumerated() {
                        rows[f * tested.count + j] = compare(features, f, mutations, g)
                    }
                }
            }
        }
        let p = rows.map { options.mutationTest == .wilcoxon ? $0.pWilcoxon : $0.pWelch }
        let q = AssociationMapper.qValues(p, features: features.rowCount, genes: tested.count, options: options)
        for i in rows.indices { rows[i].q = q[i] }
        return MutationMap(rows: rows, skippedGenes: skipped, options: options)
    }

    private static func compare(_ features: LabeledMatrix, _ f: Int, _ mutations: LabeledMatrix, _ g: Int) -> MutationAssociationRow {
        var mutated: [Double] = [], wild: [Double] = []
        var x: [Double] = [], status: [Double] = []
        for s in 0..<features.columnCount {
            let value = features[f, s], m = mutations[g, s]
            guard !value.isNaN, !m.isNaN else { continue }
            if m == 1 { mutated.append(value) } else { wild.append(value) }
            x.append(value)
            status.append(m)
        }
        return MutationAssociationRow(
            feature: features.rowLabels[f], gene: mutations.rowLabels[g], mutated: mutated.count, wildType: wild.count,
            pointBiserial: pearson(x, status), pWelch: TwoSampleTests.welch(mutated, wild),
            pWilcoxon: TwoSampleTests.wilcoxon(mutated, wild), q: .nan)
    }

    /// Two-pass Pearson correlation; NaN when either side is constant.
    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        guard x.count >= 2, x.contains(where: { $0 != x[0] }) else { return .nan }
        let mx = VariableSummary(x[...]).mean, my = VariableSummary(y[...]).mean
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            let dx = x[i] - mx, dy = y[i] - my
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return .nan }
        return max(-1, min(1, sxy / (sxx * syy).squareRoot()))
    }
}
