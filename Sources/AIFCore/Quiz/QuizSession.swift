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
/// A value type. It edits answers by what is shown (positions through each question's permutation),
/// counts active time from event times, and says when the attempt is due to be saved (`needsSave`).
public struct QuizSession: Sendable {
    public private(set) var attempt: QuizAttempt
    public let questions: [Question]
    private var clock = ActiveClock(maxStep: QuizSession.maxCountedGap)
    /// An answer, flag or check since the attempt was last handed out to save.
    private var edited = false
    private var unsavedSeconds = 0.0

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
        edited = true
    }

    public mutating func toggleFlag(_ i: Int) {
        guard attempt.flagged.indices.contains(i), !isFinished else { return }
        attempt.flagged[i].toggle()
        edited = true
    }

    /// Study modes: locks the answer and lets the screen show feedback. Returns whether it was correct.
    @discardableResult
    public mutating func check(_ i: Int) -> Bool {
        attempt.checked[i] = true
        edited = true
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

    // MARK: - Editing the current question's answer
    //
    // Positions are as shown: `k` is the k-th option (or item, or answer) on screen, mapped through the
    // question's permutation. Nothing changes once the question was checked or the quiz finished.

    /// Whether the current question's answer can still change.
    public var canEdit: Bool { !attempt.checked[attempt.current] && !isFinished }

    /// Single choice: the option shown at `k` becomes the answer. Multiple response: toggles it; with none
    /// left the question counts as unanswered again.
    public mutating func choose(_ k: Int) {
        let i = attempt.current, perm = attempt.permutations[i]
        guard perm.indices.contains(k) else { return }
        let content = perm[k]
        switch questions[i].kind {
        case .single:
            setAnswer(.choices([content]), at: i)
        case .multiple:
            var set = QuizAnswer.chosen(attempt.answers[i])
            if set.contains(content) { set.remove(content) } else { set.insert(content) }
            setAnswer(set.isEmpty ? nil : .choose(set), at: i)
        case .ordering, .matching:
            break
        }
    }

    /// Ordering: the items in the order shown (the answer once there is one, else the shuffled start).
    public var shownOrder: [Int] { QuizAnswer.order(attempt.answers[attempt.current], shown: attempt.permutations[attempt.current]) }

    /// Ordering: swaps the items shown at `from` and `to`; the order shown is then the answer.
    public mutating func moveItem(from: Int, to: Int) {
        var order = shownOrder
        guard case .ordering = currentQuestion.kind, order.indices.contains(from), order.indices.contains(to) else { return }
        order.swapAt(from, to)
        setAnswer(.order(order), at: attempt.current)
    }

    /// Ordering: takes the order shown as the answer (an item picked up and put down where it was).
    public mutating func acceptShownOrder() {
        guard case .ordering = currentQuestion.kind else { return }
        setAnswer(.order(shownOrder), at: attempt.current)
    }

    /// Matching: the answer shown at `k` goes with prompt `p`, leaving any prompt that had it (an answer
    /// belongs to one prompt); `k == nil` clears the prompt. No pairs left: unanswered again.
    public mutating func match(prompt p: Int, answerAt k: Int?) {
        let i = attempt.current, n = questions[i].pairs.count
        guard case .matching = questions[i].kind, (0..<n).contains(p) else { return }
        var m = QuizAnswer.matches(attempt.answers[i], count: n)
        if let k {
            guard (0..<n).contains(k) else { return }
            let content = attempt.permutations[i][k]
            for j in m.indices where m[j] == content { m[j] = nil }
            m[p] = content
        } else {
            m[p] = nil
        }
        setAnswer(m.allSatisfy { $0 == nil } ? nil : .matches(m), at: i)
    }

    // MARK: - Time and saving

    /// The most time counted between two events: a longer gap means the process was not running
    /// (suspended with Ctrl-Z, the machine asleep), and is counted as this much.
    public static let maxCountedGap = 5.0
    /// Counted seconds after which the attempt is saved even without an edit, so a crash loses little time.
    public static let autosaveSeconds = 10.0

    /// Counts the active time up to `now`, the time of the event being handled (the first event only
    /// starts the clock). Returns the warning crossed, if any.
    @discardableResult
    public mutating func advanceClock(to now: Date) -> TimerWarning? {
        let seconds = clock.advance(to: now)
        guard !isFinished, seconds > 0 else { return nil }
        unsavedSeconds += seconds
        return addElapsed(seconds)
    }

    /// Whether the attempt should be saved now: after every answer, flag and check, and every
    /// `autosaveSeconds` of counted time.
    public var needsSave: Bool { edited || unsavedSeconds >= Self.autosaveSeconds }

    /// The attempt to write; the policy starts over (call it whenever the attempt is saved).
    public mutating func takeAttemptToSave() -> QuizAttempt {
        edited = false
        unsavedSeconds = 0
        return attempt
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
