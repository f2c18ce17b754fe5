import AIFCore
import Foundation
import Testing

@Suite("Quiz scoring")
struct QuizScoringTests {
    typealias F = QuizFixtures

    @Test func singleChoice() {
        let q = F.single("s", domain: 1, correct: 2)
        #expect(QuizScoring.isCorrect(q, .choices([2])))
        #expect(!QuizScoring.isCorrect(q, .choices([1])))
        #expect(!QuizScoring.isCorrect(q, .choices([1, 2])))
        #expect(!QuizScoring.isCorrect(q, .choices([])))
        #expect(!QuizScoring.isCorrect(q, nil))
        #expect(!QuizScoring.isCorrect(q, .order([2])))
    }

    @Test func multipleResponseIsAllOrNothing() {
        let q = F.multiple("m", domain: 2, correct: [1, 3])
        #expect(QuizScoring.isCorrect(q, .choices([1, 3])))
        #expect(QuizScoring.isCorrect(q, .choices([3, 1])))
        #expect(!QuizScoring.isCorrect(q, .choices([1])), "one right pick of two earns nothing")
        #expect(!QuizScoring.isCorrect(q, .choices([1, 3, 4])), "an extra pick earns nothing")
        #expect(!QuizScoring.isCorrect(q, .choices([1, 2])))
        #expect(!QuizScoring.isCorrect(q, .choices([1, 1])))
    }

    @Test func orderingIsAllOrNothing() {
        let q = F.ordering("o", domain: 3)
        #expect(QuizScoring.isCorrect(q, .order([0, 1, 2, 3])))
        #expect(!QuizScoring.isCorrect(q, .order([0, 1, 3, 2])), "one swap is wrong")
        #expect(!QuizScoring.isCorrect(q, .order([0, 1, 2])))
    }

    @Test func matchingIsAllOrNothing() {
        let q = F.matching("x", domain: 4)
        #expect(QuizScoring.isCorrect(q, .matches([0, 1, 2])))
        #expect(!QuizScoring.isCorrect(q, .matches([0, 2, 1])))
        #expect(!QuizScoring.isCorrect(q, .matches([0, 1, nil])), "an unpaired prompt is wrong")
    }

    @Test func outcomesDistinguishUnanswered() {
        let q = F.single("s", domain: 1)
        #expect(QuizScoring.outcome(q, nil) == .unanswered)
        #expect(QuizScoring.outcome(q, .choices([0])) == .correct)
        #expect(QuizScoring.outcome(q, .choices([3])) == .incorrect)
    }

    @Test func scaledScoreMapping() {
        let s = ScaledScore()
        #expect(s.score(fraction: 0) == 100)
        #expect(s.score(fraction: 0.7) == 700)
        #expect(s.score(fraction: 1) == 1000)
        #expect(s.score(fraction: 0.35) == 400)   // halfway up the lower line
        #expect(s.score(fraction: 0.85) == 850)   // halfway up the upper line
        #expect(s.score(fraction: -1) == 100 && s.score(fraction: 2) == 1000 && s.score(fraction: .nan) == 100)
        // On a 65-question exam: 45 right (69.2 %) fails, 46 right (70.8 %) passes.
        #expect(s.score(correct: 45, of: 65) < 700 && !s.passes(s.score(correct: 45, of: 65)))
        #expect(s.score(correct: 46, of: 65) >= 700 && s.passes(s.score(correct: 46, of: 65)))
        var previous = 0
        for k in 0...65 {
            let v = s.score(correct: k, of: 65)
            #expect(v >= previous && (100...1000).contains(v))
            previous = v
        }
        let strict = ScaledScore(cutFraction: 0.8)
        #expect(strict.score(fraction: 0.8) == 700 && strict.score(fraction: 0.7) < 700)
        #expect(ScaledScore(blueprint: F.blueprint) == s)
    }

    @Test func resultCountsDomainsAndScoresCaseStudyQuestionsSeparately() throws {
        let lib = F.library()
        let qs = ["d1-001", "d1-002", "d3-001", "cs-q1", "cs-q2", "cs-q3"].map { lib.question(id: $0)! }
        var answers: [QuizAnswer?] = qs.map(F.correctAnswer)
        answers[1] = F.wrongAnswer(qs[1])
        answers[4] = F.wrongAnswer(qs[4])   // one case-study question wrong, the others still count
        answers[5] = nil
        let r = QuizResult(questions: qs, answers: answers, blueprint: lib.blueprint, timeUsed: 60, timeLimit: 600)
        #expect(r.outcomes == [.correct, .incorrect, .correct, .correct, .incorrect, .unanswered])
        #expect(r.correct == 3 && r.total == 6)
        #expect(r.domains == [DomainResult(id: "d1", number: 1, correct: 1, total: 2), DomainResult(id: "d3", number: 3, correct: 2, total: 4)])
        #expect(r.scaledScore == ScaledScore().score(correct: 3, of: 6))
        #expect(!r.passed)
    }
}
