import Foundation
import SeededRandom
import Testing
@testable import SpacedRepetition

@Suite struct FuzzTests {
    @Test("Extreme draws give py-fsrs's lowest and highest fuzzed interval")
    func boundsMatchReference() {
        for bound in ReferenceFixtures.shared.fuzz_bounds {
            let scheduler = Scheduler(parameters: SchedulerParameters(maximumInterval: bound.maximum_interval))
            let context = Comment(rawValue: "interval \(bound.interval), maximum \(bound.maximum_interval)")
            #expect(scheduler.fuzzedInterval(bound.interval, unit: 0) == bound.lowest, context)
            #expect(scheduler.fuzzedInterval(bound.interval, unit: 1 - 0x1p-53) == bound.highest, context)
        }
    }

    @Test("Seeded draws stay in the reference range and spread over it")
    func drawsStayInRange() {
        var rng = SeededGenerator(seed: 99)
        for bound in ReferenceFixtures.shared.fuzz_bounds where bound.interval >= 3 {
            let scheduler = Scheduler(parameters: SchedulerParameters(maximumInterval: bound.maximum_interval))
            var seen: Set<Int> = []
            for _ in 0..<200 {
                let days = scheduler.fuzzedInterval(bound.interval, unit: rng.unit())
                #expect((bound.lowest...bound.highest).contains(days))
                seen.insert(days)
            }
            if bound.highest > bound.lowest { #expect(seen.count > 1) }
        }
    }

    private func graduate(seed: UInt64) -> (SchedulingCard, ReviewLog, SeededGenerator) {
        let scheduler = Scheduler(parameters: SchedulerParameters(enableFuzzing: true))
        var rng = SeededGenerator(seed: seed)
        let start = date("2025-01-01T09:00:00Z")
        // Easy on a new card: 8 days unfuzzed, so fuzz applies.
        let (card, log) = scheduler.review(.new(due: start), rating: .easy, at: start, using: &rng)
        return (card, log, rng)
    }

    @Test func deterministicPerSeed() {
        #expect(graduate(seed: 5).0 == graduate(seed: 5).0)
        let dues = Set((0..<40).map { graduate(seed: $0).0.due })
        #expect(dues.count > 1)
        let bounds = Scheduler().fuzzBounds(forInterval: 8)!
        for seed in 0..<40 as Range<UInt64> {
            let (card, log, _) = graduate(seed: seed)
            let days = Int(card.due.timeIntervalSince(log.reviewedAt) / 86_400)
            #expect((bounds.lowerBound...bounds.upperBound + 1).contains(days))
            #expect(log.fuzzed == (days != 8))
        }
    }

    @Test("No fuzz, and no draw, for intervals under 3 days")
    func shortIntervalsUnfuzzed() {
        #expect(Scheduler().fuzzBounds(forInterval: 1) == nil)
        #expect(Scheduler().fuzzBounds(forInterval: 2) == nil)
        #expect(Scheduler().fuzzBounds(forInterval: 3) != nil)
        let scheduler = Scheduler(parameters: SchedulerParameters(enableFuzzing: true))
        let unfuzzed = Scheduler(parameters: SchedulerParameters(enableFuzzing: false))
        let start = date("2025-01-01T09:00:00Z")
        // Good, Good: graduates with round(S) = 2 days.
        var rng = SeededGenerator(seed: 1)
        let (first, _) = scheduler.review(.new(due: start), rating: .good, at: start, using: &rng)
        let stateBefore = rng
        let later = start.addingTimeInterval(600)
        let (second, log) = scheduler.review(first, rating: .good, at: later, using: &rng)
        #expect(second.state == .review)
        #expect(second.due == unfuzzed.review(first, rating: .good, at: later).0.due)
        #expect(log.scheduledDays == 2 && !log.fuzzed)
        #expect(rng == stateBefore)
    }

    @Test("Learning steps are never fuzzed")
    func stepsUnfuzzed() {
        let scheduler = Scheduler(parameters: SchedulerParameters(enableFuzzing: true))
        let start = date("2025-01-01T09:00:00Z")
        for seed in 0..<20 as Range<UInt64> {
            var rng = SeededGenerator(seed: seed)
            let (card, _) = scheduler.review(.new(due: start), rating: .hard, at: start, using: &rng)
            #expect(card.due == start.addingTimeInterval(330))
        }
    }
}
