import Foundation
import RGMap

/// The progress of one long step: in-place percentages on an interactive terminal; in a
/// log that is not a terminal, a line now and then (``ProgressThrottle``); and one summary
/// line with the elapsed time when the step finishes. Nothing at all with `--quiet`.
final class ProgressLine: StepProgress, @unchecked Sendable {
    let label: String
    private let interactive: Bool
    private let enabled: Bool
    private let console: Console
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var throttle: ProgressThrottle
    private var percent: Int?
    private var timer: DispatchSourceTimer?
    /// Set by ``finish(_:)``: a timer tick already under way then prints nothing.
    private var finished = false
    private let lock = NSLock()

    init(label: String, enabled: Bool, console: Console) {
        self.label = label
        self.enabled = enabled
        self.console = console
        interactive = enabled && isatty(STDERR_FILENO) == 1
        throttle = ProgressThrottle(started: started)
        if enabled && !interactive { startTimer() }
    }

    deinit { timer?.cancel() }

    func update(done: Int, total: Int) {
        guard enabled, total > 0 else { return }
        let now = Date()
        lock.withLock {
            percent = min(100, 100 * done / total)
            if interactive {
                guard now.timeIntervalSince(lastDraw) > 0.1 else { return }
                lastDraw = now
                FileHandle.standardError.write(Data("\rrgmap: \(label) \(percent!)%".utf8))
            } else if throttle.shouldReport(done: done, total: total, now: now) {
                console.note("\(label): \(percent!)% (\(done) of \(total)) after \(seconds(now)) s")
            }
        }
    }

    /// Ends the step with a summary line that includes the elapsed time.
    func finish(_ summary: Message) {
        timer?.cancel()
        lock.withLock { finished = true }
        guard enabled else { return }
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        console.note(summary + " (\(String(format: "%.2f", Date().timeIntervalSince(started))) s)")
    }

    /// Checks every second whether the step has been silent for the throttle's interval.
    private func startTimer() {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler { [weak self] in
            guard let self else { return }
            let now = Date()
            self.lock.withLock {
                guard !self.finished, self.throttle.shouldSayStillRunning(now: now) else { return }
                let done = self.percent.map { ", \($0)% done" } ?? ""
                self.console.note("\(self.label): still running after \(self.seconds(now)) s\(done)")
            }
        }
        timer.resume()
        self.timer = timer
    }

    private func seconds(_ now: Date) -> Int { Int(now.timeIntervalSince(started)) }
}
