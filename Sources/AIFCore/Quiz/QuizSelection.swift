import Foundation
import SeededRandom

/// What a practice quiz draws from; empty sets mean "all".
public struct PracticeFilter: Codable, Sendable, Equatable {
    public var domains: Set<String>
    public var tasks: Set<String>
    /// `QuestionKind.name` values.
    public var kinds: Set<String>
    public var difficulties: Set<Difficulty>
    public var count: Int

    public init(
        domains: Set<String> = [], tasks: Set<String> = [], kinds: Set<String> = [],
        difficulties: Set<Difficulty> = [], count: Int = 20
    ) {
        self.domains = domains
        self.tasks = tasks
        self.kinds = kinds
        self.difficulties = difficulties
        self.count = count
    }

    // Filters saved before difficulties existed still decode.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        domains = try c.decodeIfPresent(Set<String>.self, forKey: .domains) ?? []
        tasks = try c.decodeIfPresent(Set<String>.self, forKey: .tasks) ?? []
        kinds = try c.decodeIfPresent(Set<String>.self, forKey: .kinds) ?? []
        difficulties = try c.decodeIfPresent(Set<Difficulty>.self, forKey: .difficulties) ?? []
        count = try c.decodeIfPresent(Int.self, forKey: .count) ?? 20
    }

    public func admits(_ q: Question) -> Bool {
        (domains.isEmpty || domains.contains(q.domainID)) && (tasks.isEmpty || tasks.contains(q.taskID))
            && (kinds.isEmpty || kinds.contains(q.kind.name))
            && (difficulties.isEmpty || difficulties.contains(q.difficulty))
    }
}

/// One answer given in a finished attempt, for Mistakes and Quick 10.
public struct AnswerRecord: Codable, Sendable, Equatable {
    public var questionID: String
    public var correct: Bool
    public var answeredAt: Date
    public var attemptID: String

    public init(questionID: String, correct: Bool, answeredAt: Date, attemptID: String) {
        self.questionID = questionID
        self.correct = correct
        self.answeredAt = answeredAt
        self.attemptID = attemptID
    }
}

/// Chooses the questions of a quiz. Case-study questions travel as one unit so that a scenario's
/// questions are drawn together and shown one after another.
public enum QuizSelector {
    /// Splits `count` over weights by largest remainder: floors first, then one more to the largest
    /// fractional parts (ties to the larger weight, then to the earlier entry).
    public static func quotas(count: Int, weights: [(id: String, weight: Int)]) -> [String: Int] {
        let total = weights.reduce(0) { $0 + max(0, $1.weight) }
        guard total > 0, count > 0 else { return Dictionary(weights.map { ($0.id, 0) }, uniquingKeysWith: { a, _ in a }) }
        var result: [String: Int] = [:]
        var remainders: [(index: Int, rem: Int, weight: Int)] = []
        var given = 0
        for (i, w) in weights.enumerated() {
            let exact = count * max(0, w.weight)
            result[w.id] = exact / total
            given += exact / total
            remainders.append((i, exact % total, w.weight))
        }
        remainders.sort { ($0.rem, $0.weight, -$0.index) > ($1.rem, $1.weight, -$1.index) }
        for r in remainders.prefix(count - given) { result[weights[r.index].id, default: 0] += 1 }
        return result
    }

    /// Questions grouped into units: a case study's questions together, in file order; others alone.
    public static func units(_ questions: [Question]) -> [[Question]] {
        var order: [String] = []
        var groups: [String: [Question]] = [:]
        for q in questions {
            let key = q.caseStudyID.map { "cs:" + $0 } ?? "q:" + q.id
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(q)
        }
        return order.map { groups[$0]! }
    }

    /// The share of each difficulty in a simulation. AWS publishes no mix; the exam's scenario questions
    /// are mostly applied and comparative, so most are medium or hard and few are pure recall.
    public static let examDifficultyMix: [(id: String, weight: Int)] = [
        (Difficulty.easy.rawValue, 15), (Difficulty.medium.rawValue, 45), (Difficulty.hard.rawValue, 40),
    ]

