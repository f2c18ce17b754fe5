import AIFCore
import Foundation
import SpacedRepetition

/// One study day's activity.
public struct DayActivity: Sendable, Equatable, Codable {
    public var date: StudyDate
    public var reviews: Int
    public var seconds: Double
}

/// Share of reviews passed (any rating but Again) among reviews of cards in the Review state.
public struct Retention: Sendable, Equatable, Codable {
    public var passed: Int
    public var total: Int
    public init(passed: Int, total: Int) {
        self.passed = passed
        self.total = total
    }
    public var rate: Double? { total > 0 ? Double(passed) / Double(total) : nil }
}

public struct StateCounts: Sendable, Equatable, Codable {
    public var new = 0, learning = 0, relearning = 0, young = 0, mature = 0, buried = 0
    /// Counted in their state too; left out of the forecast.
    public var suspended = 0
    public var total: Int { new + learning + relearning + young + mature }
}

public struct DeckStats: Sendable, Equatable, Codable {
    public var id: String
    public var title: LocalizedText
    public var size: Int
    public var studied: Int
    public var mature: Int
}

public struct DomainAccuracy: Sendable, Equatable, Codable {
    public var id: String
    public var number: Int
    public var correct: Int
    public var total: Int
    public var rate: Double? { total > 0 ? Double(correct) / Double(total) : nil }
}

/// The figures of the Stats screen and `aifprep stats`, computed from one snapshot of the store.
public struct StudyStats: Sendable, Equatable, Codable {
    /// Anki's line: a card is mature once its interval reaches 21 days.
    public static let matureDays = 21.0
    public static let heatmapWeeks = 26
    public static let forecastDays = 30

    public var today: StudyDate
    /// Oldest first, ending today: `heatmapWeeks` × 7 days.
    public var days: [DayActivity]
    public var currentStreak: Int
    public var longestStreak: Int
    /// Averages over the last 30 days, counting days without reviews.
    public var reviewsPerDay: Double
    public var secondsPerDay: Double
    /// Cards due on each of the next `forecastDays` days, today first (overdue cards count today).
    public var forecast: [Int]
    public var retentionYoung: Retention
    public var retentionMature: Retention
    public var states: StateCounts
    public var decks: [DeckStats]
    public var domains: [DomainAccuracy]
    /// Finished attempts, oldest first.
    public var exams: [QuizHistoryEntry]
    public var practice: [QuizHistoryEntry]
    public var passingScore: Int

    public init(_ input: StatsInput, library: ContentLibrary, now: Date, clock: StudyClock) {
        func day(_ date: Date) -> StudyDate {
            StudyDay.date(containing: date, timeZone: clock.timeZone, dayStartHour: clock.dayStartHour)
        }
        today = day(now)
        passingScore = library.blueprint.passingScore

        // Activity per day: reviews and answer time.
        var perDay: [Int: (Int, Double)] = [:]
        for r in input.reviews where r.log.reviewedAt <= now {
            let n = day(r.log.reviewedAt).dayNumber
            let old = perDay[n] ?? (0, 0)
            perDay[n] = (old.0 + 1, old.1 + Double(max(0, r.answerMilliseconds)) / 1000)
        }
        let t = today.dayNumber
        days = (0..<(Self.heatmapWeeks * 7)).reversed().map { back in
            let n = t - back
            return DayActivity(date: StudyDate(dayNumber: n), reviews: perDay[n]?.0 ?? 0, seconds: perDay[n]?.1 ?? 0)
        }
        let last30 = (0..<30).map { perDay[t - $0] ?? (0, 0) }
        reviewsPerDay = Double(last30.reduce(0) { $0 + $1.0 }) / 30
        secondsPerDay = last30.reduce(0) { $0 + $1.1 } / 30

        // Streaks: today without reviews yet does not break the streak that ended yesterday.
        let studied = Set(perDay.keys)
        var current = 0
        var n = studied.contains(t) ? t : t - 1
        while studied.contains(n) { current += 1; n -= 1 }
        currentStreak = current
        var longest = 0, run = 0, previous: Int?
        for d in studied.sorted() {
            run = previous == d - 1 ? run + 1 : 1
            longest = max(longest, run)
            previous = d
        }
        longestStreak = longest

        // Forecast and states of the cards in the content (rows of removed cards are ignored).
        var forecast = Array(repeating: 0, count: Self.forecastDays)
        var states = StateCounts()
        for card in library.cards {
            guard let p = input.progress[card.id], !p.card.isNew else { states.new += 1; continue }
            if p.isBuried(at: now) { states.buried += 1 }
            if p.suspended { states.suspended += 1 }
            switch p.card.state {
            case .learning: states.learning += 1
            case .relearning: states.relearning += 1
            case .review: if Self.isMature(p.card) { states.mature += 1 } else { states.young += 1 }
            }
            let offset = max(0, day(p.card.due).dayNumber - t)
            if offset < Self.forecastDays && !p.suspended { forecast[offset] += 1 }
        }
        self.forecast = forecast
        self.states = states

        // True retention over the last 30 days, young and mature by the interval the card had.
        let since = StudyDay.start(of: today.adding(days: -29), timeZone: clock.timeZone, dayStartHour: clock.dayStartHour)
        var young = Retention(passed: 0, total: 0), mature = Retention(passed: 0, total: 0)
        for r in input.reviews where r.log.reviewedAt >= since && r.log.reviewedAt <= now && r.log.before.state == .review {
            let passed = r.log.rating != .again ? 1 : 0
            if Self.isMature(r.log.before) {
                mature.total += 1; mature.passed += passed
            } else {
                young.total += 1; young.passed += passed
            }
        }
        retentionYoung = young
        retentionMature = mature

        decks = library.decks.map { deck in
            let cards = library.cards(inDeck: deck.id)
            let rows = cards.compactMap { input.progress[$0.id] }.filter { !$0.card.isNew }
            return DeckStats(id: deck.id, title: deck.title, size: cards.count, studied: rows.count,
                             mature: rows.count { $0.card.state == .review && Self.isMature($0.card) })
        }

        var byDomain: [String: (Int, Int)] = [:]
        for a in input.answers {
            guard let q = library.question(id: a.questionID) else { continue }
            let old = byDomain[q.domainID] ?? (0, 0)
            byDomain[q.domainID] = (old.0 + (a.correct ? 1 : 0), old.1 + 1)
        }
        domains = library.blueprint.domains.map {
            DomainAccuracy(id: $0.id, number: $0.number, correct: byDomain[$0.id]?.0 ?? 0, total: byDomain[$0.id]?.1 ?? 0)
        }
        let finished = input.attempts.filter { $0.finishedAt <= now }.sorted { $0.finishedAt < $1.finishedAt }
        exams = finished.filter { $0.mode == .exam }
        practice = finished.filter { $0.mode != .exam }
    }

    /// The interval the card was given at its last review, in days.
    static func intervalDays(_ card: SchedulingCard) -> Double {
        guard let last = card.lastReview else { return 0 }
        return card.due.timeIntervalSince(last) / 86_400
    }

    static func isMature(_ card: SchedulingCard) -> Bool { card.state == .review && intervalDays(card) >= matureDays - 1e-9 }

    public var reviewsToday: Int { days.last?.reviews ?? 0 }
    public var lastExam: QuizHistoryEntry? { exams.last }
}
