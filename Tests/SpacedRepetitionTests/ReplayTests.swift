import Foundation
import Testing
@testable import SpacedRepetition

@Suite struct ReplayTests {
    private let good = #"{"time": "2025-01-01T09:00:00Z", "rating": "good"}"#

    private func firstError(_ lines: [String], options: ReplayOptions = ReplayOptions()) -> String? {
        ReviewReplay.run(input: lines.joined(separator: "\n"), options: options).error?.description
    }

    @Test func reportsBadLinesWithTheirNumber() {
        #expect(firstError([good, #"{"time": "2025-01-01T09:10:00Z", "rating": "gud"}"#])
            == #"line 2: unknown rating "gud" (use again, hard, good, easy or 1-4)"#)
        #expect(firstError([good, "", #"{"time": "2025-01-01T09:10:00Z", "rating": 5}"#])
            == "line 3: unknown rating 5 (use again, hard, good, easy or 1-4)")
        #expect(firstError([#"{"time": "2025-01-01T09:10:00Z", "rating": 2.5}"#])
            == "line 1: unknown rating 2.5 (use again, hard, good, easy or 1-4)")
        #expect(firstError([#"{"time": "yesterday", "rating": "good"}"#])
            == #"line 1: time "yesterday" is not ISO 8601 (e.g. 2025-01-01T09:00:00Z)"#)
        #expect(firstError([#"{"time": "2025-02-30T09:00:00Z", "rating": "good"}"#])
            == #"line 1: time "2025-02-30T09:00:00Z" is not ISO 8601 (e.g. 2025-01-01T09:00:00Z)"#)
        #expect(firstError([good, #"{"time": "2025-01-01T08:59:59Z", "rating": "good"}"#])
            == "line 2: time 2025-01-01T08:59:59Z is earlier than the previous review 2025-01-01T09:00:00Z")
        #expect(firstError(["{not json"]) == "line 1: not a JSON object")
        #expect(firstError(["[1, 2]"]) == "line 1: not a JSON object")
        #expect(firstError([#"{"rating": "good"}"#]) == #"line 1: missing "time""#)
        #expect(firstError([#"{"time": 5, "rating": "good"}"#]) == #"line 1: "time" must be a string"#)
        #expect(firstError([#"{"time": "2025-01-01T09:00:00Z"}"#]) == #"line 1: missing "rating""#)
    }

    @Test("Stops at the first bad line, keeping the output before it")
    func stopsAtFirstError() {
        let result = ReviewReplay.run(
            input: [good, "bad", #"{"time": "2025-01-02T09:00:00Z", "rating": "good"}"#].joined(separator: "\n"),
            options: ReplayOptions())
        #expect(result.outputLines.count == 1)
        #expect(result.error == ReplayError(line: 2, message: "not a JSON object"))
    }

    @Test func acceptsRatingNamesNumbersOffsetsAndBlankLines() throws {
        let input = [
            "", #"{"time": "2025-01-01T18:00:00+09:00", "rating": "Good"}"#, "  ",
            #"{"time": "2025-01-01T09:10:00.000Z", "rating": 3, "extra": [1]}"#, "",
        ].joined(separator: "\r\n")
        let result = ReviewReplay.run(input: input, options: ReplayOptions())
        #expect(result.error == nil)
        #expect(result.outputLines == [
            #"{"state":"learning","step":1,"due":"2025-01-01T09:10:00Z","stability":2.3065,"#
                + #""difficulty":2.118103970459016,"retrievability":0.0}"#,
            try #require(result.outputLines.last),
        ])
        #expect(result.outputLines[1].hasPrefix(#"{"state":"review","step":null,"due":"2025-01-03T09:10:00Z""#))
    }

    @Test func optionErrors() {
        #expect(throws: ReplayError(line: nil, message: "desired retention 0.5 is outside 0.7...0.97")) {
            try ReviewReplayer(options: ReplayOptions(desiredRetention: 0.5))
        }
        #expect(firstError([good], options: ReplayOptions(maximumInterval: 0))
            == "maximum interval must be at least 1 day")
    }

    @Test func parsesDurations() throws {
        #expect(try ReplayOptions.parseDurations("1m,10m") == [60, 600])
        #expect(try ReplayOptions.parseDurations(" 90s, 1h ,2d,30") == [90, 3_600, 172_800, 30])
        #expect(try ReplayOptions.parseDurations("1.5m") == [90])
        #expect(try ReplayOptions.parseDurations("") == [])
        #expect(throws: ReplayError(line: nil, message: #"invalid duration "1x" (use e.g. 90s, 10m, 1h, 1d)"#)) {
            try ReplayOptions.parseDurations("1m,1x")
        }
        #expect(throws: ReplayError.self) { try ReplayOptions.parseDurations("1m,,10m") }
        #expect(throws: ReplayError.self) { try ReplayOptions.parseDurations("-1m") }
    }

    @Test("A fuzz seed reproduces the same replay; no seed means no fuzz")
    func fuzzSeed() {
        let trace = ReferenceFixtures.shared.traces.first { $0.scheduler.fuzz_seed != nil }!
        let seeded = ReplayOptions(fuzzSeed: 12)
        let a = ReviewReplay.run(input: trace.replayInput, options: seeded)
        #expect(a == ReviewReplay.run(input: trace.replayInput, options: seeded))
        let plain = ReviewReplay.run(input: trace.replayInput, options: ReplayOptions())
        #expect(plain != a)
    }
}
