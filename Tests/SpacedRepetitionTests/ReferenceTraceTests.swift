import Foundation
import SeededRandom
import Testing
@testable import SpacedRepetition

@Suite("py-fsrs 6.3.2 reference traces")
struct ReferenceTraceTests {
    @Test("Scheduler reproduces the trace", arguments: ReferenceFixtures.shared.traces)
    func schedulerMatches(trace: ReferenceFixtures.Trace) throws {
        let options = trace.replayOptions
        let scheduler = Scheduler(parameters: options.schedulerParameters)
        var rng = SeededGenerator(seed: options.fuzzSeed ?? 0)
        var card = SchedulingCard.new(due: date(trace.reviews[0].time))
        for (index, (review, expected)) in zip(trace.reviews, trace.expected).enumerated() {
            let now = date(review.time)
            let retrievability = scheduler.retrievability(of: card, at: now)
            let rating = try #require(Rating(rawValue: review.rating))
            let (next, log) = scheduler.review(card, rating: rating, at: now, using: &rng)
            let context = Comment(rawValue: "review \(index + 1) at \(review.time)")
            #expect(next.state.name == expected.state, context)
            #expect(next.step == expected.step, context)
            #expect(microseconds(next.due) == expected.due_us, context)
            #expect(relativelyClose(try #require(next.stability), expected.stability), context)
            #expect(relativelyClose(try #require(next.difficulty), expected.difficulty), context)
            #expect(relativelyClose(retrievability, expected.retrievability), context)
            #expect(log.before == card && log.after == next && log.retrievability == retrievability, context)
            card = next
        }
    }

    @Test("Replay prints the trace", arguments: ReferenceFixtures.shared.traces)
    func replayMatches(trace: ReferenceFixtures.Trace) throws {
        let result = ReviewReplay.run(input: trace.replayInput, options: trace.replayOptions)
        #expect(result.error == nil)
        try #require(result.outputLines.count == trace.expected.count)
        for (line, expected) in zip(result.outputLines, trace.expected) {
            let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["state"] as? String == expected.state)
            #expect((object["step"] as? Int) == expected.step)
            #expect(object["due"] as? String == expected.due)
            #expect(relativelyClose(try #require(object["stability"] as? Double), expected.stability))
            #expect(relativelyClose(try #require(object["difficulty"] as? Double), expected.difficulty))
            #expect(relativelyClose(try #require(object["retrievability"] as? Double), expected.retrievability))
        }
    }

    @Test func tracesCoverEveryTransition() {
        var transitions: Set<String> = []
        for trace in ReferenceFixtures.shared.traces {
            var previous = "new"
            for expected in trace.expected {
                transitions.insert("\(previous)->\(expected.state)")
                previous = expected.state
            }
        }
        let required = [
            "new->learning", "new->review", "learning->learning", "learning->review", "review->review",
            "review->relearning", "relearning->relearning", "relearning->review",
        ]
        #expect(Set(required).isSubset(of: transitions))
        #expect(ReferenceFixtures.shared.traces.count >= 80)
    }
}
