import AIFCore
import Foundation
import SpacedRepetition
import Testing

struct DiskFull: Error {}

@Suite struct StudySessionTests {
    typealias F = StudyFixture

    func session(_ store: InMemoryProgressStore, cards: [Card], now: Date = F.morning, new: Int = 20) throws -> StudySession {
        try StudySession(cards: cards, scope: .all, store: store, settings: F.settings(new: new), now: now, seed: 42, timeZone: F.utc)
    }

    @Test func ratingWritesStateAndLogBeforeTheNextCard() throws {
        let store = InMemoryProgressStore()
        var s = try session(store, cards: [F.card("a"), F.card("b")])
        #expect(s.current == "a")
        try s.rate(.good, at: F.morning, answerMilliseconds: 3000)
        #expect(store.rows["a"]?.card.state == .learning)
        #expect(store.rows["a"]?.card.step == 1)
        #expect(store.log.map(\.cardID) == ["a"])
        #expect(store.log.first?.answerMilliseconds == 3000)
        #expect(s.current == "b")
    }

    @Test func aFailedWriteChangesNothing() throws {
        let store = InMemoryProgressStore()
        var s = try session(store, cards: [F.card("a"), F.card("b")])
        store.failWrites = DiskFull()
        #expect(throws: DiskFull.self) { try s.rate(.easy, at: F.morning, answerMilliseconds: 1) }
        #expect(s.current == "a")
        #expect(s.stats.reviewed == 0)
        #expect(store.rows.isEmpty && store.log.isEmpty)
    }

    @Test func undoRestoresTheCardTheLogAndTheCounts() throws {
        let store = InMemoryProgressStore()
        var s = try session(store, cards: [F.card("a"), F.card("b")], new: 1)
        try s.rate(.good, at: F.morning, answerMilliseconds: 1)
        let afterFirst = (store.rows, store.log)
        let later = F.morning.addingTimeInterval(120)
        // "a" is in learning (due in 10 min) and the new limit is used up, so "a" comes back ahead of time.
        #expect(s.current == "a")
        try s.rate(.again, at: later, answerMilliseconds: 1)
        #expect(store.log.count == 2)
        #expect(try s.undo())
        #expect(store.rows == afterFirst.0 && store.log == afterFirst.1)
        #expect(s.current == "a")
        #expect(s.stats.reviewed == 1)
        #expect(try s.undo())
        #expect(store.rows.isEmpty && store.log.isEmpty)
        #expect(s.queue(at: F.morning).new == ["a"])
        #expect(try !s.undo())
    }

    @Test func newLimitStopsNewCardsForTheRestOfTheDayAcrossSessions() throws {
        let store = InMemoryProgressStore()
        let cards = (1...5).map { F.card("c\($0)") }
        var s = try session(store, cards: cards, new: 2)
        try s.rate(.easy, at: F.morning, answerMilliseconds: 1)
        try s.rate(.easy, at: F.morning, answerMilliseconds: 1)
        #expect(s.current == nil)
        // A later session the same day finds no new cards; the next day it does.
        let evening = F.morning.addingTimeInterval(8 * 3600)
        #expect(try session(store, cards: cards, now: evening, new: 2).current == nil)
        let tomorrow = F.morning.addingTimeInterval(86_400)
        #expect(try session(store, cards: cards, now: tomorrow, new: 2).queue(at: tomorrow).new == ["c3", "c4"])
    }

    @Test func buryingSkipsUntilTheNextStudyDayAndCanBeUndone() throws {
        let store = InMemoryProgressStore()
        var s = try session(store, cards: [F.card("a"), F.card("b")])
        try s.bury(at: F.morning)
        #expect(s.current == "b")
        #expect(store.rows["a"]?.buriedUntil == F.clock.nextDayStart(after: F.morning))
        #expect(store.rows["a"]?.card.isNew == true)
        try s.undo()
        #expect(store.rows["a"] == nil)
        #expect(s.current == "a")
    }

    @Test func summaryCountsAgainRateAndTomorrow() throws {
        let store = InMemoryProgressStore()
        let cards = (1...4).map { F.card("c\($0)") }
        var s = try session(store, cards: cards, new: 3)
        try s.rate(.again, at: F.morning, answerMilliseconds: 1)   // c1 → learning
        try s.rate(.easy, at: F.morning, answerMilliseconds: 1)    // c2 → review in days
        try s.rate(.easy, at: F.morning, answerMilliseconds: 1)    // c3
        let end = F.morning.addingTimeInterval(95)
        let summary = s.summary(at: end)
        #expect(summary.stats.reviewed == 3)
        #expect(summary.stats.again == 1)
        #expect(abs(summary.stats.againRate - 1.0 / 3) < 1e-12)
        #expect(summary.duration == 95)
        // c1 (due in a minute) is due later today, not tomorrow; Easy gave c2 and c3 more than two days.
        #expect(summary.dueLaterToday == 1)
        #expect(summary.dueTomorrow == 0)
        #expect(summary.newTomorrow == 1)
    }

    @Test func sameSeedSameFuzz() throws {
        func run() throws -> [SchedulingCard] {
            let store = InMemoryProgressStore()
            var s = try session(store, cards: [F.card("a")])
            var now = F.morning
            for rating in [Rating.good, .good, .good, .good] {
                try s.rate(rating, at: now, answerMilliseconds: 1)
                now = store.rows["a"]!.card.due
                s.refresh(at: now)
            }
            return store.log.map(\.log.after)
        }
        #expect(try run() == run())
    }
}