    /// A full simulation: `count` questions spread over the domains by the blueprint's weights and over
    /// difficulties by `examDifficultyMix`. Domain weights come first: when the difficulty mix cannot be met
    /// within them it is relaxed, and when a domain has too few questions the rest are filled from other
    /// domains. `domains` narrows the draw (weights are then shared among the chosen domains).
    public static func exam(from library: ContentLibrary, count: Int, domains: Set<String> = [], rng: inout SeededGenerator) -> [Question] {
        let blueprint = library.blueprint.domains.filter { domains.isEmpty || domains.contains($0.id) }
        let pool = library.questions.filter { q in blueprint.contains { $0.id == q.domainID } }
        let size = min(count, pool.count)
        let quota = quotas(count: size, weights: blueprint.map { ($0.id, $0.weight) })
        let mix = quotas(count: size, weights: examDifficultyMix)
        let shuffled = rng.shuffled(units(pool))
        var taken = Array(repeating: false, count: shuffled.count)
        var perDomain: [String: Int] = [:]
        var perLevel: [String: Int] = [:]
        var total = 0
        for respectMix in [true, false] {
            for (i, unit) in shuffled.enumerated() where !taken[i] {
                let need = Dictionary(grouping: unit, by: \.domainID).mapValues(\.count)
                let levels = Dictionary(grouping: unit, by: \.difficulty.rawValue).mapValues(\.count)
                let fits = need.allSatisfy { perDomain[$0.key, default: 0] + $0.value <= quota[$0.key, default: 0] }
                let mixFits = !respectMix || levels.allSatisfy { perLevel[$0.key, default: 0] + $0.value <= mix[$0.key, default: 0] }
                guard fits, mixFits, total + unit.count <= count else { continue }
                taken[i] = true
                total += unit.count
                for (d, n) in need { perDomain[d, default: 0] += n }
                for (l, n) in levels { perLevel[l, default: 0] += n }
            }
        }
        // Shortfall (a domain with too few questions): fill from whatever is left.
        for (i, unit) in shuffled.enumerated() where !taken[i] && total + unit.count <= count {
            taken[i] = true
            total += unit.count
        }
        return shuffled.indices.filter { taken[$0] }.flatMap { shuffled[$0] }
    }

    /// Practice: questions passing the filter in random order, case-study questions kept together.
    public static func practice(from library: ContentLibrary, filter: PracticeFilter, rng: inout SeededGenerator) -> [Question] {
        let pool = library.questions.filter(filter.admits)
        return Array(rng.shuffled(units(pool)).flatMap { $0 }.prefix(max(0, filter.count)))
    }

    /// Ids of questions answered wrongly at some point and not answered right twice in a row since.
    public static func mistakeIDs(history: [AnswerRecord]) -> Set<String> {
        var streak: [String: Int] = [:]   // correct answers since the last wrong one; absent = never wrong
        for r in history.sorted(by: { $0.answeredAt < $1.answeredAt }) {
            if !r.correct {
                streak[r.questionID] = 0
            } else if let s = streak[r.questionID] {
                streak[r.questionID] = s + 1
            }
        }
        return Set(streak.filter { $0.value < 2 }.keys)
    }

    public static func mistakes(from library: ContentLibrary, history: [AnswerRecord], count: Int, rng: inout SeededGenerator) -> [Question] {
        let ids = mistakeIDs(history: history)
        let pool = library.questions.filter { ids.contains($0.id) }
        return Array(rng.shuffled(pool).prefix(max(0, count)))
    }

    /// How strongly Quick 10 prefers a question: weak domains (by smoothed accuracy) and questions not
    /// seen for a while weigh more; an unseen question counts as not seen for `freshDays`.
    public static func quickWeight(domainAccuracy: Double, daysSinceSeen: Double?, freshDays: Double = 14) -> Double {
        let weakness = 1 - domainAccuracy
        let staleness = min(1, (daysSinceSeen ?? freshDays) / freshDays)
        return (0.1 + weakness) * (0.05 + staleness)
    }

    /// Quick 10: weighted sampling without replacement (Efraimidis–Spirakis keys u^(1/w)).
    public static func quick(from library: ContentLibrary, history: [AnswerRecord], now: Date, count: Int = 10,
                             rng: inout SeededGenerator) -> [Question] {
        let byQuestion = Dictionary(grouping: history, by: \.questionID)
        var domainStats: [String: (correct: Int, total: Int)] = [:]
        for q in library.questions {
            for r in byQuestion[q.id] ?? [] {
                domainStats[q.domainID, default: (0, 0)].total += 1
                if r.correct { domainStats[q.domainID, default: (0, 0)].correct += 1 }
            }
        }
        let keyed = library.questions.map { q -> (Double, Question) in
            let s = domainStats[q.domainID] ?? (0, 0)
            let accuracy = Double(s.correct + 1) / Double(s.total + 2)
            let lastSeen = byQuestion[q.id]?.map(\.answeredAt).max()
            let days = lastSeen.map { max(0, now.timeIntervalSince($0) / 86_400) }
            let w = quickWeight(domainAccuracy: accuracy, daysSinceSeen: days)
            return (log(rng.openUnit()) / w, q)
        }
        return keyed.sorted { $0.0 > $1.0 }.prefix(max(0, count)).map(\.1)
    }
}
