import AIFCore
import Foundation
import ProgressStore
import Testing

@Suite("Quiz attempts in the progress database")
struct QuizAttemptsStoreTests {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-store-\(UUID().uuidString)")
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func attempt(_ id: String, count: Int = 3, at t: Date) -> QuizAttempt {
        QuizAttempt(id: id, mode: .exam, seed: 7, questionIDs: (0..<count).map { "q\($0)" },
                    permutations: (0..<count).map { _ in [2, 0, 1, 3] }, timeLimit: 5400, startedAt: t)
    }

    func result(correct: Int, total: Int) -> QuizResult {
        let outcomes = (0..<total).map { $0 < correct ? QuestionOutcome.correct : .incorrect }
        let score = ScaledScore().score(correct: correct, of: total)
        var r = try! JSONDecoder().decode(QuizResult.self, from: Data("""
            {"correct":\(correct),"total":\(total),"scaledScore":\(score),"passingScore":700,"passed":\(score >= 700),
             "timeUsed":60,"domains":[],"outcomes":[]}
            """.utf8))
        r.outcomes = outcomes
        return r
    }

    @Test func progressSurvivesReopeningAndReplacesAbandonedAttempts() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        var a = attempt("a1", at: t0)
        a.answers[0] = .choices([2])
        a.answers[1] = .matches([0, nil, 1])
        a.flagged[2] = true
        a.elapsed = 123.5
        a.current = 2
        do {
            let store = try QuizAttemptsStore.open(directory: dir)
            try store.saveProgress(attempt("a0", at: t0.addingTimeInterval(-10)))
            try store.saveProgress(a)
        }
        let reopened = try QuizAttemptsStore.open(directory: dir)
        #expect(try reopened.unfinishedAttempt() == a)
        try reopened.discardUnfinished()
        #expect(try reopened.unfinishedAttempt() == nil)
    }

    @Test func finishedAttemptsFormTheHistoryAndAnswerLog() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try QuizAttemptsStore.open(directory: dir)
        var late = attempt("late", at: t0.addingTimeInterval(500))
        late.finishedAt = t0.addingTimeInterval(900)
        var early = attempt("early", at: t0)
        early.finishedAt = t0.addingTimeInterval(100)
        try store.saveProgress(late)
        try store.recordFinished(late, result: result(correct: 3, total: 3), answers: [
            AnswerRecord(questionID: "q0", correct: true, answeredAt: late.finishedAt!, attemptID: "late"),
        ])
        try store.recordFinished(early, result: result(correct: 1, total: 3), answers: [
            AnswerRecord(questionID: "q0", correct: false, answeredAt: early.finishedAt!, attemptID: "early"),
            AnswerRecord(questionID: "q1", correct: true, answeredAt: early.finishedAt!, attemptID: "early"),
        ])
        #expect(try store.unfinishedAttempt() == nil)
        let h = try store.history()
        #expect(h.map(\.id) == ["early", "late"])
        #expect(h.map(\.scaledScore) == [ScaledScore().score(correct: 1, of: 3), 1000])
        #expect(h.map(\.passed) == [false, true])
        #expect(try store.finishedAttempt(id: "late") == late)
        #expect(try store.finishedAttempt(id: "missing") == nil)
        let log = try store.answerHistory()
        #expect(log.map(\.questionID) == ["q0", "q1", "q0"])
        #expect(log.map(\.correct) == [false, true, true])
        #expect(QuizSelector.mistakeIDs(history: log) == ["q0"])
        // Saving progress under a finished id must not reopen it.
        try store.saveProgress(late)
        #expect(try store.unfinishedAttempt() == nil)
    }

    @Test func studyListKeepsOrderWithoutDuplicates() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try QuizAttemptsStore.open(directory: dir)
        try store.addToStudy(["d1-002", "d3-010"], at: t0)
        try store.addToStudy(["d3-010", "d5-001"], at: t0.addingTimeInterval(5))
        #expect(try store.studyQuestionIDs() == ["d1-002", "d3-010", "d5-001"])
    }
}
