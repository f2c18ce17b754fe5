import Foundation
import Testing
@testable import SpacedRepetition

/// Issue 10: `srs replay --learning-steps 99999999999d` crashed (SIGILL) in date formatting, and a due
/// date in the year 10000 was printed that the replay itself rejects as input.
@Suite struct ReplayLimitsTests {
    @Test(arguments: ["99999999999d", "1e20d", "1e300d", "999999999999999999d", "36501d"])
    func anOutOfRangeStepIsRefusedWithAClearMessage(step: String) {
        #expect(throws: ReplayError(line: nil, message: "duration \"\(step)\" is too long; a step can be at most 36500d (100 years)")) {
            _ = try ReplayOptions.parseDurations(step)
        }
    }

    @Test func theLongestStepIsAccepted() throws {
        #expect(try ReplayOptions.parseDurations("36500d") == [36_500 * 86_400])
    }

    @Test func aDueDateAfterTheYear9999IsAnErrorNotOutput() throws {
        var replayer = try ReviewReplayer(options: ReplayOptions(learningSteps: [36_500 * 86_400]))
        do {
            _ = try replayer.feed(#"{"time": "9990-01-01T00:00:00Z", "rating": "again"}"#)
            Issue.record("a due date past 9999 was accepted")
        } catch {
            #expect(error.line == 1)
            #expect(error.message.contains("after the year 9999"))
        }
    }

    @Test func aHugeMaximumIntervalIsRefused() {
        #expect(throws: ReplayError.self) { _ = try ReviewReplayer(options: ReplayOptions(maximumInterval: Int.max)) }
    }

    @Test func formattingAnAbsurdDateDoesNotTrap() {
        // Clamped rather than trapping in Int64 conversion.
        #expect(!ISO8601.format(Date(timeIntervalSince1970: 1e300)).isEmpty)
    }
}
