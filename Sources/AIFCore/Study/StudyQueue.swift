import Foundation
import SpacedRepetition

/// Daily caps from Settings.
public struct DailyLimits: Sendable, Equatable {
    public var newCards: Int
    public var reviews: Int

    public init(newCards: Int, reviews: Int) {
        self.newCards = newCards
        self.reviews = reviews
    }

    public init(_ settings: AppSettings) {
        self.init(newCards: settings.newCardsPerDay, reviews: settings.reviewsPerDay)
    }
}

/// How much of today's limits is used: first reviews of new cards and reviews of cards in review state.
/// (Learning and relearning steps are never capped, as in Anki.)
public struct DayCounts: Sendable, Equatable {
    public var newIntroduced = 0
    public var reviewsDone = 0

    public init(newIntroduced: Int = 0, reviewsDone: Int = 0) {
        self.newIntroduced = newIntroduced
        self.reviewsDone = reviewsDone
    }

    public init(_ reviews: [StoredReview]) {
        for review in reviews {
            if review.log.before.isNew { newIntroduced += 1 }
            else if review.log.before.state == .review { reviewsDone += 1 }
        }
    }
}

/// The study day's boundaries, from the settings' day start hour.
public struct StudyClock: Sendable {
    public var timeZone: TimeZone
    public var dayStartHour: Int

    public init(timeZone: TimeZone = .current, dayStartHour: Int = 4) {
        self.timeZone = timeZone
        self.dayStartHour = dayStartHour
    }

    public func dayStart(containing date: Date) -> Date {
        StudyDay.start(containing: date, timeZone: timeZone, dayStartHour: dayStartHour)
    }

    public func nextDayStart(after date: Date) -> Date {
        StudyDay.nextStart(after: date, timeZone: timeZone, dayStartHour: dayStartHour)
    }
}

/// What a session shows, in order: (re)learning cards due now, reviews due today up to the limit,
/// new cards up to the limit; when nothing else is left, learning cards due within `learnAhead`.
public struct StudyQueue: Sendable, Equatable {
    public var learning: [String] = []
    public var reviews: [String] = []
    public var new: [String] = []
    public var learnAhead: [String] = []

    public var next: String? { learning.first ?? reviews.first ?? new.first ?? learnAhead.first }
    /// What the learner still has today (learn-ahead cards count as learning).
    public var remaining: (learning: Int, reviews: Int, new: Int) {
        (learning.count + learnAhead.count, reviews.count, new.count)
    }

    public init(learning: [String] = [], reviews: [String] = [], new: [String] = [], learnAhead: [String] = []) {
        self.learning = learning
        self.reviews = reviews
        self.new = new
        self.learnAhead = learnAhead
    }

    /// - Parameters:
    ///   - cards: content order, which is the order new cards are introduced in.
    ///   - today: what was already studied this study day.
    public static func build(
        cards: [Card], scope: StudyScope, progress: [String: CardProgress], now: Date,
        limits: DailyLimits, today: DayCounts, clock: StudyClock, learnAhead: TimeInterval = 20 * 60
    ) -> StudyQueue {
        // Reviews are due by study day, not to the minute: a card due at 9 pm is due all that day.
        let endOfToday = clock.nextDayStart(after: now)
        var learning: [(String, Date)] = []
        var reviews: [(String, Date)] = []
        var ahead: [(String, Date)] = []
        var new: [String] = []
        var seen = Set<String>()
        for card in cards where scope.contains(card) && seen.insert(card.id).inserted {
            guard let row = progress[card.id] else {
                new.append(card.id)
                continue
            }
            if row.isBuried(at: now) || row.suspended { continue }
            let state = row.card
            if state.isNew {
                new.append(card.id)
            } else if state.state == .review {
                if state.due < endOfToday { reviews.append((card.id, state.due)) }
            } else if state.due <= now {
                learning.append((card.id, state.due))
            } else if state.due <= now.addingTimeInterval(learnAhead) {
                ahead.append((card.id, state.due))
            }
        }
        func byDue(_ items: [(String, Date)]) -> [String] {
            items.enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element.0)
        }
        return StudyQueue(
            learning: byDue(learning),
            reviews: Array(byDue(reviews).prefix(max(0, limits.reviews - today.reviewsDone))),
            new: Array(new.prefix(max(0, limits.newCards - today.newIntroduced))),
            learnAhead: byDue(ahead))
    }
}
