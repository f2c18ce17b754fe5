import AIFCore
import Foundation
import SpacedRepetition
import StudyStats
import Testing

@Suite struct StudyStatsTests {
    let now = F.date("2025-03-12T10:00:00Z")

    func stats(_ input: StatsInput, now: Date? = nil) -> StudyStats {
        StudyStats(input, library: F.library, now: now ?? self.now, clock: F.clock)
    }

    @Test func streaksFollowTheFourAmDayStart() {
        // 03:30 on the 11th still belongs to the 10th; the 9th is a gap; the 11th is reached only at 05:00.
        let reviews = [
            F.log("a1", at: F.date("2025-03-07T12:00:00Z")),
            F.log("a1", at: F.date("2025-03-08T12:00:00Z")),
            F.log("a2", at: F.date("2025-03-10T23:00:00Z")),
            F.log("a3", at: F.date("2025-03-11T03:30:00Z")),
            F.log("a3", at: F.date("2025-03-11T05:00:00Z")),
        ]
        let s = stats(StatsInput(reviews: reviews))
        #expect(s.today == StudyDate(year: 2025, month: 3, day: 12))
        // Nothing yet today: the streak of the 10th and 11th is still alive.
        #expect(s.currentStreak == 2)
        #expect(s.longestStreak == 2)
        #expect(s.days.count == 26 * 7 && s.days.last?.date == s.today)
        let byDay = Dictionary(uniqueKeysWithValues: s.days.map { ($0.date.description, $0.reviews) })
        #expect(byDay["2025-03-10"] == 2 && byDay["2025-03-11"] == 1 && byDay["2025-03-09"] == 0)

        // At 03:59 on the 13th it is still the 12th, which has no review: the streak holds; at 04:00 it breaks.
        #expect(stats(StatsInput(reviews: reviews), now: F.date("2025-03-13T03:59:00Z")).currentStreak == 2)
        #expect(stats(StatsInput(reviews: reviews), now: F.date("2025-03-13T04:00:00Z")).currentStreak == 0)
        // A review today extends it.
        let withToday = reviews + [F.log("a4", at: F.date("2025-03-12T09:00:00Z"))]
        #expect(stats(StatsInput(reviews: withToday)).currentStreak == 3)
        #expect(stats(StatsInput(reviews: withToday)).longestStreak == 3)
    }

    @Test func reviewsAndTimePerDayAverageTheLastThirtyDays() {
        let reviews = (0..<6).map { F.log("a1", at: F.date("2025-03-12T08:00:00Z").addingTimeInterval(Double($0) * 60), ms: 10_000) }
            + [F.log("a1", at: F.date("2025-01-01T08:00:00Z"))]
        let s = stats(StatsInput(reviews: reviews))
        #expect(s.reviewsToday == 6)
        #expect(abs(s.reviewsPerDay - 6.0 / 30) < 1e-12)
        #expect(abs(s.secondsPerDay - 60.0 / 30) < 1e-12)
    }

    @Test func forecastCountsOverdueTodayAndStopsAtThirtyDays() {
        let last = F.date("2025-03-01T10:00:00Z")
        let progress: [String: CardProgress] = [
            "a1": CardProgress(cardID: "a1", card: F.review(last: last, intervalDays: 5)),      // overdue → today
            "a2": CardProgress(cardID: "a2", card: F.review(last: last, intervalDays: 10.9)),   // 03-12 07:36, overdue → today
            "a3": CardProgress(cardID: "a3", card: F.review(last: last, intervalDays: 12)),     // 03-13 10:00 → +1
            "a4": CardProgress(cardID: "a4", card: F.review(last: last, intervalDays: 40)),     // 04-10 → +29
            "a5": CardProgress(cardID: "a5", card: F.review(last: last, intervalDays: 41)),     // 04-11 → beyond
            "gone": CardProgress(cardID: "gone", card: F.review(last: last, intervalDays: 12)), // not in the content
        ]
        let s = stats(StatsInput(progress: progress))
        #expect(s.forecast.count == 30)
        #expect(s.forecast[0] == 2 && s.forecast[1] == 1 && s.forecast[29] == 1, "\(s.forecast)")
        #expect(s.forecast.reduce(0, +) == 4)
        #expect(s.states.young == 3 && s.states.mature == 2 && s.states.new == 5)
        let deckA = s.decks.first { $0.id == "a" }!
        #expect(deckA.size == 6 && deckA.studied == 5 && deckA.mature == 2)
    }

