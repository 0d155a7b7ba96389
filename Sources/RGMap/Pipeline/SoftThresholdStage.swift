/// `pickSoftThreshold`'s table and its power estimate.
public struct SoftThresholdTable: Sendable {
    public var rows: [SoftThreshold.Row]
    /// The lowest power whose fit R² exceeds the cut, if any.
    public var powerEstimate: Int?
    public var rSquaredCut: Double
}

/// The soft-threshold table of the network's genes (WGCNA's `pickSoftThreshold`):
/// `network/soft_threshold.tsv`, finished before the network is built so it is there to
/// choose a power from even when the automatic choice fails.
public struct SoftThresholdStage: Sendable {
    public var settings: NetworkSettings

    public init(settings: NetworkSettings) { self.settings = settings }

    /// The table of `expression` (the network's genes x samples, without missing values),
    /// written as one stage of `run`.
    /// - Throws: ``OutputError``.
    public func run(_ expression: LabeledMatrix, in run: RunContext) throws -> SoftThresholdTable {
        let output = run.requireOutput()
        return try run.stage("soft threshold") {
            try run.time("soft threshold") {
                let step = run.log.step("soft-threshold table")
                let rows = SoftThreshold.table(expression, networkType: settings.detection.networkType, powers: settings.candidatePowers,
                                               progress: step.callback)
                let estimate = SoftThreshold.powerEstimate(rows, rSquaredCut: settings.rSquaredCut)
                try NetworkWriter.writeSoftThreshold(rows, to: output)
                step.finish("soft threshold: power estimate \(estimate.map(String.init) ?? "none") (scale-free R^2 > \(settings.rSquaredCut))")
                return SoftThresholdTable(rows: rows, powerEstimate: estimate, rSquaredCut: settings.rSquaredCut)
            }
        }
    }
}
