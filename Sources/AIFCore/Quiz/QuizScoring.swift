import Foundation

/// The exam's rules: every question is all or nothing (one point), unanswered counts as wrong, and
/// case-study questions are scored one by one like any other.
public enum QuizScoring {
    public static func isCorrect(_ question: Question, _ answer: QuizAnswer?) -> Bool {
        guard let answer else { return false }
        switch (question.kind, answer) {
        case (.single, .choices(let picked)), (.multiple, .choices(let picked)):
            return Set(picked) == Set(question.correctOptionIndices) && picked.count == question.correctOptionIndices.count
        case (.ordering, .order(let order)):
            return order == Array(question.items.indices)
        case (.matching, .matches(let matches)):
            return matches == question.pairs.indices.map { Optional($0) }
        default:
            return false
        }
    }

    public static func outcome(_ question: Question, _ answer: QuizAnswer?) -> QuestionOutcome {
        guard answer != nil else { return .unanswered }
        return isCorrect(question, answer) ? .correct : .incorrect
    }
}

/// Maps the fraction of questions answered correctly onto the exam's 100–1000 scale.
///
/// AWS does not publish how raw results become scaled scores (it equates forms of different difficulty),
/// so this is an approximation: two straight lines meeting at the pass mark, with `cutFraction` (70 % by
/// default) of the questions correct scoring exactly `passingScore`. 0 % → 100, 70 % → 700, 100 % → 1000.
public struct ScaledScore: Sendable, Equatable {
    public var minScore: Int
    public var maxScore: Int
    public var passingScore: Int
    public var cutFraction: Double

    public static let defaultCutFraction = 0.7

    public init(minScore: Int = 100, maxScore: Int = 1000, passingScore: Int = 700, cutFraction: Double = ScaledScore.defaultCutFraction) {
        self.minScore = minScore
        self.maxScore = maxScore
        self.passingScore = passingScore
        self.cutFraction = min(max(cutFraction, 0.01), 0.99)
    }

    public init(blueprint: ExamBlueprint, cutFraction: Double = ScaledScore.defaultCutFraction) {
        self.init(minScore: blueprint.minScore, maxScore: blueprint.maxScore, passingScore: blueprint.passingScore,
                  cutFraction: cutFraction)
    }

    public func score(correct: Int, of total: Int) -> Int {
        score(fraction: total > 0 ? Double(correct) / Double(total) : 0)
    }

    public func score(fraction raw: Double) -> Int {
        let f = min(max(raw.isFinite ? raw : 0, 0), 1)
        let value: Double
        if f < cutFraction {
            value = Double(minScore) + Double(passingScore - minScore) * f / cutFraction
        } else {
            value = Double(passingScore) + Double(maxScore - passingScore) * (f - cutFraction) / (1 - cutFraction)
        }
        // Round down so that a score shown as 700 always really reached the cut.
        return Int((value + 1e-9).rounded(.down))
    }

    public func passes(_ score: Int) -> Bool { score >= passingScore }
}

public struct DomainResult: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var number: Int
    public var correct: Int
    public var total: Int

    public init(id: String, number: Int, correct: Int, total: Int) {
        self.id = id
        self.number = number
        self.correct = correct
        self.total = total
    }

    public var fraction: Double { total > 0 ? Double(correct) / Double(total) : 0 }
}

/// The scored outcome of an attempt.
public struct QuizResult: Codable, Sendable, Equatable {
    public var correct: Int
    public var total: Int
    public var scaledScore: Int
    public var passingScore: Int
    public var passed: Bool
    public var timeUsed: Double
    public var timeLimit: Double?
    public var domains: [DomainResult]
    public var outcomes: [QuestionOutcome]

    public init(questions: [Question], answers: [QuizAnswer?], blueprint: ExamBlueprint, timeUsed: Double,
                timeLimit: Double?, scale: ScaledScore? = nil) {
        let scale = scale ?? ScaledScore(blueprint: blueprint)
        let outcomes = zip(questions, answers).map { QuizScoring.outcome($0, $1) }
        self.outcomes = outcomes
        correct = outcomes.count { $0 == .correct }
        total = questions.count
        scaledScore = scale.score(correct: correct, of: total)
        passingScore = scale.passingScore
        passed = scale.passes(scaledScore)
        self.timeUsed = timeUsed
        self.timeLimit = timeLimit
        domains = blueprint.domains.compactMap { d in
            let here = questions.indices.filter { questions[$0].domainID == d.id }
            guard !here.isEmpty else { return nil }
            return DomainResult(id: d.id, number: d.number, correct: here.count { outcomes[$0] == .correct }, total: here.count)
        }
    }

    public var fraction: Double { total > 0 ? Double(correct) / Double(total) : 0 }
}
