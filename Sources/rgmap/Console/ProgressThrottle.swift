import Foundation

/// When a step's progress gets a line of its own in a log that is not a terminal (a batch
/// job's stderr): once it has moved on by a tenth of the work *and* ten seconds have
/// passed since the step began or since the last line, so a log shows at most ten such
/// lines per step and none for a step shorter than ten seconds. A step (or a phase of one)
/// that reports no counts for ten seconds gets a line that it is still running.
struct ProgressThrottle {
    /// Lines a step gets at most from its counts: one per tenth of its work.
    static let steps = 10
    /// Seconds between two lines, and of silence before a "still running" line.
    static let interval: TimeInterval = 10

    private var lastDone = 0
    private var lastTotal = 0
    private var lastLine: Date
    private var lastCount: Date?

    init(started: Date) { lastLine = started }

    /// Whether `done` of `total` at `now` deserves a line; if so, it becomes the last line.
    /// Counts that start again (a new phase, or the next block's network) start a new tenth.
    mutating func shouldReport(done: Int, total: Int, now: Date) -> Bool {
        lastCount = now
        if total != lastTotal || done < lastDone { (lastDone, lastTotal) = (0, total) }
        guard total > 0, done < total else { return false }
        // A tenth of the work, in integers: (done - lastDone) / total >= 1 / 10.
        guard (done - lastDone) * Self.steps >= total, now.timeIntervalSince(lastLine) >= Self.interval else { return false }
        lastDone = done
        lastLine = now
        return true
    }

    /// Whether the step, without a line or a count for ten seconds, deserves a "still running"
    /// line at `now`.
    mutating func shouldSayStillRunning(now: Date) -> Bool {
        let quietSince = max(lastLine, lastCount ?? lastLine)
        guard now.timeIntervalSince(quietSince) >= Self.interval else { return false }
        lastLine = now
        return true
    }
}
