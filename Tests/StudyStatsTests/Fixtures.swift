import AIFCore
import Foundation
import SpacedRepetition

/// A two-domain library and helpers to write review logs by hand.
enum F {
    static let utc = TimeZone(identifier: "UTC")!
    static let clock = StudyClock(timeZone: utc, dayStartHour: 4)

    static func date(_ s: String) -> Date { ISO8601DateFormatter().date(from: s)! }

    static let blueprint = ExamBlueprint(
        code: "T", title: LocalizedText(en: "T", ja: "T"), questions: 10, scored: 10, minutes: 10, extraMinutes: 0,
        passingScore: 700, minScore: 100, maxScore: 1000,
        domains: [
            Domain(id: "d1", number: 1, weight: 60, title: LocalizedText(en: "One", ja: "一"),
                   tasks: [TaskStatement(id: "1.1", domainID: "d1", title: LocalizedText(en: "T1.1", ja: "T1.1"))]),
            Domain(id: "d2", number: 2, weight: 40, title: LocalizedText(en: "Two", ja: "二"),
                   tasks: [TaskStatement(id: "2.1", domainID: "d2", title: LocalizedText(en: "T2.1", ja: "T2.1")),
                           TaskStatement(id: "2.2", domainID: "d2", title: LocalizedText(en: "T2.2", ja: "T2.2"))]),
        ])

    static func card(_ id: String, deck: String, domain: String, task: String) -> Card {
        Card(id: id, deckID: deck, taskID: task, domainID: domain, front: LocalizedText(en: "F " + id, ja: "表 " + id),
             back: LocalizedText(en: "B " + id, ja: "裏 " + id))
    }

    static func question(_ id: String, domain: String, task: String) -> Question {
        Question(id: id, taskID: task, domainID: domain, kind: .single, stem: LocalizedText(en: "Q " + id, ja: "問 " + id),
                 options: [AnswerOption(text: LocalizedText(en: "a", ja: "あ"), isCorrect: true, why: LocalizedText(en: "", ja: "")),
                           AnswerOption(text: LocalizedText(en: "b", ja: "い"), isCorrect: false, why: LocalizedText(en: "", ja: ""))],
                 explanation: LocalizedText(en: "", ja: ""))
    }

    static let library = ContentLibrary(
        blueprint: blueprint,
        decks: [Deck(id: "a", title: LocalizedText(en: "Deck A", ja: "デッキ A"), file: "cards/a.yaml"),
                Deck(id: "b", title: LocalizedText(en: "Deck B", ja: "デッキ B"), file: "cards/b.yaml")],
        cards: (1...6).map { card("a\($0)", deck: "a", domain: "d1", task: "1.1") }
            + (1...4).map { card("b\($0)", deck: "b", domain: "d2", task: $0 % 2 == 0 ? "2.2" : "2.1") },
        questions: (1...5).map { question("q1-\($0)", domain: "d1", task: "1.1") }
            + (1...5).map { question("q2-\($0)", domain: "d2", task: $0 <= 2 ? "2.1" : "2.2") },
        caseStudies: [], presets: [], diagnosisCards: [:])

    /// A card in Review with the given interval and last review.
    static func review(last: Date, intervalDays: Double, stability: Double? = nil) -> SchedulingCard {
        SchedulingCard(state: .review, step: nil, stability: stability ?? intervalDays, difficulty: 5,
                       due: last.addingTimeInterval(intervalDays * 86_400), lastReview: last)
    }

    static let learningCard = SchedulingCard(state: .learning, step: 0, stability: 1, difficulty: 5,
                                             due: date("2025-03-10T12:00:00Z"), lastReview: date("2025-03-10T11:50:00Z"))

    private nonisolated(unsafe) static var nextID: Int64 = 1

    /// A stored review at `at` of a card that was `before` (a new learning card when nil).
    static func log(_ card: String, at: Date, rating: Rating = .good, before: SchedulingCard? = nil, ms: Int = 5000) -> StoredReview {
        let b = before ?? SchedulingCard.new(due: at)
        let after = SchedulingCard(state: .review, step: nil, stability: 3, difficulty: 5, due: at.addingTimeInterval(3 * 86_400), lastReview: at)
        defer { nextID += 1 }
        return StoredReview(id: nextID, cardID: card,
                            log: ReviewLog(rating: rating, reviewedAt: at, before: b, after: after, retrievability: 0.9,
                                           elapsedDays: nil, scheduledSeconds: 3 * 86_400, fuzzed: false),
                            answerMilliseconds: ms)
    }
}
