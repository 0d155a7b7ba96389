/// Settings of the co-expression network and of the soft-threshold table it starts from;
/// every default is WGCNA 1.72 `blockwiseModules`'s and `pickSoftThreshold`'s.
public struct NetworkSettings: Sendable {
    /// The soft-threshold power: a number, or the table's estimate.
    public enum Power: Sendable, Equatable {
        case fixed(Double)
        /// The lowest candidate power whose scale-free fit R² exceeds ``NetworkSettings/rSquaredCut``
        /// (`pickSoftThreshold`'s `powerEstimate`).
        case automatic
    }

    public var power = Power.fixed(6)
    /// The scale-free fit R² the automatic power must exceed (`RsquaredCut`).
    public var rSquaredCut = 0.85
    /// Powers of the soft-threshold table.
    public var candidatePowers = SoftThreshold.defaultPowers
    /// The detection's settings; its power is replaced by the one chosen.
    public var detection = ModuleDetectionOptions()
    /// What makes a gene a hub of a feature.
    public var hubRules = HubRules()
    /// Write the TOM to `network/tom.h5` (one network only).
    public var saveTOM = false
    /// Leave genes with a missing value out of the network (with a note) instead of stopping.
    public var dropIncompleteGenes = false

    public init() {}

    /// The power to build with: the fixed number, or the table's estimate.
    /// - Throws: ``AnalysisError`` when no candidate reaches the fit asked for.
    func chosenPower(_ table: SoftThresholdTable) throws -> Double {
        if case .fixed(let value) = power { return value }
        guard let estimate = table.powerEstimate else {
            let best = table.rows.max { $0.fit.rSquared < $1.fit.rSquared }
            let described = best.map { "\(NumberText.text($0.fit.rSquared)) at power \($0.power)" } ?? "none"
            throw AnalysisError(.noPowerReachesFit, "\(setting: .power, "auto"): no candidate power reaches scale-free R^2 > \(rSquaredCut) "
                                + "(best: \(described)); see network/soft_threshold.tsv and give \(setting: .power, "N")")
        }
        return Double(estimate)
    }
}
