import AIFCore
import Foundation
import SpacedRepetition
import StudyStats
import Testing

@Suite struct ExamPlanTests {
    let now = F.date("2025-03-12T10:00:00Z")
    func plan(_ progress: [String: CardProgress] = [:], exam: String, limit: Int = 200, now: Date? = nil) -> ExamPlan {
        let parts = exam.split(separator: "-").map { Int($0)! }
        return ExamPlanner.plan(library: F.library, progress: progress, now: now ?? self.now,
                                examDate: StudyDate(year: parts[0], month: parts[1], day: parts[2]),
                                clock: F.clock, desiredRetention: 0.9, reviewLimit: limit)
    }

    @Test func introducesEverythingAWeekBeforeTheExam() {
        // 10 new cards, exam in 12 days: 5 days to introduce them, 2 a day, done by 03-17.
        let p = plan(exam: "2025-03-24")
        #expect(p.daysLeft == 12 && p.newCardsLeft == 10 && p.newPerDay == 2)
        #expect(p.finishBy == StudyDate(year: 2025, month: 3, day: 17))
        #expect(p.fitsReviewLimit)
        // Every card introduced and reviewed on schedule: recall near the desired retention or above.
        #expect(p.recallOnExamDay > 0.85 && p.recallOnExamDay <= 1)
    }

    @Test func studiedCardsAndSkippedDaysChangeThePlan() {
        let last = now.addingTimeInterval(-86_400)
        var progress: [String: CardProgress] = [:]
        for id in ["a1", "a2", "a3", "a4"] { progress[id] = CardProgress(cardID: id, card: F.review(last: last, intervalDays: 3)) }
        let p = plan(progress, exam: "2025-03-24")
        #expect(p.newCardsLeft == 6 && p.newPerDay == 2)
        // Three days later with nothing studied: the same 10 cards in 2 days' room, so 5 a day.
        let later = plan(exam: "2025-03-24", now: now.addingTimeInterval(3 * 86_400))
        #expect(later.daysLeft == 9 && later.newPerDay == 5)
        // Inside the last week everything is due at once, and the plan says so.
        let late = plan(exam: "2025-03-15")
        #expect(late.isLate && late.newPerDay == 10)
    }

    @Test func aLowReviewLimitIsReported() {
        let p = plan(exam: "2025-03-20", limit: 5)
        #expect(p.newPerDay == 10)
        #expect(p.peakReviews > 5 && !p.fitsReviewLimit)
    }

    @Test func withoutStudyRecallOnTheExamDayFallsWithTime() {
        let last = now.addingTimeInterval(-86_400)
        var progress: [String: CardProgress] = [:]
        for c in F.library.cards { progress[c.id] = CardProgress(cardID: c.id, card: F.review(last: last, intervalDays: 400, stability: 2)) }
        // Nothing falls due before the exam, so nothing is reviewed: recall is FSRS's forgetting curve.
        let soon = plan(progress, exam: "2025-03-13"), far = plan(progress, exam: "2025-04-30")
        #expect(soon.recallOnExamDay > far.recallOnExamDay)
        let expected = Scheduler().retrievability(of: F.review(last: last, intervalDays: 400, stability: 2), at: F.date("2025-03-13T12:00:00Z"))
        #expect(abs(soon.recallOnExamDay - expected) < 1e-9)
    }
}
