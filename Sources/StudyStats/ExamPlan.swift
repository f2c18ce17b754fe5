import AIFCore
import Foundation
import SpacedRepetition

/// The plan to the exam date: how many new cards a day introduce every card at least `marginDays` before
/// the exam, the review load that brings, and the share of cards recalled on the exam day.
public struct ExamPlan: Codable, Sendable, Equatable {
    public var examDate: StudyDate
    public var daysLeft: Int
    public var newCardsLeft: Int
    /// New cards a day from today; every card is introduced by `finishBy`.
    public var newPerDay: Int
    public var finishBy: StudyDate
    /// Reviews a day under the plan: the busiest day, and the limit set in Settings.
    public var peakReviews: Int
    public var reviewLimit: Int
    /// Mean FSRS retrievability of all cards on the exam day (unintroduced cards count 0).
    public var recallOnExamDay: Double

    public var fitsReviewLimit: Bool { peakReviews <= reviewLimit }
    /// Too late to leave a week: everything has to be introduced now.
    public var isLate: Bool { daysLeft <= ExamPlanner.marginDays }
}

/// Builds the plan by playing the days forward with the real scheduler: each day the planned new cards
/// are introduced and every card due is reviewed, rated Good (an assumption the plan states), and the
/// reviews are counted. Skipped days show up by themselves: the plan is rebuilt from the store each time.
public enum ExamPlanner {
    public static let marginDays = 7

    public static func plan(library: ContentLibrary, progress: [String: CardProgress], now: Date, examDate: StudyDate,
                            clock: StudyClock, desiredRetention: Double, reviewLimit: Int) -> ExamPlan {
        let tz = clock.timeZone, hour = clock.dayStartHour
        let today = StudyDay.date(containing: now, timeZone: tz, dayStartHour: hour)
        let daysLeft = max(0, examDate.dayNumber - today.dayNumber)
        // Suspended cards are out of study until unsuspended, so the plan leaves them out (as Anki's counts do).
        let newCards = library.cards.filter { progress[$0.id].map { $0.card.isNew && !$0.suspended } ?? true }.map(\.id)
        let introduceDays = max(1, daysLeft - marginDays)
        let newPerDay = newCards.isEmpty ? 0 : Int((Double(newCards.count) / Double(introduceDays)).rounded(.up))
        let scheduler = Scheduler(parameters: SchedulerParameters(desiredRetention: desiredRetention, enableFuzzing: false))

        var cards: [SchedulingCard] = library.cards.compactMap { progress[$0.id].flatMap { $0.card.isNew || $0.suspended ? nil : $0.card } }
        var waiting = newCards[...]
        var peak = 0
        for day in 0..<daysLeft {
            let start = StudyDay.start(of: today.adding(days: day), timeZone: tz, dayStartHour: hour)
            let end = StudyDay.start(of: today.adding(days: day + 1), timeZone: tz, dayStartHour: hour)
            // Study at midday, or from now on the first day.
            var time = day == 0 ? max(now, start) : start.addingTimeInterval(8 * 3600)
            for _ in 0..<newPerDay {
                guard let _ = waiting.popFirst() else { break }
                cards.append(.new(due: time))
            }
            var reviews = 0
            for i in cards.indices {
                // Learning steps repeat within the day until the card's next due date is another day.
                while cards[i].due < end {
                    let at = max(time, cards[i].due)
                    guard at < end else { break }
                    cards[i] = scheduler.review(cards[i], rating: .good, at: at).0
                    reviews += 1
                    time = at
                }
                time = day == 0 ? max(now, start) : start.addingTimeInterval(8 * 3600)
            }
            peak = max(peak, reviews)
        }
        let examMoment = StudyDay.start(of: examDate, timeZone: tz, dayStartHour: hour).addingTimeInterval(8 * 3600)
        let recalled = cards.reduce(0.0) { $0 + scheduler.retrievability(of: $1, at: max(examMoment, now)) }
        return ExamPlan(examDate: examDate, daysLeft: daysLeft, newCardsLeft: newCards.count, newPerDay: newPerDay,
                        finishBy: today.adding(days: max(0, daysLeft - marginDays)), peakReviews: peak, reviewLimit: reviewLimit,
                        recallOnExamDay: library.cards.isEmpty ? 0 : recalled / Double(library.cards.count))
    }
}
