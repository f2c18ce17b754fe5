import AIFCore
import Foundation
import SpacedRepetition
import StudyStats
import Testing

@Suite struct ReadinessCoverageTests {
    static let content = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Content")
    let now = F.date("2025-06-01T12:00:00Z")

    /// The issue's bar: the stated 80 % range holds the true expected score for 75–85 % of simulated learners.
    /// The half-life was chosen on seed 13 (479/600 = 79.8 %), so the check runs on seeds that played no part
    /// in choosing it; their figures are printed, and they are not tuned to (101: 479/600, median width 167
    /// points against seed 13's 165, so other learners with the same count; 2027: 471/600 = 78.5 %).
    @Test(arguments: [101 as UInt64, 2027]) func eightyPercentRangeCoversTheTrueScoreOfSimulatedLearners(seed: UInt64) throws {
        let bank = try ContentLoader.load(from: Self.content)
        let learners = LearnerSimulation.learners(bank: bank, count: 600, seed: seed, now: now)
        let estimator = ReadinessEstimator()
        var covered = 0, below = 0
        var widths: [Int] = []
        for l in learners {
            let truth = LearnerSimulation.trueExpectedScore(ability: l.ability, blueprint: bank.blueprint)
            let r = estimator.estimate(answers: l.answers, progress: l.progress, library: bank, now: now)
            // Scores show rounded down, so the truth is compared as it would be shown.
            let shown = Int(truth.rounded(.down))
            if r.low <= shown && shown <= r.high { covered += 1 } else if shown < r.low { below += 1 }
            widths.append(r.high - r.low)
        }
        let coverage = Double(covered) / Double(learners.count)
        widths.sort()
        print("readiness coverage (seed \(seed)): \(covered)/\(learners.count) = \(String(format: "%.1f", coverage * 100)) % "
              + "(truth below the range \(below), above \(learners.count - covered - below); median width \(widths[widths.count / 2]) points)")
        #expect((0.75...0.85).contains(coverage), "coverage \(coverage)")
    }

    /// More answers narrow the range and bring the estimate to the truth.
    @Test func moreAnswersNarrowTheRange() throws {
        // d1 answered right 9 times in 10, d2 4 times in 10.
        func answers(_ n: Int) -> [AnswerRecord] {
            var result: [AnswerRecord] = []
            for i in 0..<n {
                let q = i % 5 + 1
                result.append(AnswerRecord(questionID: "q1-\(q)", correct: i % 10 < 9, answeredAt: now, attemptID: "a"))
                result.append(AnswerRecord(questionID: "q2-\(q)", correct: i % 10 < 4, answeredAt: now, attemptID: "a"))
            }
            return result
        }
        let e = ReadinessEstimator()
        let few = e.estimate(answers: answers(10), progress: [:], library: F.library, now: now)
        let many = e.estimate(answers: answers(200), progress: [:], library: F.library, now: now)
        #expect(many.high - many.low < few.high - few.low)
        #expect(abs(many.fraction - (0.6 * 0.9 + 0.4 * 0.4)) < 0.01)
        #expect(many.weakestDomain?.id == "d2")
        #expect(many.weakestTasks.first?.domainID == "d2")
    }

    /// Recent answers count more than old ones.
    @Test func recentAnswersOutweighOldOnes() {
        let old = (0..<20).map { _ in AnswerRecord(questionID: "q1-1", correct: false, answeredAt: now.addingTimeInterval(-60 * 86_400), attemptID: "a") }
        let recent = (0..<20).map { _ in AnswerRecord(questionID: "q1-1", correct: true, answeredAt: now, attemptID: "b") }
        let r = ReadinessEstimator().estimate(answers: old + recent, progress: [:], library: F.library, now: now)
        #expect(r.domains[0].mean > 0.75)
        #expect(r.answersUsed == 40)
    }
}
