import Foundation
import SeededRandom

public enum QuizError: Error, Equatable, CustomStringConvertible {
    /// The content no longer has questions the attempt refers to (renamed or removed).
    case missingQuestions([String])
    case noQuestions
    /// The stored attempt's values do not fit its questions (hand-edited or damaged).
    case damaged(String)

    public var description: String {
        switch self {
        case .damaged(let reason): "the saved quiz is damaged (\(reason))"
        case .missingQuestions(let ids): "questions no longer in the content: \(ids.joined(separator: ", "))"
        case .noQuestions: "no questions match"
        }
    }
}

/// An attempt with its questions resolved: the engine the full-screen app and plain mode both drive.
/// A value type; callers save `attempt` after every change.
public struct QuizSession: Sendable {
    public private(set) var attempt: QuizAttempt
    public let questions: [Question]

    public init(attempt: QuizAttempt, library: ContentLibrary) throws {
        var missing: [String] = []
        var found: [Question] = []
        for id in attempt.questionIDs {
            if let q = library.question(id: id) { found.append(q) } else { missing.append(id) }
        }
        guard missing.isEmpty else { throw QuizError.missingQuestions(missing) }
        if let problem = attempt.validationProblem { throw QuizError.damaged(problem) }
        for (q, p) in zip(found, attempt.permutations) {
            let n: Int
            switch q.kind {
            case .single, .multiple: n = q.options.count
            case .ordering: n = q.items.count
            case .matching: n = q.pairs.count
            }
            if p.count != n { throw QuizError.damaged("the option order of \(q.id) has \(p.count) entries, the question \(n)") }
        }
        self.attempt = attempt
        self.questions = found
    }

    /// A new attempt over `questions`; the seed drives the option order and is recorded.
    public static func start(mode: QuizMode, questions: [Question], library: ContentLibrary, seed: UInt64,
                             timeLimit: Double?, shuffle: Bool = true, now: Date, id: String? = nil) throws -> QuizSession {
        guard !questions.isEmpty else { throw QuizError.noQuestions }
        var rng = SeededGenerator(seed: seed ^ 0x5157_4F50)   // a separate stream from the selection's
        let perms = QuizAttempt.permutations(for: questions, shuffle: shuffle, rng: &rng)
        let attempt = QuizAttempt(id: id ?? Self.makeID(now: now, seed: seed), mode: mode, seed: seed,
                                  questionIDs: questions.map(\.id), permutations: perms, timeLimit: timeLimit, startedAt: now)
        return try QuizSession(attempt: attempt, library: library)
    }

    /// Unique enough for one learner: milliseconds, the seed and a random tag (two runs with the same seed
    /// in the same second must not overwrite each other in the history).
    public static func makeID(now: Date, seed: UInt64) -> String {
        "\(Int(now.timeIntervalSince1970 * 1000))-\(String(seed, radix: 16))-\(String(UInt16.random(in: 0...UInt16.max), radix: 16))"
    }

    public var count: Int { questions.count }
    public var current: Int { attempt.current }
    public var currentQuestion: Question { questions[attempt.current] }
    public func answer(at i: Int) -> QuizAnswer? { attempt.answers[i] }
    public func isFlagged(_ i: Int) -> Bool { attempt.flagged[i] }
    public func isChecked(_ i: Int) -> Bool { attempt.checked[i] }
    public func permutation(_ i: Int) -> [Int] { attempt.permutations[i] }
    public var isFinished: Bool { attempt.isFinished }

    /// Records (or clears, with nil) an answer. Ignored once the question was checked or the quiz finished.
    public mutating func setAnswer(_ answer: QuizAnswer?, at i: Int) {
        guard attempt.answers.indices.contains(i), !attempt.checked[i], !isFinished else { return }
        attempt.answers[i] = answer
    }

    public mutating func toggleFlag(_ i: Int) {
        guard attempt.flagged.indices.contains(i), !isFinished else { return }
        attempt.flagged[i].toggle()
    }

    /// Study modes: locks the answer and lets the screen show feedback. Returns whether it was correct.
    @discardableResult
    public mutating func check(_ i: Int) -> Bool {
        attempt.checked[i] = true
        return QuizScoring.isCorrect(questions[i], attempt.answers[i])
    }

    public mutating func go(to i: Int) { attempt.current = min(max(0, i), count - 1) }
    public mutating func next() { go(to: attempt.current + 1) }
    public mutating func previous() { go(to: attempt.current - 1) }

    /// Adds active seconds; returns the warning crossed, if any.
    @discardableResult
    public mutating func addElapsed(_ seconds: Double) -> TimerWarning? {
        guard !isFinished, seconds > 0 else { return nil }
        let before = attempt.elapsed
        attempt.elapsed += seconds
        guard let limit = attempt.timeLimit else { return nil }
        attempt.elapsed = min(attempt.elapsed, limit)
        return TimerWarning.crossed(limit: limit, elapsedBefore: before, elapsedAfter: attempt.elapsed)
    }

    public var remaining: Double? { attempt.remaining }
    public var isTimeUp: Bool { attempt.isTimeUp }

    public func unanswered() -> [Int] { attempt.answers.indices.filter { attempt.answers[$0] == nil } }
    public func flagged() -> [Int] { attempt.flagged.indices.filter { attempt.flagged[$0] } }

    public func result(blueprint: ExamBlueprint) -> QuizResult {
        QuizResult(questions: questions, answers: attempt.answers, blueprint: blueprint, timeUsed: attempt.elapsed,
                   timeLimit: attempt.timeLimit)
    }

    /// Ends the attempt and returns its result and the answers to add to the learner's history
    /// (answered questions only: a skipped question says nothing about what the learner knows).
    public mutating func finish(now: Date, blueprint: ExamBlueprint) -> (QuizResult, [AnswerRecord]) {
        if attempt.finishedAt == nil { attempt.finishedAt = now }
        let result = result(blueprint: blueprint)
        let records = questions.indices.compactMap { i -> AnswerRecord? in
            guard attempt.answers[i] != nil else { return nil }
            return AnswerRecord(questionID: questions[i].id, correct: result.outcomes[i] == .correct,
                                answeredAt: now, attemptID: attempt.id)
        }
        return (result, records)
    }
}
