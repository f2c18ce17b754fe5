import Foundation

/// The scheduling state of one card: what FSRS needs to schedule its next review.
public struct SchedulingCard: Codable, Sendable, Equatable, Hashable {
    public var state: CardState
    /// Index into the (re)learning steps; nil in `.review`.
    public var step: Int?
    /// Days until retrievability falls to 90%; nil until the first review.
    public var stability: Double?
    /// 1 (easy) ... 10 (hard); nil until the first review.
    public var difficulty: Double?
    public var due: Date
    public var lastReview: Date?

    public init(
        state: CardState, step: Int?, stability: Double?, difficulty: Double?, due: Date, lastReview: Date?
    ) {
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
    }

    /// A card never reviewed: learning, step 0, no memory state.
    public static func new(due: Date) -> SchedulingCard {
        SchedulingCard(state: .learning, step: 0, stability: nil, difficulty: nil, due: due, lastReview: nil)
    }

    public var isNew: Bool { lastReview == nil }
}
