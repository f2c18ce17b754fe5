import Foundation
import SeededRandom

/// One run through a set of questions, saved after every answer. Everything needed to show the attempt
/// again exactly as it was seen is here: the question order, each question's display permutation and the seed.
public struct QuizAttempt: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var mode: QuizMode
    public var seed: UInt64
    public var questionIDs: [String]
    /// Per question, display position → content index: options (single/multiple), the starting order of
    /// items (ordering) or the order of the answer column (matching).
    public var permutations: [[Int]]
    public var answers: [QuizAnswer?]
    public var flagged: [Bool]
    /// Questions whose feedback has been shown (study modes); their answers are locked.
    public var checked: [Bool]
    /// Seconds; nil for untimed practice.
    public var timeLimit: Double?
    /// Seconds the quiz has been open. Wall-clock deadlines are not stored: the clock only runs while the
    /// app is open, so a quiz resumed tomorrow has the same time left as when it was closed.
    public var elapsed: Double
    public var current: Int
    public var startedAt: Date
    public var finishedAt: Date?

    public init(id: String, mode: QuizMode, seed: UInt64, questionIDs: [String], permutations: [[Int]],
                timeLimit: Double?, startedAt: Date) {
        precondition(questionIDs.count == permutations.count)
        self.id = id
        self.mode = mode
        self.seed = seed
        self.questionIDs = questionIDs
        self.permutations = permutations
        self.answers = Array(repeating: nil, count: questionIDs.count)
        self.flagged = Array(repeating: false, count: questionIDs.count)
        self.checked = Array(repeating: false, count: questionIDs.count)
        self.timeLimit = timeLimit
        self.elapsed = 0
        self.current = 0
        self.startedAt = startedAt
        self.finishedAt = nil
    }

    /// The longest time limit and elapsed time an attempt can hold (a week): anything beyond was not
    /// written by aifprep and would overflow the clock's arithmetic.
    public static let maximumSeconds: Double = 7 * 86_400

    /// What makes a stored attempt unusable (hand-edited or damaged), or nil when it can be resumed.
    public var validationProblem: String? {
        let n = questionIDs.count
        if n == 0 { return "it has no questions" }
        if permutations.count != n || answers.count != n || flagged.count != n || checked.count != n {
            return "its lists of questions, answers and flags differ in length"
        }
        if let timeLimit, !(timeLimit.isFinite && timeLimit > 0 && timeLimit <= Self.maximumSeconds) {
            return "timeLimit is \(timeLimit), not between 0 and \(Int(Self.maximumSeconds)) seconds"
        }
        if !(elapsed.isFinite && elapsed >= 0 && elapsed <= Self.maximumSeconds) {
            return "elapsed is \(elapsed), not between 0 and \(Int(Self.maximumSeconds)) seconds"
        }
        if !(0..<n).contains(current) { return "current question \(current) is not one of its \(n)" }
        for p in permutations where Set(p) != Set(0..<p.count) || p.isEmpty { return "a stored option order is not a permutation" }
        for date in [startedAt] + (finishedAt.map { [$0] } ?? [])
        where !(date.timeIntervalSince1970.isFinite && abs(date.timeIntervalSince1970) < 253_402_300_799) {
            return "a date is out of range"
        }
        return nil
    }

    public var count: Int { questionIDs.count }
    public var isFinished: Bool { finishedAt != nil }
    public var answeredCount: Int { answers.count { $0 != nil } }
    public var flaggedCount: Int { flagged.count { $0 } }

    public var remaining: Double? { timeLimit.map { max(0, $0 - elapsed) } }
    public var isTimeUp: Bool { timeLimit.map { elapsed >= $0 } ?? false }

    /// Permutations for `questions`: shuffled with `rng`, or in file order when `shuffle` is false.
    /// Ordering items are always shuffled (in file order they would give the answer away) and never
    /// start in the correct order.
    public static func permutations(for questions: [Question], shuffle: Bool, rng: inout SeededGenerator) -> [[Int]] {
        questions.map { q in
            let n: Int
            switch q.kind {
            case .single, .multiple: n = q.options.count
            case .ordering: n = q.items.count
            case .matching: n = q.pairs.count
            }
            let identity = Array(0..<n)
            if case .ordering = q.kind, n > 1 {
                var p = rng.shuffled(identity)
                while p == identity { p = rng.shuffled(identity) }
                return p
            }
            return shuffle ? rng.shuffled(identity) : identity
        }
    }
}
