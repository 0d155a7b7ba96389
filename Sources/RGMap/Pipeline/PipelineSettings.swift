/// Where a run's files go.
public struct OutputSettings: Sendable {
    /// The output folder (created; an existing non-empty folder is refused unless `force`).
    public var path: String
    /// Write into an existing folder that is not empty (its files of the same names are replaced).
    public var force: Bool

    public init(path: String, force: Bool = false) {
        self.path = path
        self.force = force
    }
}

/// How a run was asked for, as its front end records it in the manifest: the command
/// as typed and the settings by the names the front end gives them.
public struct RunRecord: Sendable {
    public var command: [String]
    /// Settings as name = value, the front end's names.
    public var parameters: [String: String]
    /// Every setting in effect, from which the front end can replay the run.
    public var settings: [String: Manifest.Setting]?

    public init(command: [String] = [], parameters: [String: String] = [:], settings: [String: Manifest.Setting]? = nil) {
        self.command = command
        self.parameters = parameters
        self.settings = settings
    }
}

/// Which stages a run has and the settings of each; a stage left nil does not run.
///
/// The stages run in this order, each taking what the earlier ones handed on:
/// inputs → map → soft threshold → network → enrichment → heatmap → report.
public struct PipelineSettings: Sendable {
    public var inputs: InputSettings
    /// Nil: nothing is written (the inputs are read and summarised only).
    public var output: OutputSettings?
    public var map: MapSettings?
    public var network: NetworkSettings?
    public var enrichment: EnrichmentSettings?
    public var heatmap: HeatmapSettings?
    /// Write `report.html`.
    public var report = false
    public var record = RunRecord()

    public init(inputs: InputSettings, output: OutputSettings? = nil) {
        self.inputs = inputs
        self.output = output
    }

    /// Whether any stage that writes files runs.
    var hasStages: Bool { map != nil || network != nil || enrichment != nil || heatmap != nil || report }

    /// Whether any stage runs after the map (the pipeline then frees the map's matrices once
    /// the heatmap and the enrichment have taken what they need from them).
    var hasStagesAfterTheMap: Bool { network != nil || enrichment != nil || heatmap != nil || report }
}
