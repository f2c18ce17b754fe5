import Foundation
import SpacedRepetition

/// A content card's stored scheduling state. Cards without a row are new.
public struct CardProgress: Sendable, Equatable, Hashable {
    public var cardID: String
    public var card: SchedulingCard
    /// Skipped until this instant (the next study day), then shown as usual.
    public var buriedUntil: Date?
    /// Left out of every session until unsuspended (Anki's suspend); its schedule is kept as it was.
    public var suspended: Bool

    public init(cardID: String, card: SchedulingCard, buriedUntil: Date? = nil, suspended: Bool = false) {
        self.cardID = cardID
        self.card = card
        self.buriedUntil = buriedUntil
        self.suspended = suspended
    }

    public func isBuried(at now: Date) -> Bool { buriedUntil.map { $0 > now } ?? false }
}

/// A "forget" of one card (Anki's Reset): the state it had, kept beside the review log, which is never
/// deleted. The card starts again as new.
public struct CardReset: Sendable, Equatable, Hashable {
    public var cardID: String
    public var at: Date
    /// The state before the reset (nil: it had no row, so nothing changed).
    public var previous: CardProgress?

    public init(cardID: String, at: Date, previous: CardProgress?) {
        self.cardID = cardID
        self.at = at
        self.previous = previous
    }
}

/// A review as stored: the FSRS log plus the row id (for undo) and how long the learner took.
public struct StoredReview: Sendable, Equatable, Hashable {
    public var id: Int64
    public var cardID: String
    public var log: ReviewLog
    /// Time from showing the front to the rating, in milliseconds.
    public var answerMilliseconds: Int

    public init(id: Int64, cardID: String, log: ReviewLog, answerMilliseconds: Int) {
        self.id = id
        self.cardID = cardID
        self.log = log
        self.answerMilliseconds = answerMilliseconds
    }
}

/// Where card progress lives (SQLite in the app, memory in tests). Each call is one transaction.
public protocol ProgressStoring: AnyObject {
    /// Every stored row, including ids no longer in the content.
    func allProgress() throws -> [String: CardProgress]
    /// Writes the card's new state and its log row together; returns the log row's id.
    func record(_ progress: CardProgress, review: ReviewLog, answerMilliseconds: Int) throws -> Int64
    /// Puts a card back to `previous` (nil: no row, i.e. new) and deletes log row `deletingReview`, together.
    func restore(cardID: String, previous: CardProgress?, deletingReview: Int64?) throws
    /// Saves a state without a review (burying).
    func save(_ progress: CardProgress) throws
    /// Reviews with `reviewedAt >= start`, oldest first (for today's counts).
    func reviews(since start: Date) throws -> [StoredReview]
    /// Every review of one card, oldest first.
    func reviews(cardID: String) throws -> [StoredReview]
    /// Makes the card new again and records the reset with its old state, together (the log stays).
    func reset(_ reset: CardReset) throws
    /// Every reset of one card, oldest first.
    func resets(cardID: String) throws -> [CardReset]
}
