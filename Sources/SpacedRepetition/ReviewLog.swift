import Foundation

/// One review and the card state on both sides of it: storing these is enough to rebuild or audit a card.
public struct ReviewLog: Codable, Sendable, Equatable, Hashable {
    public var rating: Rating
    public var reviewedAt: Date
    public var before: SchedulingCard
    public var after: SchedulingCard
    /// Retrievability at `reviewedAt` before the review (0 for a new card).
    public var retrievability: Double
    /// Whole days since the previous review (floor, as py-fsrs); nil on the first review.
    public var elapsedDays: Int?
    /// Time from the review to the new due date, in seconds.
    public var scheduledSeconds: TimeInterval
    /// Whether fuzz changed the interval.
    public var fuzzed: Bool

    public init(
        rating: Rating, reviewedAt: Date, before: SchedulingCard, after: SchedulingCard,
        retrievability: Double, elapsedDays: Int?, scheduledSeconds: TimeInterval, fuzzed: Bool
    ) {
        self.rating = rating
        self.reviewedAt = reviewedAt
        self.before = before
        self.after = after
        self.retrievability = retrievability
        self.elapsedDays = elapsedDays
        self.scheduledSeconds = scheduledSeconds
        self.fuzzed = fuzzed
    }

    /// Whole days scheduled when the card went to review, else nil (a (re)learning step).
    public var scheduledDays: Int? {
        after.state == .review ? Int((scheduledSeconds / 86_400).rounded()) : nil
    }
}
