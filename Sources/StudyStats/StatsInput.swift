import AIFCore
import Foundation

/// Everything the statistics read from the progress store, taken in one go so the figures are computed
/// from a consistent snapshot (and tests build it by hand).
public struct StatsInput: Sendable {
    public var reviews: [StoredReview]
    public var progress: [String: CardProgress]
    public var attempts: [QuizHistoryEntry]
    public var answers: [AnswerRecord]

    public init(reviews: [StoredReview] = [], progress: [String: CardProgress] = [:],
                attempts: [QuizHistoryEntry] = [], answers: [AnswerRecord] = []) {
        self.reviews = reviews
        self.progress = progress
        self.attempts = attempts
        self.answers = answers
    }

    /// Reads a snapshot through the two store protocols.
    public static func read(cards: some ProgressStoring, quizzes: some QuizAttemptStoring) throws -> StatsInput {
        StatsInput(reviews: try cards.reviews(since: .distantPast), progress: try cards.allProgress(),
                   attempts: try quizzes.history(), answers: try quizzes.answerHistory())
    }
}
