import Foundation
import SeededRandom
import SpacedRepetition

/// One study session: picks the next card, rates, buries and undoes, writing every change to the store
/// before moving on. A failed write leaves the session exactly as it was.
public struct StudySession {
    public let cards: [Card]
    public let scope: StudyScope
    public let store: any ProgressStoring
    public var scheduler: Scheduler
    public var limits: DailyLimits
    public var clock: StudyClock
    public let startedAt: Date
    public private(set) var progress: [String: CardProgress]
    /// The card on screen, nil when the session is over.
    public private(set) var current: String?
    public private(set) var stats = SessionStats()
    public var canUndo: Bool { !undoStack.isEmpty }

    private var rng: SeededGenerator
    /// Reviews since the start of the study day the session began (kept in memory for the daily counts).
    private var recentReviews: [StoredReview]
    private var undoStack: [UndoEntry] = []

    struct UndoEntry {
        var cardID: String
        var previous: CardProgress?
        var review: StoredReview?
        var stats: SessionStats
    }

    public init(
        cards: [Card], scope: StudyScope, store: any ProgressStoring, settings: AppSettings,
        now: Date, seed: UInt64, timeZone: TimeZone = .current
    ) throws {
        let clock = StudyClock(timeZone: timeZone, dayStartHour: settings.dayStartHour)
        self.init(cards: cards, scope: scope, snapshot: try ProgressSnapshot.read(store, clock: clock, now: now), store: store,
                  settings: settings, now: now, seed: seed, timeZone: timeZone)
    }

    /// A session from a snapshot read beforehand (off the UI loop): building it reads nothing.
    /// `extraNewCards` lifts today's new-card limit (studying just-added cards now).
    public init(
        cards: [Card], scope: StudyScope, snapshot: ProgressSnapshot, store: any ProgressStoring, settings: AppSettings,
        now: Date, seed: UInt64, timeZone: TimeZone = .current, extraNewCards: Int = 0
    ) {
        self.cards = cards
        self.scope = scope
        self.store = store
        scheduler = Scheduler(parameters: SchedulerParameters(desiredRetention: settings.desiredRetention))
        limits = DailyLimits(settings)
        limits.newCards += max(0, extraNewCards)
        clock = StudyClock(timeZone: timeZone, dayStartHour: settings.dayStartHour)
        startedAt = now
        rng = SeededGenerator(seed: seed)
        progress = snapshot.progress
        recentReviews = snapshot.todayReviews
        current = queue(at: now).next
    }

    public func today(at now: Date) -> DayCounts {
        let start = clock.dayStart(containing: now)
        return DayCounts(recentReviews.filter { $0.log.reviewedAt >= start })
    }

    public func queue(at now: Date) -> StudyQueue {
        StudyQueue.build(cards: cards, scope: scope, progress: progress, now: now, limits: limits,
                         today: today(at: now), clock: clock)
    }

    public var currentCard: Card? { current.flatMap { id in cards.first { $0.id == id } } }

    /// The scheduling state of the current card (a fresh one if it was never studied).
    public func schedulingCard(at now: Date) -> SchedulingCard? {
        guard let current else { return nil }
        return progress[current]?.card ?? .new(due: now)
    }

    /// The due date each rating would give (without fuzz), for the button labels.
    public func preview(at now: Date) -> [Rating: Date] {
        guard let card = schedulingCard(at: now) else { return [:] }
        return scheduler.preview(card, at: now)
    }

    /// Answer times above this are counted as this (the learner walked away).
    public static let answerTimeCap: TimeInterval = 5 * 60

    /// The answer time to log for a card shown at `shownAt` and rated at `now`, capped.
    public static func answerMilliseconds(shownAt: Date, now: Date) -> Int {
        Int((min(max(0, now.timeIntervalSince(shownAt)), answerTimeCap) * 1000).rounded())
    }

    /// A change worked out but not yet written: the caller writes `write` to the store (off the loop if
    /// it likes), then calls `commit` with what the store returned. Until then the session is unchanged.
    public struct PendingChange: @unchecked Sendable {
        public enum Write {
            case record(CardProgress, review: ReviewLog, answerMilliseconds: Int)
            case save(CardProgress)
            case restore(cardID: String, previous: CardProgress?, deletingReview: Int64?)
        }
        public let write: Write
        let at: Date
        let rng: SeededGenerator?

        /// Performs the write; returns the new log row's id for a rating.
        public func perform(on store: any ProgressStoring) throws -> Int64? {
            switch write {
            case .record(let row, let log, let ms): return try store.record(row, review: log, answerMilliseconds: ms)
            case .save(let row): try store.save(row); return nil
            case .restore(let id, let previous, let review): try store.restore(cardID: id, previous: previous, deletingReview: review); return nil
            }
        }
    }

    /// Rating the current card, as a pending change.
    public func rating(_ rating: Rating, at now: Date, answerMilliseconds: Int) -> PendingChange? {
        guard let id = current, let before = schedulingCard(at: now) else { return nil }
        var generator = rng
        let (after, log) = scheduler.review(before, rating: rating, at: now, using: &generator)
        return PendingChange(write: .record(CardProgress(cardID: id, card: after), review: log, answerMilliseconds: max(0, answerMilliseconds)),
                             at: now, rng: generator)
    }

