import AIFCore
import Foundation
import SeededRandom
import Testing

@Suite("Quiz selection")
struct QuizSelectionTests {
    @Test func examQuotasUseLargestRemainder() {
        let w = QuizFixtures.blueprint.domains.map { (id: $0.id, weight: $0.weight) }
        // 65 × (.20 .24 .28 .14 .14) = 13, 15.6, 18.2, 9.1, 9.1: floors give 64, the extra one goes to d2 (.6).
        #expect(QuizSelector.quotas(count: 65, weights: w) == ["d1": 13, "d2": 16, "d3": 18, "d4": 9, "d5": 9])
        // 10 × … = 2, 2.4, 2.8, 1.4, 1.4: floors 8; extras to d3 (.8) then d2 (.4, larger weight than d4/d5's .4).
        #expect(QuizSelector.quotas(count: 10, weights: w) == ["d1": 2, "d2": 3, "d3": 3, "d4": 1, "d5": 1])
    }

    @Test func quotasAlwaysAddUpToTheCount() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let weights = (0..<(1 + rng.below(6))).map { (id: "x\($0)", weight: rng.below(40)) }
            let count = rng.below(100)
            let q = QuizSelector.quotas(count: count, weights: weights)
            let expected = weights.contains { $0.weight > 0 } ? count : 0
            #expect(q.values.reduce(0, +) == expected)
            for w in weights where w.weight == 0 { #expect(q[w.id] == 0) }
        }
    }

    @Test func examDrawMatchesDomainWeights() {
        let lib = QuizFixtures.library()
        for seed in [1, 2, 3, 99] as [UInt64] {
            var rng = SeededGenerator(seed: seed)
            let qs = QuizSelector.exam(from: lib, count: 65, rng: &rng)
            #expect(qs.count == 65)
            #expect(Set(qs.map(\.id)).count == 65)
            let per = Dictionary(grouping: qs, by: \.domainID).mapValues(\.count)
            #expect(per == ["d1": 13, "d2": 16, "d3": 18, "d4": 9, "d5": 9])
        }
    }

    /// Domain weights hold and the difficulty mix follows `examDifficultyMix` when the bank allows it.
    @Test func examDrawFollowsTheDifficultyMix() {
        var lib = QuizFixtures.library(perDomain: [40, 40, 48, 28, 28], caseStudy: false)
        let levels: [Difficulty] = [.easy, .medium, .medium, .hard, .hard, .hard, .easy]
        let questions = lib.questions.enumerated().map { i, q in
            var q = q
            q.difficulty = levels[i % levels.count]
            return q
        }
        lib = ContentLibrary(blueprint: lib.blueprint, decks: [], cards: [], questions: questions, caseStudies: [],
                             presets: [], diagnosisCards: [:])
        for seed in [1, 2, 3, 99] as [UInt64] {
            var rng = SeededGenerator(seed: seed)
            let qs = QuizSelector.exam(from: lib, count: 65, rng: &rng)
            #expect(qs.count == 65)
            #expect(Dictionary(grouping: qs, by: \.domainID).mapValues(\.count) == ["d1": 13, "d2": 16, "d3": 18, "d4": 9, "d5": 9])
            let mix = Dictionary(grouping: qs, by: \.difficulty).mapValues(\.count)
            // 65 × (15, 45, 40) % = 9.75, 29.25, 26 → 10, 29, 26.
            #expect(mix == [.easy: 10, .medium: 29, .hard: 26], "seed \(seed): \(mix)")
        }
        // A bank with too few hard questions still fills the exam.
        let easy = ContentLibrary(blueprint: lib.blueprint, decks: [], cards: [], questions: QuizFixtures.library().questions,
                                  caseStudies: [], presets: [], diagnosisCards: [:])
        var rng = SeededGenerator(seed: 5)
        #expect(QuizSelector.exam(from: easy, count: 65, rng: &rng).count == 65)
    }

    @Test func practiceFiltersByDifficulty() {
        var lib = QuizFixtures.library(caseStudy: false)
        let questions = lib.questions.enumerated().map { i, q in
            var q = q
            q.difficulty = i % 3 == 0 ? .hard : .easy
            return q
        }
        lib = ContentLibrary(blueprint: lib.blueprint, decks: [], cards: [], questions: questions, caseStudies: [],
                             presets: [], diagnosisCards: [:])
        var rng = SeededGenerator(seed: 4)
        let picked = QuizSelector.practice(from: lib, filter: PracticeFilter(difficulties: [.hard], count: 500), rng: &rng)
        #expect(picked.count == questions.count { $0.difficulty == .hard })
        #expect(picked.allSatisfy { $0.difficulty == .hard })
        // Filters saved before difficulty existed decode as "all difficulties".
        let old = try? JSONDecoder().decode(PracticeFilter.self, from: Data(#"{"domains":["d1"],"tasks":[],"kinds":[],"count":5}"#.utf8))
        #expect(old == PracticeFilter(domains: ["d1"], count: 5))
    }

    @Test func caseStudyQuestionsStayTogether() {
        let lib = QuizFixtures.library()
        var seenWithCase = 0
        for seed in 0..<40 as Range<UInt64> {
            var rng = SeededGenerator(seed: seed)
            let ids = QuizSelector.exam(from: lib, count: 65, rng: &rng).map(\.id)
            let positions = ids.indices.filter { ids[$0].hasPrefix("cs-") }
            #expect(positions.isEmpty || positions.count == 3, "seed \(seed): \(positions)")
            if let first = positions.first {
                #expect(positions == [first, first + 1, first + 2])
                #expect(Array(ids[first...first + 2]) == ["cs-q1", "cs-q2", "cs-q3"])
                seenWithCase += 1
            }
        }
        #expect(seenWithCase > 0)
    }

    @Test func sameSeedSameDrawOtherSeedOtherDraw() {
        let lib = QuizFixtures.library()
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let x = QuizSelector.exam(from: lib, count: 65, rng: &a).map(\.id)
        #expect(x == QuizSelector.exam(from: lib, count: 65, rng: &b).map(\.id))
        #expect(x != QuizSelector.exam(from: lib, count: 65, rng: &c).map(\.id))
    }

    @Test func shortDomainsAreFilledFromOthers() {
        let lib = QuizFixtures.library(perDomain: [20, 20, 30, 3, 14], caseStudy: false)
        var rng = SeededGenerator(seed: 5)
        let qs = QuizSelector.exam(from: lib, count: 65, rng: &rng)
        #expect(qs.count == 65)
        #expect(qs.count { $0.domainID == "d4" } == 3)
    }

    @Test func countIsCappedByThePoolAndDomainsNarrowIt() {
        let lib = QuizFixtures.library(perDomain: [5, 5, 5, 5, 5], caseStudy: false)
        var rng = SeededGenerator(seed: 1)
        #expect(QuizSelector.exam(from: lib, count: 65, rng: &rng).count == 25)
        let only = QuizSelector.exam(from: lib, count: 4, domains: ["d2", "d4"], rng: &rng)
        #expect(only.count == 4)
        #expect(Set(only.map(\.domainID)).isSubset(of: ["d2", "d4"]))
    }

    @Test func practiceFilterSelectsByDomainTaskAndKind() {
        let lib = QuizFixtures.library()
        var rng = SeededGenerator(seed: 3)
        let f = PracticeFilter(domains: ["d1", "d2"], tasks: [], kinds: ["ordering", "matching"], count: 100)
        let qs = QuizSelector.practice(from: lib, filter: f, rng: &rng)
        #expect(qs.count == lib.questions.filter(f.admits).count)
        #expect(qs.count == 16)
        #expect(qs.allSatisfy { ["d1", "d2"].contains($0.domainID) && ["ordering", "matching"].contains($0.kind.name) })
        let byTask = QuizSelector.practice(from: lib, filter: PracticeFilter(tasks: ["5.2"], count: 3), rng: &rng)
        #expect(byTask.count == 3 && byTask.allSatisfy { $0.taskID == "5.2" })
    }

    @Test func mistakesStayUntilRightTwiceInARow() {
        func rec(_ id: String, _ ok: Bool, _ t: Double) -> AnswerRecord {
            AnswerRecord(questionID: id, correct: ok, answeredAt: QuizFixtures.t0.addingTimeInterval(t), attemptID: "a")
        }
        let history = [
            rec("never-wrong", true, 1),
            rec("wrong-once", false, 1),
            rec("wrong-then-right", false, 1), rec("wrong-then-right", true, 2),
            rec("cleared", false, 1), rec("cleared", true, 2), rec("cleared", true, 3),
            rec("relapsed", false, 1), rec("relapsed", true, 2), rec("relapsed", true, 3), rec("relapsed", false, 4),
            rec("interrupted", false, 1), rec("interrupted", true, 2), rec("interrupted", false, 3), rec("interrupted", true, 4),
        ]
        #expect(QuizSelector.mistakeIDs(history: history) == ["wrong-once", "wrong-then-right", "relapsed", "interrupted"])
        // Order of the records does not matter, only their times.
        #expect(QuizSelector.mistakeIDs(history: history.reversed()) == QuizSelector.mistakeIDs(history: history))
    }

    @Test func quickTenPrefersWeakDomainsAndStaleQuestions() {
        let lib = QuizFixtures.library(caseStudy: false)
        let now = QuizFixtures.t0
        // d1 always wrong, d2 always right; d5 questions all seen an hour ago.
        var history: [AnswerRecord] = []
        for q in lib.questions where q.domainID == "d1" || q.domainID == "d2" {
            history.append(AnswerRecord(questionID: q.id, correct: q.domainID == "d2", answeredAt: now.addingTimeInterval(-30 * 86_400), attemptID: "old"))
        }
        for q in lib.questions where q.domainID == "d5" {
            history.append(AnswerRecord(questionID: q.id, correct: false, answeredAt: now.addingTimeInterval(-3600), attemptID: "recent"))
        }
        var counts: [String: Int] = [:]
        for seed in 0..<200 as Range<UInt64> {
            var rng = SeededGenerator(seed: seed)
            let qs = QuizSelector.quick(from: lib, history: history, now: now, rng: &rng)
            #expect(qs.count == 10 && Set(qs.map(\.id)).count == 10)
            for q in qs { counts[q.domainID, default: 0] += 1 }
        }
        // Same number of questions in d1 and d2: only accuracy differs.
        #expect(counts["d1", default: 0] > 2 * counts["d2", default: 0])
        // d4 and d5 have equal size and neither is strong; d5 was just seen.
        #expect(counts["d4", default: 0] > 2 * counts["d5", default: 0])
        #expect(QuizSelector.quickWeight(domainAccuracy: 0.2, daysSinceSeen: nil) > QuizSelector.quickWeight(domainAccuracy: 0.8, daysSinceSeen: nil))
        #expect(QuizSelector.quickWeight(domainAccuracy: 0.5, daysSinceSeen: 30) > QuizSelector.quickWeight(domainAccuracy: 0.5, daysSinceSeen: 0.1))
    }
}
