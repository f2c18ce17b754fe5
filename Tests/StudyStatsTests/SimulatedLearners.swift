import AIFCore
import Foundation
import SeededRandom
import SpacedRepetition

/// The oracle for readiness: learners whose ability per domain is known, answering the real question bank.
/// It shares nothing with the estimator. Its rule: a learner's true expected exam score is the mean scaled
/// score over exams drawn like the app's (65 questions, domain quotas by weight), each question answered
/// right with the learner's ability in its domain today — computed exactly, by convolving the binomials.
struct SimulatedLearner {
    /// Chance of answering a question of each domain right, today.
    var ability: [String: Double]
    var answers: [AnswerRecord]
    var progress: [String: CardProgress]
}

enum LearnerSimulation {
    static func trueExpectedScore(ability: [String: Double], blueprint: ExamBlueprint) -> Double {
        let quotas = QuizSelector.quotas(count: blueprint.questions, weights: blueprint.domains.map { ($0.id, $0.weight) })
        var distribution = [1.0] // P(k correct so far)
        for d in blueprint.domains {
            let n = quotas[d.id] ?? 0, p = ability[d.id] ?? 0
            for _ in 0..<n {
                var next = Array(repeating: 0.0, count: distribution.count + 1)
                for (k, pk) in distribution.enumerated() {
                    next[k] += pk * (1 - p)
                    next[k + 1] += pk * p
                }
                distribution = next
            }
        }
        let scale = ScaledScore(blueprint: blueprint)
        let total = distribution.count - 1
        return distribution.enumerated().reduce(0) { $0 + $1.element * Double(scale.score(correct: $1.offset, of: total)) }
    }

    /// `count` learners. Each studied for 7–60 days and improved over that time (answers early on were made
    /// with a lower ability), answered 3–400 questions drawn from the bank, and half of them also studied
    /// cards whose recall now sits near (not at) their ability.
    static func learners(bank: ContentLibrary, count: Int, seed: UInt64, now: Date) -> [SimulatedLearner] {
        var rng = SeededGenerator(seed: seed)
        func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * Double(rng.next() >> 11) / Double(1 << 53) }
        func normal() -> Double {
            let u = max(uniform(0, 1), 1e-12), v = uniform(0, 1)
            return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
        let domains = bank.blueprint.domains.map(\.id)
        let scheduler = Scheduler()
        return (0..<count).map { i in
            let ability = Dictionary(uniqueKeysWithValues: domains.map { ($0, uniform(0.3, 0.95)) })
            let gain = Dictionary(uniqueKeysWithValues: domains.map { ($0, uniform(0, 0.15)) })
            let span = uniform(7, 60)
            let n = Int(exp(uniform(log(3), log(400))))
            var answers: [AnswerRecord] = []
            for _ in 0..<n {
                let q = bank.questions[Int(rng.next() % UInt64(bank.questions.count))]
                let daysAgo = uniform(0, span)
                let then = max(0.05, ability[q.domainID]! - gain[q.domainID]! * daysAgo / span)
                answers.append(AnswerRecord(questionID: q.id, correct: uniform(0, 1) < then,
                                            answeredAt: now.addingTimeInterval(-daysAgo * 86_400), attemptID: "sim\(i)"))
            }
            answers.sort { $0.answeredAt < $1.answeredAt }
            var progress: [String: CardProgress] = [:]
            if i % 2 == 0 {
                for card in bank.cards where uniform(0, 1) < 0.5 {
                    // A Review card last seen 5 days ago whose stability gives recall ≈ ability + noise.
                    let target = min(0.99, max(0.05, ability[card.domainID]! + 0.1 * normal()))
                    let elapsed = 5.0
                    let factor = pow(0.9, 1 / -scheduler.parameters.weights[20]) - 1
                    let stability = factor * elapsed / (pow(target, 1 / -scheduler.parameters.weights[20]) - 1)
                    let last = now.addingTimeInterval(-elapsed * 86_400)
                    progress[card.id] = CardProgress(cardID: card.id, card: SchedulingCard(
                        state: .review, step: nil, stability: stability, difficulty: 5,
                        due: last.addingTimeInterval(max(1, stability) * 86_400), lastReview: last))
                }
            }
            return SimulatedLearner(ability: ability, answers: answers, progress: progress)
        }
    }
}
