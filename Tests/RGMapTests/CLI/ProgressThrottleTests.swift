import Foundation
import Testing
@testable import rgmap

/// Progress in a log that is not a terminal: a line only once both a tenth of the work and
/// ten seconds have passed since the last one.
@Suite struct ProgressThrottleTests {
    @Test func aLineNeedsBothATenthOfTheWorkAndTenSeconds() {
        let start = Date(timeIntervalSince1970: 0)
        var throttle = ProgressThrottle(started: start)
        func at(_ seconds: Double, _ done: Int) -> Bool {
            throttle.shouldReport(done: done, total: 100, now: start.addingTimeInterval(seconds))
        }
        #expect(!at(5, 50))    // half the work, but only 5 s
        #expect(at(10, 50))    // 10 s and half the work
        #expect(!at(30, 55))   // 20 s more, but only 5% more
        #expect(at(31, 60))    // 10% more and 21 s since the last line
        #expect(!at(35, 90))   // 30% more, but 4 s
        #expect(!at(60, 100))  // the end is the finishing line's to say
    }

    @Test func aSilentStepIsSaidToBeRunningEveryTenSeconds() {
        let start = Date(timeIntervalSince1970: 0)
        var throttle = ProgressThrottle(started: start)
        func silent(_ seconds: Double) -> Bool { throttle.shouldSayStillRunning(now: start.addingTimeInterval(seconds)) }
        #expect(!silent(9))
        #expect(silent(10))
        #expect(!silent(15))
        // A count at 21 s: silence is counted from it.
        let counted = throttle.shouldReport(done: 1, total: 100, now: start.addingTimeInterval(21))
        #expect(!counted)
        #expect(!silent(30))
        #expect(silent(31))
        #expect(!silent(40))
        #expect(silent(41))
    }

    @Test func countsThatStartAgainStartANewTenth() {
        let start = Date(timeIntervalSince1970: 0)
        var throttle = ProgressThrottle(started: start)
        func at(_ seconds: Double, _ done: Int, of total: Int) -> Bool {
            throttle.shouldReport(done: done, total: total, now: start.addingTimeInterval(seconds))
        }
        #expect(at(10, 50, of: 100))
        // The next block's counts run from 0 again: its first tenth is a line after ten seconds.
        #expect(!at(15, 5, of: 100))
        #expect(at(21, 10, of: 100))
        // A phase with another total starts over too.
        #expect(at(32, 2, of: 20))
    }

    @Test func aShortStepPrintsNoProgressLine() {
        let start = Date(timeIntervalSince1970: 0)
        var throttle = ProgressThrottle(started: start)
        let lines = (1..<100).filter { throttle.shouldReport(done: $0, total: 100, now: start.addingTimeInterval(Double($0) * 0.09)) }
        #expect(lines.isEmpty)
    }
}
