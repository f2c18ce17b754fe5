import AIFCore
import Foundation
import SpacedRepetition

/// One domain's part of the readiness estimate: a Beta posterior on the chance of answering one of its
/// questions right.
public struct DomainReadiness: Sendable, Equatable, Codable {
    public var id: String
    public var number: Int
    /// Share of the exam, 0…1.
    public var weight: Double
    public var answers: Int
    /// Answers after recency weighting (Kish's effective sample size).
    public var effectiveAnswers: Double
    /// Mean FSRS retrievability now of the domain's studied cards; nil when fewer than `minimumCards`.
    public var cardRecall: Double?
    public var cardsStudied: Int
    public var mean: Double
    public var sd: Double
}

public struct TaskReadiness: Sendable, Equatable, Codable {
    public var id: String
    public var domainID: String
    public var answers: Int
    public var mean: Double
}

/// An estimated exam score with an 80 % range, from recent quiz answers and card retrievability.
public struct Readiness: Sendable, Equatable, Codable {
    public var score: Int
    public var low: Int
    public var high: Int
    public var fraction: Double
    public var domains: [DomainReadiness]
    public var weakestTasks: [TaskReadiness]
    public var answersUsed: Int
    public var passingScore: Int

    /// No quiz answers and no studied cards: the figure is the prior alone.
    public var hasEvidence: Bool { answersUsed > 0 || domains.contains { $0.cardRecall != nil } }
    public var weakestDomain: DomainReadiness? { domains.min { ($0.mean, $0.number) < ($1.mean, $1.number) } }
}

/// How readiness is estimated. Per domain, answers are weighted by recency (half-life `halfLifeDays`);
/// their weighted accuracy and effective count update a Beta prior whose mean is the domain's card recall
/// (or ½ without cards). Domains combine by exam weight; the range is the posterior's 10th–90th
/// percentiles under a normal approximation, mapped through the scaled score.
public struct ReadinessEstimator: Sendable {
    /// Short because learners improve: on simulated improving learners a 21-day half-life lagged so far
    /// behind that the range missed high far more often than low (coverage 74 %; 7 days: 80 %).
    public var halfLifeDays = 7.0
    /// Pseudo-answers the prior counts for: Beta(1, 1) without cards.
    public var priorStrength = 2.0
    /// With card recall known, the prior leans on it a little more.
    public var cardPriorStrength = 3.0
    public var minimumCards = 3
    /// z for a central 80 % range.
    public var z = 1.2815515655446004
    public var scheduler = Scheduler()

    public init() {}

    public func estimate(answers: [AnswerRecord], progress: [String: CardProgress], library: ContentLibrary, now: Date) -> Readiness {
        let bp = library.blueprint
        let totalWeight = Double(max(1, bp.domains.reduce(0) { $0 + $1.weight }))
        struct Tally { var n = 0; var w = 0.0; var w2 = 0.0; var s = 0.0 }
        var byDomain: [String: Tally] = [:], byTask: [String: Tally] = [:]
        var used = 0
        for a in answers where a.answeredAt <= now {
            guard let q = library.question(id: a.questionID) else { continue }
            let age = max(0, now.timeIntervalSince(a.answeredAt) / 86_400)
            let w = pow(0.5, age / halfLifeDays)
            for key in [q.domainID, "t:" + q.taskID] {
                var t = (key.hasPrefix("t:") ? byTask[key] : byDomain[key]) ?? Tally()
                t.n += 1; t.w += w; t.w2 += w * w; t.s += a.correct ? w : 0
                if key.hasPrefix("t:") { byTask[key] = t } else { byDomain[key] = t }
            }
            used += 1
        }
        var recall: [String: (sum: Double, n: Int)] = [:]
        for card in library.cards {
            guard let p = progress[card.id], !p.card.isNew else { continue }
            recall[card.domainID, default: (0, 0)].sum += scheduler.retrievability(of: p.card, at: now)
            recall[card.domainID, default: (0, 0)].n += 1
        }

        func posterior(_ t: Tally?, priorMean: Double, strength: Double) -> (mean: Double, sd: Double, ess: Double) {
            let ess = (t.map { $0.w2 > 0 ? $0.w * $0.w / $0.w2 : 0 }) ?? 0
            let acc = (t.map { $0.w > 0 ? $0.s / $0.w : 0 }) ?? 0
            let a = strength * priorMean + ess * acc, b = strength * (1 - priorMean) + ess * (1 - acc)
            let n = a + b
            return (a / n, (a * b / (n * n * (n + 1))).squareRoot(), ess)
        }

        var domains: [DomainReadiness] = []
        var fraction = 0.0, variance = 0.0
        for d in bp.domains {
            let r = recall[d.id]
            let cardRecall = r.flatMap { $0.n >= minimumCards ? $0.sum / Double($0.n) : nil }
            let post = posterior(byDomain[d.id], priorMean: cardRecall ?? 0.5,
                                 strength: cardRecall == nil ? priorStrength : cardPriorStrength)
            let weight = Double(d.weight) / totalWeight
            fraction += weight * post.mean
            variance += weight * weight * post.sd * post.sd
            domains.append(DomainReadiness(id: d.id, number: d.number, weight: weight, answers: byDomain[d.id]?.n ?? 0,
                                           effectiveAnswers: post.ess, cardRecall: cardRecall, cardsStudied: r?.n ?? 0,
                                           mean: post.mean, sd: post.sd))
        }
        // Tasks shrink toward their domain, so one unlucky answer does not make a task the weakest.
        let domainMean = Dictionary(uniqueKeysWithValues: domains.map { ($0.id, $0.mean) })
        let tasks = bp.tasks.map { task in
            let t = byTask["t:" + task.id]
            return TaskReadiness(id: task.id, domainID: task.domainID, answers: t?.n ?? 0,
                                 mean: posterior(t, priorMean: domainMean[task.domainID] ?? 0.5, strength: priorStrength).mean)
        }
        let weakest = tasks.sorted { ($0.mean, $0.answers, $0.id) < ($1.mean, $1.answers, $1.id) }.prefix(3)

        let scale = ScaledScore(blueprint: bp)
        let sd = variance.squareRoot()
        let clamp = { (x: Double) in min(max(x, 0), 1) }
        return Readiness(score: scale.score(fraction: fraction), low: scale.score(fraction: clamp(fraction - z * sd)),
                         high: scale.score(fraction: clamp(fraction + z * sd)), fraction: fraction, domains: domains,
                         weakestTasks: Array(weakest), answersUsed: used, passingScore: bp.passingScore)
    }
}
