import Foundation
import Testing
@testable import SpacedRepetition

@Suite struct SchedulerTests {
    let start = date("2025-01-01T09:00:00Z")

    @Test("Python round: ties go to the even integer")
    func roundingHalfToEven() {
        #expect(roundHalfEven(0.5) == 0)
        #expect(roundHalfEven(1.5) == 2)
        #expect(roundHalfEven(2.5) == 2)
        #expect(roundHalfEven(-2.5) == -2)
        #expect(roundHalfEven(2.5000000000000004) == 3)
        // py-fsrs _next_interval at retention 0.9 (values from py-fsrs 6.3.2).
        let scheduler = Scheduler()
        #expect(scheduler.nextInterval(stability: 2.5) == 2)
        #expect(scheduler.nextInterval(stability: 3.5) == 4)
        #expect(scheduler.nextInterval(stability: 4.5) == 4)
        #expect(scheduler.nextInterval(stability: 11.5) == 12)
        #expect(scheduler.nextInterval(stability: 0.001) == 1)
        #expect(scheduler.nextInterval(stability: 1e9) == 36_500)
    }

    @Test("Preview gives each rating's unfuzzed due date, labelled compactly")
    func previewLabels() {
        let scheduler = Scheduler(parameters: SchedulerParameters(enableFuzzing: true))
        let preview = scheduler.preview(.new(due: start), at: start)
        let labels = Rating.allCases.map { formatInterval(from: start, to: preview[$0]!) }
        #expect(labels == ["1m", "5.5m", "10m", "8d"])
    }

    @Test("Preview agrees with review for every state in the traces")
    func previewMatchesReview() throws {
        for trace in ReferenceFixtures.shared.traces where trace.scheduler.fuzz_seed == nil {
            let scheduler = Scheduler(parameters: trace.replayOptions.schedulerParameters)
            var card = SchedulingCard.new(due: date(trace.reviews[0].time))
            for review in trace.reviews {
                let now = date(review.time)
                let preview = scheduler.preview(card, at: now)
                for rating in Rating.allCases {
                    #expect(preview[rating] == scheduler.review(card, rating: rating, at: now).0.due)
                }
                card = scheduler.review(card, rating: try #require(Rating(rawValue: review.rating)), at: now).0
            }
        }
    }

    @Test func retrievabilityUsesWholeDays() {
        let scheduler = Scheduler(parameters: SchedulerParameters(enableFuzzing: false))
        let card = scheduler.review(.new(due: start), rating: .easy, at: start).0
        #expect(scheduler.retrievability(of: .new(due: start), at: start) == 0)
        #expect(scheduler.retrievability(of: card, at: start.addingTimeInterval(86_399)) == 1)
        let oneDay = scheduler.retrievability(of: card, at: start.addingTimeInterval(86_400))
        #expect(oneDay < 1 && oneDay == scheduler.retrievability(of: card, at: start.addingTimeInterval(172_799)))
        // Stability is the time R takes to fall to 90%; elapsed time counts whole days only.
        let days = card.stability!
        #expect(scheduler.retrievability(of: card, at: start.addingTimeInterval(days.rounded(.down) * 86_400)) > 0.9)
        #expect(scheduler.retrievability(of: card, at: start.addingTimeInterval(days.rounded(.up) * 86_400)) < 0.9)
        #expect(scheduler.retrievability(of: card, at: start.addingTimeInterval(-86_400)) == 1)
    }

    @Test func wholeDaysFloorsLikePython() {
        let scheduler = Scheduler()
        #expect(scheduler.wholeDays(from: start, to: start.addingTimeInterval(86_400)) == 1)
        #expect(scheduler.wholeDays(from: start, to: start.addingTimeInterval(86_399.999999)) == 0)
        #expect(scheduler.wholeDays(from: start, to: start.addingTimeInterval(-1)) == -1)
    }

    @Test("The review log records both sides of the review")
    func reviewLog() {
        let scheduler = Scheduler(parameters: SchedulerParameters(enableFuzzing: false))
        let (first, firstLog) = scheduler.review(.new(due: start), rating: .good, at: start)
        #expect(firstLog.elapsedDays == nil && firstLog.scheduledSeconds == 600 && firstLog.scheduledDays == nil)
        let later = start.addingTimeInterval(3 * 86_400 + 5)
        let (second, log) = scheduler.review(first, rating: .good, at: later)
        #expect(log.before == first && log.after == second)
        #expect(log.elapsedDays == 3)
        #expect(log.scheduledDays.map { later.addingTimeInterval(Double($0) * 86_400) } == second.due)
        #expect(log.retrievability == scheduler.retrievability(of: first, at: later))
    }

    @Test func cardsAndLogsRoundTripThroughCodable() throws {
        let scheduler = Scheduler(parameters: SchedulerParameters(enableFuzzing: false))
        let (card, log) = scheduler.review(.new(due: start), rating: .hard, at: start)
        let decodedCard = try JSONDecoder().decode(SchedulingCard.self, from: JSONEncoder().encode(card))
        let decodedLog = try JSONDecoder().decode(ReviewLog.self, from: JSONEncoder().encode(log))
        #expect(decodedCard == card && decodedLog == log)
    }

    @Test func parameterValidation() {
        #expect(SchedulerParameters().problems.isEmpty)
        var parameters = SchedulerParameters(desiredRetention: 0.98, learningSteps: [60, 0])
        #expect(parameters.problems == [
            "desired retention 0.98 is outside 0.7...0.97", "steps must be positive durations",
        ])
        parameters = SchedulerParameters()
        parameters.weights[20] = 0.9
        #expect(throws: SchedulerParameterError(message: "weight w20 = 0.9 is outside 0.1...0.8")) {
            try parameters.validate()
        }
        parameters.weights.removeLast()
        #expect(parameters.problems == ["expected 21 weights, got 20"])
    }

    @Test func ratingsParse() {
        #expect(["again", "Hard", "GOOD", "easy"].map { Rating(parsing: $0) } == [.again, .hard, .good, .easy])
        #expect(["1", "2", "3", "4"].map { Rating(parsing: $0) } == Rating.allCases)
        #expect(Rating(parsing: "5") == nil && Rating(parsing: "ok") == nil)
        #expect(CardState(parsing: "relearning") == .relearning)
    }
}
