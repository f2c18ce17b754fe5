import AIFCore
import Foundation
import SeededRandom
import Testing

@Suite("Quiz session")
struct QuizSessionTests {
    typealias F = QuizFixtures

    func makeSession(count: Int = 10, limit: Double? = 600, seed: UInt64 = 11, mode: QuizMode = .exam) throws -> (QuizSession, ContentLibrary) {
        let lib = F.library()
        var rng = SeededGenerator(seed: seed)
        let qs = QuizSelector.exam(from: lib, count: count, rng: &rng)
        return (try QuizSession.start(mode: mode, questions: qs, library: lib, seed: seed, timeLimit: limit, now: F.t0), lib)
    }

    @Test func permutationsAreRecordedAndOrderingNeverStartsSolved() throws {
        let (s, _) = try makeSession(count: 65)
        for (i, q) in s.questions.enumerated() {
            let p = s.permutation(i)
            let n = q.options.count + q.items.count + q.pairs.count
            #expect(p.sorted() == Array(0..<n))
            if case .ordering = q.kind { #expect(p != Array(0..<n)) }
        }
        #expect(s.questions.indices.contains { s.permutation($0) != s.permutation($0).sorted() })
        // Without shuffling, options keep file order.
        let lib = F.library()
        let plain = try QuizSession.start(mode: .exam, questions: [lib.question(id: "d1-001")!, lib.question(id: "d1-002")!],
                                          library: lib, seed: 1, timeLimit: nil, shuffle: false, now: F.t0)
        #expect(plain.permutation(0) == [0, 1, 2, 3] && plain.permutation(1) == [0, 1, 2, 3, 4])
    }

    @Test func answersAreInContentIndicesWhateverTheDisplayOrder() throws {
        var (s, lib) = try makeSession(count: 65)
        for i in s.questions.indices { s.setAnswer(F.correctAnswer(s.questions[i]), at: i) }
        let r = s.result(blueprint: lib.blueprint)
        #expect(r.correct == 65 && r.scaledScore == 1000 && r.passed)
    }

    @Test func flagsNavigationAndLists() throws {
        var (s, _) = try makeSession()
        s.toggleFlag(2)
        s.toggleFlag(5)
        s.toggleFlag(5)
        s.setAnswer(F.correctAnswer(s.questions[0]), at: 0)
        #expect(s.flagged() == [2])
        #expect(s.unanswered() == Array(1..<10))
        s.go(to: 99)
        #expect(s.current == 9)
        s.next()
        #expect(s.current == 9)
        s.go(to: 0)
        s.previous()
        #expect(s.current == 0)
        s.setAnswer(nil, at: 0)
        #expect(s.unanswered().count == 10)
    }

    @Test func checkedAnswersAreLocked() throws {
        var (s, _) = try makeSession(mode: .practice)
        let q = s.questions[0]
        s.setAnswer(F.wrongAnswer(q), at: 0)
        #expect(s.check(0) == false)
        s.setAnswer(F.correctAnswer(q), at: 0)
        #expect(s.answer(at: 0) == F.wrongAnswer(q))
    }

    @Test func timerWarnsAtTenAndOneMinuteAndExpires() throws {
        var (s, _) = try makeSession(limit: 900)
        #expect(s.addElapsed(299) == nil)
        #expect(s.addElapsed(1) == .tenMinutes)          // 600 s left
        #expect(s.addElapsed(1) == nil)
        #expect(s.addElapsed(538) == nil)                // 61 s left
        #expect(s.addElapsed(2) == .oneMinute)
        #expect(!s.isTimeUp)
        s.addElapsed(1000)
        #expect(s.isTimeUp && s.remaining == 0 && s.attempt.elapsed == 900)
        // Crossing both thresholds at once reports the later one.
        #expect(TimerWarning.crossed(limit: 900, elapsedBefore: 0, elapsedAfter: 860) == .oneMinute)
        #expect(TimerWarning.crossed(limit: 900, elapsedBefore: 0, elapsedAfter: 900) == nil)
    }

    @Test func untimedQuizzesNeverExpire() throws {
        var (s, _) = try makeSession(limit: nil)
        #expect(s.addElapsed(1e6) == nil)
        #expect(!s.isTimeUp && s.remaining == nil)
    }

    @Test func activeClockCountsOnlyWhileRunning() {
        var clock = ActiveClock(maxStep: 5)
        let t = F.t0
        #expect(clock.advance(to: t) == 0)                      // first reading starts the clock
        #expect(clock.advance(to: t.addingTimeInterval(1)) == 1)
        #expect(clock.advance(to: t.addingTimeInterval(3600)) == 5)   // suspended: gap capped
        #expect(clock.advance(to: t.addingTimeInterval(3000)) == 0)   // clock went backwards
        clock.pause()
        #expect(clock.advance(to: t.addingTimeInterval(9999)) == 0)
    }

    @Test func resumeRestoresEverythingIncludingTimeLeft() throws {
        var (s, lib) = try makeSession(count: 20, limit: 1200)
        let store = InMemoryQuizAttemptStore()
        for i in 0..<7 {
            s.setAnswer(F.correctAnswer(s.questions[i]), at: i)
            s.addElapsed(30)
            try store.saveProgress(s.attempt)
        }
        s.toggleFlag(3)
        s.go(to: 7)
        try store.saveProgress(s.attempt)
        #expect(store.saveCount == 8)
        // Through JSON, as a database row would be.
        let data = try JSONEncoder().encode(try #require(try store.unfinishedAttempt()))
        let loaded = try JSONDecoder().decode(QuizAttempt.self, from: data)
        let resumed = try QuizSession(attempt: loaded, library: lib)
        #expect(resumed.attempt == s.attempt)
        #expect(resumed.remaining.map { Int($0) } == 1200 - 210, "\(String(describing: resumed.remaining))")
        #expect(resumed.current == 7 && resumed.isFlagged(3) && resumed.attempt.answeredCount == 7)
        #expect(resumed.questions.map(\.id) == s.questions.map(\.id))
    }

    @Test func resumingWithVanishedQuestionsFails() throws {
        let (s, _) = try makeSession()
        let smaller = F.library(perDomain: [1, 1, 1, 1, 1], caseStudy: false)
        #expect(throws: QuizError.self) { try QuizSession(attempt: s.attempt, library: smaller) }
    }

    @Test func finishRecordsAnsweredQuestionsAndHistory() throws {
        var (s, lib) = try makeSession(count: 10)
        s.setAnswer(F.correctAnswer(s.questions[0]), at: 0)
        s.setAnswer(F.wrongAnswer(s.questions[1]), at: 1)
        let store = InMemoryQuizAttemptStore()
        try store.saveProgress(s.attempt)
        let (result, records) = s.finish(now: F.t0.addingTimeInterval(100), blueprint: lib.blueprint)
        #expect(records.map(\.correct) == [true, false])
        #expect(records.map(\.questionID) == [s.questions[0].id, s.questions[1].id])
        try store.recordFinished(s.attempt, result: result, answers: records)
        #expect(try store.unfinishedAttempt() == nil)
        let h = try store.history()
        #expect(h.count == 1 && h[0].correct == 1 && h[0].total == 10 && h[0].scaledScore == result.scaledScore)
        #expect(try store.finishedAttempt(id: s.attempt.id) == s.attempt)
        #expect(s.isFinished)
        s.setAnswer(F.correctAnswer(s.questions[1]), at: 1)
        #expect(s.answer(at: 1) == F.wrongAnswer(s.questions[1]), "a finished attempt does not change")
        try store.addToStudy(["a", "b"], at: F.t0)
        try store.addToStudy(["b", "c"], at: F.t0)
        #expect(try store.studyQuestionIDs() == ["a", "b", "c"])
    }
}

@Suite("Quiz defaults")
struct QuizDefaultsTests {
    @Test func examTimeScalesWithCountAndExtraTime() {
        let bp = QuizFixtures.blueprint
        #expect(QuizDefaults.examTimeLimit(blueprint: bp, count: 65, extraTime: false) == 90 * 60)
        #expect(QuizDefaults.examTimeLimit(blueprint: bp, count: 65, extraTime: true) == 120 * 60)
        // 90 × 10 / 65 = 13.8 → 14 minutes
        #expect(QuizDefaults.examTimeLimit(blueprint: bp, count: 10, extraTime: false) == 14 * 60)
        #expect(QuizDefaults.examTimeLimit(blueprint: bp, count: 1, extraTime: false) == 2 * 60)
    }

    @Test func timeFormat() {
        #expect(TimeFormat.clock(5400) == "90:00")
        #expect(TimeFormat.clock(65.2) == "1:06")
        #expect(TimeFormat.clock(7200) == "120:00")
        #expect(TimeFormat.clock(-3) == "0:00")
    }
}