    /// Burying the current card until the next study day, as a pending change.
    public func burying(at now: Date) -> PendingChange? {
        guard let id = current, let card = schedulingCard(at: now) else { return nil }
        return PendingChange(write: .save(CardProgress(cardID: id, card: card, buriedUntil: clock.nextDayStart(after: now))), at: now, rng: nil)
    }

    /// Undoing the last rating or bury, as a pending change.
    public var undoing: PendingChange? {
        guard let entry = undoStack.last else { return nil }
        return PendingChange(write: .restore(cardID: entry.cardID, previous: entry.previous, deletingReview: entry.review?.id), at: startedAt, rng: nil)
    }

    /// Applies a change the store has written; `reviewID` is what `perform` returned.
    public mutating func commit(_ change: PendingChange, reviewID: Int64?) {
        switch change.write {
        case .record(let row, let log, let ms):
            let id = row.cardID
            if let rng = change.rng { self.rng = rng }
            let stored = StoredReview(id: reviewID ?? 0, cardID: id, log: log, answerMilliseconds: ms)
            undoStack.append(UndoEntry(cardID: id, previous: progress[id], review: stored, stats: stats))
            progress[id] = row
            recentReviews.append(stored)
            stats.count(log.rating, milliseconds: ms)
            current = queue(at: change.at).next
        case .save(let row):
            let id = row.cardID
            undoStack.append(UndoEntry(cardID: id, previous: progress[id], review: nil, stats: stats))
            progress[id] = row
            stats.buried += 1
            current = queue(at: change.at).next
        case .restore:
            guard let entry = undoStack.popLast() else { return }
            progress[entry.cardID] = entry.previous
            if let review = entry.review { recentReviews.removeAll { $0.id == review.id } }
            stats = entry.stats
            current = entry.cardID
        }
    }

    /// Rates the current card; the state and the log row are committed together before the next card is chosen.
    public mutating func rate(_ rating: Rating, at now: Date, answerMilliseconds: Int) throws {
        guard let change = self.rating(rating, at: now, answerMilliseconds: answerMilliseconds) else { return }
        commit(change, reviewID: try change.perform(on: store))
    }

    /// Skips the current card until the next study day starts.
    public mutating func bury(at now: Date) throws {
        guard let change = burying(at: now) else { return }
        commit(change, reviewID: try change.perform(on: store))
    }

    /// Undoes the last rating or bury: the card and the log are restored exactly and the card comes back.
    @discardableResult
    public mutating func undo() throws -> Bool {
        guard let change = undoing else { return false }
        commit(change, reviewID: try change.perform(on: store))
        return true
    }

    /// Stops early: the remaining cards stay due; `undo` can still bring the last card back.
    public mutating func end() { current = nil }

    /// Re-picks the current card (time passes: a learning card may have come due).
    public mutating func refresh(at now: Date) {
        if current == nil { current = queue(at: now).next }
    }

    public func summary(at now: Date) -> SessionSummary {
        let endOfToday = clock.nextDayStart(after: now)
        let dayAfterTomorrow = clock.nextDayStart(after: endOfToday)
        var laterToday = 0, due = 0, newLeft = 0
        for card in cards where scope.contains(card) {
            guard let row = progress[card.id], !row.card.isNew else { newLeft += 1; continue }
            if row.suspended { continue }
            // A card skipped today comes back when tomorrow starts, even if it was due earlier.
            let comes = max(row.card.due, row.buriedUntil ?? row.card.due)
            if comes < endOfToday { laterToday += 1 } else if comes < dayAfterTomorrow { due += 1 }
        }
        return SessionSummary(
            stats: stats, duration: now.timeIntervalSince(startedAt),
            dueLaterToday: laterToday, dueTomorrow: due, newTomorrow: min(newLeft, limits.newCards))
    }
}

/// Counts for the end-of-session summary.
public struct SessionStats: Sendable, Equatable {
    public var reviewed = 0
    public var byRating: [Rating: Int] = [:]
    public var buried = 0
    public var answerMilliseconds = 0

    public init() {}

    mutating func count(_ rating: Rating, milliseconds: Int) {
        reviewed += 1
        byRating[rating, default: 0] += 1
        answerMilliseconds += milliseconds
    }

    public var again: Int { byRating[.again] ?? 0 }
    /// Share of ratings that were Again (0 when nothing was reviewed).
    public var againRate: Double { reviewed == 0 ? 0 : Double(again) / Double(reviewed) }
}

public struct SessionSummary: Sendable, Equatable {
    public var stats: SessionStats
    /// Wall time since the session started, in seconds.
    public var duration: TimeInterval
    /// Cards still due before this study day ends: learning steps a few minutes away, reviews left.
    public var dueLaterToday: Int
    /// Cards already studied that come due during tomorrow's study day.
    public var dueTomorrow: Int
    /// New cards tomorrow's limit will bring.
    public var newTomorrow: Int
}