    @Test func trueRetentionSplitsYoungAndMatureByTheIntervalReviewed() {
        let day = F.date("2025-03-10T10:00:00Z")
        let young = F.review(last: day.addingTimeInterval(-5 * 86_400), intervalDays: 5)
        let mature = F.review(last: day.addingTimeInterval(-30 * 86_400), intervalDays: 30)
        let reviews = [
            F.log("a1", at: day, rating: .good, before: young),
            F.log("a2", at: day, rating: .again, before: young),
            F.log("a3", at: day, rating: .hard, before: young),
            F.log("a4", at: day, rating: .good, before: mature),
            F.log("a5", at: day, rating: .again, before: mature),
            F.log("a6", at: day, rating: .again),                                   // learning: not counted
            F.log("b1", at: F.date("2025-01-01T10:00:00Z"), rating: .again, before: mature), // older than 30 days
        ]
        let s = stats(StatsInput(reviews: reviews))
        #expect(s.retentionYoung == Retention(passed: 2, total: 3))
        #expect(s.retentionMature == Retention(passed: 1, total: 2))
    }

    @Test func quizHistoryKeepsExamsApartAndAccuracyIsPerDomain() {
        let t = F.date("2025-03-11T10:00:00Z")
        let attempts = [
            QuizHistoryEntry(id: "e1", mode: .exam, finishedAt: t, scaledScore: 640, correct: 6, total: 10, passed: false, timeUsed: 60),
            QuizHistoryEntry(id: "p1", mode: .practice, finishedAt: t.addingTimeInterval(-60), scaledScore: 900, correct: 9, total: 10, passed: true, timeUsed: 60),
            QuizHistoryEntry(id: "e0", mode: .exam, finishedAt: t.addingTimeInterval(-3600), scaledScore: 720, correct: 7, total: 10, passed: true, timeUsed: 60),
        ]
        let answers = [true, true, false].map { AnswerRecord(questionID: "q1-1", correct: $0, answeredAt: t, attemptID: "e1") }
            + [AnswerRecord(questionID: "q2-3", correct: false, answeredAt: t, attemptID: "e1"),
               AnswerRecord(questionID: "removed", correct: true, answeredAt: t, attemptID: "e1")]
        let s = stats(StatsInput(attempts: attempts, answers: answers))
        #expect(s.exams.map(\.id) == ["e0", "e1"])
        #expect(s.practice.map(\.id) == ["p1"])
        #expect(s.lastExam?.scaledScore == 640)
        #expect(s.domains.map(\.correct) == [2, 0] && s.domains.map(\.total) == [3, 1])
    }
}

@Suite struct SuspendedCardsStatsTests {
    let now = F.date("2025-03-12T10:00:00Z")

    /// A suspended card keeps its state in the counts but is not forecast, and the plan leaves it out.
    @Test func suspendedCardsAreCountedButNotForecastOrPlanned() {
        let last = F.date("2025-03-01T10:00:00Z")
        var progress: [String: CardProgress] = [
            "a1": CardProgress(cardID: "a1", card: F.review(last: last, intervalDays: 12)),
            "a2": CardProgress(cardID: "a2", card: F.review(last: last, intervalDays: 12), suspended: true),
        ]
        let s = StudyStats(StatsInput(progress: progress), library: F.library, now: now, clock: F.clock)
        #expect(s.forecast[1] == 1)
        #expect(s.states.suspended == 1 && s.states.young == 2)
        func newLeft(_ p: [String: CardProgress]) -> Int {
            ExamPlanner.plan(library: F.library, progress: p, now: now, examDate: StudyDate(year: 2025, month: 3, day: 24),
                             clock: F.clock, desiredRetention: 0.9, reviewLimit: 200).newCardsLeft
        }
        let before = newLeft(progress)
        progress["a3"] = CardProgress(cardID: "a3", card: .new(due: now), suspended: true)
        #expect(newLeft(progress) == before - 1)
    }
}
