import AIFCore
import Foundation
import SpacedRepetition
import Testing

/// Small content for study tests: two domains, two decks, tags.
enum StudyFixture {
    static let utc = TimeZone(identifier: "UTC")!
    /// 2025-06-15 10:00 UTC; the study day starts at 04:00.
    static let morning = Date(timeIntervalSince1970: 1_749_981_600)
    static let clock = StudyClock(timeZone: utc, dayStartHour: 4)

    static func card(_ id: String, deck: String = "d1", domain: String = "1", tags: [String] = []) -> Card {
        Card(id: id, deckID: deck, taskID: "\(domain).1", domainID: domain, tags: tags,
             front: LocalizedText(en: "front \(id)", ja: "表 \(id)"), back: LocalizedText(en: "back \(id)", ja: "裏 \(id)"))
    }

    static func row(_ id: String, _ state: CardState, due: Date, last: Date? = nil, buried: Date? = nil) -> CardProgress {
        CardProgress(cardID: id, card: SchedulingCard(
            state: state, step: state == .review ? nil : 0, stability: 3, difficulty: 5,
            due: due, lastReview: last ?? due.addingTimeInterval(-86_400)), buriedUntil: buried)
    }

    static func settings(new: Int = 20, reviews: Int = 200) -> AppSettings {
        var s = AppSettings()
        s.newCardsPerDay = new
        s.reviewsPerDay = reviews
        return s
    }
}

@Suite struct StudyQueueTests {
    typealias F = StudyFixture

    @Test func dueLearningFirstThenReviewsThenNew() {
        let cards = (1...6).map { F.card("c\($0)") }
        let now = F.morning
        let progress: [String: CardProgress] = [
            "c1": F.row("c1", .review, due: now.addingTimeInterval(-3600)),
            "c2": F.row("c2", .relearning, due: now.addingTimeInterval(-60)),
            "c3": F.row("c3", .learning, due: now.addingTimeInterval(-120)),
            "c4": F.row("c4", .review, due: now.addingTimeInterval(-7200)),
        ]
        let q = StudyQueue.build(cards: cards, scope: .all, progress: progress, now: now,
                                 limits: DailyLimits(newCards: 20, reviews: 200), today: DayCounts(), clock: F.clock)
        #expect(q.learning == ["c3", "c2"])
        #expect(q.reviews == ["c4", "c1"])
        #expect(q.new == ["c5", "c6"])
        #expect(q.next == "c3")
    }

    @Test func reviewsAreDueForTheWholeStudyDayButLearningStepsToTheMinute() {
        let cards = [F.card("r-tonight"), F.card("r-tomorrow"), F.card("l-soon"), F.card("l-later")]
        let now = F.morning
        let progress: [String: CardProgress] = [
            "r-tonight": F.row("r-tonight", .review, due: now.addingTimeInterval(10 * 3600)),   // 20:00, same study day
            "r-tomorrow": F.row("r-tomorrow", .review, due: now.addingTimeInterval(19 * 3600)), // 05:00 next day
            "l-soon": F.row("l-soon", .learning, due: now.addingTimeInterval(5 * 60)),
            "l-later": F.row("l-later", .learning, due: now.addingTimeInterval(3600)),
        ]
        let q = StudyQueue.build(cards: cards, scope: .all, progress: progress, now: now,
                                 limits: DailyLimits(newCards: 20, reviews: 200), today: DayCounts(), clock: F.clock)
        #expect(q.reviews == ["r-tonight"])
        #expect(q.learning.isEmpty)
        #expect(q.learnAhead == ["l-soon"])
        #expect(q.next == "r-tonight")
    }

    @Test func dailyLimitsCountWhatWasAlreadyStudiedToday() {
        let cards = (1...10).map { F.card("c\($0)") }
        var progress: [String: CardProgress] = [:]
        for i in 1...5 { progress["c\(i)"] = F.row("c\(i)", .review, due: F.morning.addingTimeInterval(-Double(i) * 60)) }
        let q = StudyQueue.build(cards: cards, scope: .all, progress: progress, now: F.morning,
                                 limits: DailyLimits(newCards: 3, reviews: 4),
                                 today: DayCounts(newIntroduced: 1, reviewsDone: 2), clock: F.clock)
        #expect(q.reviews == ["c5", "c4"])
        #expect(q.new == ["c6", "c7"])
    }

    @Test func scopesFilterByDomainDeckAndTag() {
        let cards = [F.card("a", deck: "d1", domain: "1", tags: ["x"]), F.card("b", deck: "d2", domain: "2", tags: ["y"]),
                     F.card("c", deck: "d2", domain: "1", tags: ["x", "y"])]
        func new(_ scope: StudyScope) -> [String] {
            StudyQueue.build(cards: cards, scope: scope, progress: [:], now: F.morning,
                             limits: DailyLimits(newCards: 20, reviews: 200), today: DayCounts(), clock: F.clock).new
        }
        #expect(new(.all) == ["a", "b", "c"])
        #expect(new(.domain("1")) == ["a", "c"])
        #expect(new(.deck("d2")) == ["b", "c"])
        #expect(new(.tag("y")) == ["b", "c"])
    }

    @Test func buriedCardsComeBackWhenTheBurialEnds() {
        let cards = [F.card("a"), F.card("b")]
        let until = F.clock.nextDayStart(after: F.morning)
        let progress = ["a": CardProgress(cardID: "a", card: .new(due: F.morning), buriedUntil: until)]
        func new(at now: Date) -> [String] {
            StudyQueue.build(cards: cards, scope: .all, progress: progress, now: now,
                             limits: DailyLimits(newCards: 20, reviews: 200), today: DayCounts(), clock: F.clock).new
        }
        #expect(new(at: F.morning) == ["b"])
        #expect(new(at: until) == ["a", "b"])
    }

    @Test func dayCountsSeparateNewCardsFromReviewsAndIgnoreLearningSteps() {
        let scheduler = Scheduler(parameters: SchedulerParameters(enableFuzzing: false))
        let fresh = scheduler.review(.new(due: F.morning), rating: .good, at: F.morning)
        let step = scheduler.review(fresh.0, rating: .good, at: F.morning.addingTimeInterval(600))
        let review = scheduler.review(step.0, rating: .good, at: step.0.due)
        let logs = [fresh.1, step.1, review.1].enumerated().map {
            StoredReview(id: Int64($0.offset), cardID: "c", log: $0.element, answerMilliseconds: 0)
        }
        #expect(DayCounts(logs) == DayCounts(newIntroduced: 1, reviewsDone: 1))
    }
}
