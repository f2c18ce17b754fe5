import Foundation

/// A finished attempt as listed in the history.
public struct QuizHistoryEntry: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var mode: QuizMode
    public var finishedAt: Date
    public var scaledScore: Int
    public var correct: Int
    public var total: Int
    public var passed: Bool
    public var timeUsed: Double

    public init(id: String, mode: QuizMode, finishedAt: Date, scaledScore: Int, correct: Int, total: Int, passed: Bool, timeUsed: Double) {
        self.id = id
        self.mode = mode
        self.finishedAt = finishedAt
        self.scaledScore = scaledScore
        self.correct = correct
        self.total = total
        self.passed = passed
        self.timeUsed = timeUsed
    }

    public init(attempt: QuizAttempt, result: QuizResult) {
        self.init(id: attempt.id, mode: attempt.mode, finishedAt: attempt.finishedAt ?? attempt.startedAt,
                  scaledScore: result.scaledScore, correct: result.correct, total: result.total,
                  passed: result.passed, timeUsed: result.timeUsed)
    }
}

/// A stored attempt that cannot be used; it is reported by id and left in place (starting a new quiz replaces it).
public struct DamagedAttemptError: Error, Sendable, Equatable, CustomStringConvertible {
    public var attemptID: String
    public var reason: String
    public init(attemptID: String, reason: String) {
        self.attemptID = attemptID
        self.reason = reason
    }
    public var description: String { "the saved quiz '\(attemptID)' is damaged (\(reason))" }
}

/// Where attempts live. The app saves after every answer, so quitting or a crash loses nothing.
public protocol QuizAttemptStoring: AnyObject {
    /// Saves the attempt in progress (there is at most one; saving replaces it).
    func saveProgress(_ attempt: QuizAttempt) throws
    /// The attempt in progress; throws `DamagedAttemptError` (never returns nil) when one is stored but unusable.
    func unfinishedAttempt() throws -> QuizAttempt?
    func discardUnfinished() throws
    /// Moves the attempt into the history with its result and appends its answers to the answer history.
    func recordFinished(_ attempt: QuizAttempt, result: QuizResult, answers: [AnswerRecord]) throws
    /// Finished attempts, oldest first.
    func history() throws -> [QuizHistoryEntry]
    /// A finished attempt exactly as it was taken, for review.
    func finishedAttempt(id: String) throws -> QuizAttempt?
    /// Every answer given in finished attempts, oldest first.
    func answerHistory() throws -> [AnswerRecord]
    /// Questions the learner chose to study as flashcards ("add missed to flashcards").
    func addToStudy(_ questionIDs: [String], at date: Date) throws
    func studyQuestionIDs() throws -> [String]
}

/// The store used by tests and when no database is available.
public final class InMemoryQuizAttemptStore: QuizAttemptStoring, @unchecked Sendable {
    public private(set) var unfinished: QuizAttempt?
    public private(set) var finished: [(attempt: QuizAttempt, result: QuizResult)] = []
    public private(set) var answers: [AnswerRecord] = []
    public private(set) var study: [String] = []
    /// How many times `saveProgress` ran (tests check "saved after every answer").
    public private(set) var saveCount = 0

    public init() {}

    public func saveProgress(_ attempt: QuizAttempt) throws {
        saveCount += 1
        unfinished = attempt
    }

    public func unfinishedAttempt() throws -> QuizAttempt? { unfinished }
    public func discardUnfinished() throws { unfinished = nil }

    public func recordFinished(_ attempt: QuizAttempt, result: QuizResult, answers new: [AnswerRecord]) throws {
        if unfinished?.id == attempt.id { unfinished = nil }
        finished.removeAll { $0.attempt.id == attempt.id }
        finished.append((attempt, result))
        answers += new
    }

    public func history() throws -> [QuizHistoryEntry] {
        finished.map { QuizHistoryEntry(attempt: $0.attempt, result: $0.result) }.sorted { $0.finishedAt < $1.finishedAt }
    }

    public func finishedAttempt(id: String) throws -> QuizAttempt? { finished.first { $0.attempt.id == id }?.attempt }
    public func answerHistory() throws -> [AnswerRecord] { answers.sorted { $0.answeredAt < $1.answeredAt } }

    public func addToStudy(_ questionIDs: [String], at date: Date) throws {
        for id in questionIDs where !study.contains(id) { study.append(id) }
    }

    public func studyQuestionIDs() throws -> [String] { study }
}
