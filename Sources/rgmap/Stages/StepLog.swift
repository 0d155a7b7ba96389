import Foundation
import RGMap

/// The steps of a run in order, each with its wall time and the process's peak memory at
/// its end, for the manifest.
struct StepLog {
    private(set) var steps: [Manifest.Step] = []

    /// Records a finished step.
    mutating func record(_ name: String, seconds: Double) {
        steps.append(Manifest.Step(name: name, seconds: seconds, peakMemoryMB: ProcessMemory.peakResidentMB))
    }

    /// Runs `body` and records it as the step `name`.
    mutating func time<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let started = Date()
        let value = try body()
        record(name, seconds: Date().timeIntervalSince(started))
        return value
    }
}
