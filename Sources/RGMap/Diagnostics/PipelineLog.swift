/// Where a run tells what it is doing: notes, warnings and the progress of long steps.
///
/// The pipeline never prints; it hands its messages here. The command line prints them
/// on stderr with settings spelled as flags; a Swift caller can collect, print or drop
/// them (``SilentLog``).
public protocol PipelineLog {
    /// Something the user may want to know (what was read, what was left out and why).
    func note(_ message: Message)
    /// Something that may make the results wrong or weak; never to be silenced.
    func warning(_ message: Message)
    /// A reporter for one long step, named `label` while it runs.
    func step(_ label: String) -> StepProgress
    /// How this log spells a setting, for text the run keeps (a failure in the manifest).
    func name(_ setting: Setting) -> String
}

/// The progress of one long step.
public protocol StepProgress: AnyObject {
    /// `done` of `total` units of the step are finished.
    func update(done: Int, total: Int)
    /// The step ended; `summary` says what it produced.
    func finish(_ summary: Message)
}

extension StepProgress {
    /// ``update(done:total:)`` as a callback for loaders and computations.
    public var callback: ProgressCallback { { [self] done, total in update(done: done, total: total) } }
}

/// A log that keeps nothing: for callers that read the results and the manifest only.
public struct SilentLog: PipelineLog {
    public init() {}
    public func note(_ message: Message) {}
    public func warning(_ message: Message) {}
    public func step(_ label: String) -> StepProgress { SilentStep() }
    public func name(_ setting: Setting) -> String { setting.rawValue }

    private final class SilentStep: StepProgress {
        func update(done: Int, total: Int) {}
        func finish(_ summary: Message) {}
    }
}
