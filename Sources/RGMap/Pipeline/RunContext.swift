import Foundation

/// What the stages of one run share: the output folder, the log, and the record of
/// steps (time and memory) and of stages (their files) that goes into the manifest.
public final class RunContext {
    /// Where the stages write; nil for a run that only reads and summarises its inputs.
    public let output: OutputDirectory?
    public let log: PipelineLog
    /// Steps in order, each with its wall time and the process's peak memory at its end.
    public private(set) var steps: [Manifest.Step] = []
    /// Stages in order, finished or failed, with the files they wrote.
    public private(set) var stages: [Manifest.StageRecord] = []

    public init(output: OutputDirectory?, log: PipelineLog) {
        self.output = output
        self.log = log
    }

    /// The output folder, for a stage that writes files.
    func requireOutput() -> OutputDirectory {
        guard let output else { preconditionFailure("a stage that writes files runs without an output folder") }
        return output
    }

    /// Records a finished step.
    public func record(step name: String, seconds: Double) {
        steps.append(Manifest.Step(name: name, seconds: seconds, peakMemoryMB: ProcessMemory.peakResidentMB))
    }

    /// Runs `body` and records it as the step `name`.
    public func time<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let started = Date()
        let value = try body()
        record(step: name, seconds: Date().timeIntervalSince(started))
        return value
    }

    /// Runs `body` as the stage `name`: the files it writes appear under their final names
    /// together when it returns, and none of them if it throws. Either way the stage is
    /// recorded for the manifest.
    public func stage<T>(_ name: String, _ body: () throws -> T) throws -> T {
        let output = requireOutput()
        do {
            let (value, files) = try output.stage(body)
            stages.append(Manifest.StageRecord(name: name, finished: true, files: files))
            return value
        } catch {
            stages.append(Manifest.StageRecord(name: name, finished: false, files: []))
            throw error
        }
    }

    /// Whether some stage has finished (its files are in the output folder).
    public var hasFinishedStages: Bool { stages.contains(where: \.finished) }
}
