import AIFCore
import Foundation
import Testing

/// Answer editing by what is shown, the time counted from event times, and when the attempt is due to be
/// saved: the rules QuizSession owns (the quiz screen only maps keys to them).
@Suite("Quiz session: editing, time and saving")
struct QuizSessionEditingTests {
    typealias F = QuizFixtures

    /// The fixture library's questions by kind (d1-001 single, -002 multiple, -003 ordering, -004 matching).
    static let single = "d1-001", multiple = "d1-002", ordering = "d1-003", matching = "d1-004"

    /// A session over these questions, shuffled with a fixed seed.
    func session(_ ids: [String], limit: Double? = nil, mode: QuizMode = .exam) throws -> QuizSession {
        let lib = F.library()
        let questions = try ids.map { try #require(lib.question(id: $0)) }
        return try QuizSession.start(mode: mode, questions: questions, library: lib, seed: 7, timeLimit: limit, now: F.t0)
    }

    @Test func singleChoiceTakesTheOptionShownAtThePosition() throws {
        var s = try session([Self.single])
        let perm = s.permutation(0)
        s.choose(2)
        #expect(s.answer(at: 0) == .choices([perm[2]]))
        s.choose(0)
        #expect(s.answer(at: 0) == .choices([perm[0]]))
        s.choose(9)   // no such option
        #expect(s.answer(at: 0) == .choices([perm[0]]))
    }

    @Test func multipleResponseTogglesAndNoneLeftIsUnanswered() throws {
        var s = try session([Self.multiple])
        let perm = s.permutation(0)
        s.choose(0)
        s.choose(3)
        #expect(s.answer(at: 0) == .choose([perm[0], perm[3]]))
        s.choose(0)
        #expect(s.answer(at: 0) == .choices([perm[3]]))
        s.choose(3)
        #expect(s.answer(at: 0) == nil)
    }

    @Test func orderingMovesItemsAndAcceptsTheShownOrder() throws {
        var s = try session([Self.ordering])
        let start = s.permutation(0)
        #expect(s.shownOrder == start && s.answer(at: 0) == nil)
        s.acceptShownOrder()
        #expect(s.answer(at: 0) == .order(start))
        s.moveItem(from: 0, to: 1)
        #expect(s.answer(at: 0) == .order([start[1], start[0]] + start.dropFirst(2)))
        s.moveItem(from: 3, to: 4)   // past the end: nothing moves
        #expect(s.shownOrder == [start[1], start[0]] + start.dropFirst(2))
    }

    @Test func matchingGivesEachAnswerToOnePromptAndClears() throws {
        var s = try session([Self.matching])
        let perm = s.permutation(0)
        s.match(prompt: 0, answerAt: 1)
        #expect(s.answer(at: 0) == .matches([perm[1], nil, nil]))
        s.match(prompt: 2, answerAt: 1)   // the same answer moves to prompt 2
        #expect(s.answer(at: 0) == .matches([nil, nil, perm[1]]))
        s.match(prompt: 1, answerAt: 0)
        s.match(prompt: 2, answerAt: nil)
        #expect(s.answer(at: 0) == .matches([nil, perm[0], nil]))
        s.match(prompt: 1, answerAt: nil)
        #expect(s.answer(at: 0) == nil, "no pair left: unanswered")
    }

    @Test func aCheckedQuestionCannotBeEdited() throws {
        var s = try session([Self.single, Self.multiple], mode: .practice)
        s.choose(1)
        let answer = s.answer(at: 0)
        s.check(0)
        #expect(!s.canEdit)
        s.choose(2)
        #expect(s.answer(at: 0) == answer)
        s.next()
        #expect(s.canEdit)
    }

    @Test func everyEditIsDueToBeSavedAndSavingStartsThePolicyOver() throws {
        var s = try session([Self.single, Self.ordering])
        #expect(!s.needsSave)
        s.choose(1)
        #expect(s.needsSave)
        #expect(s.takeAttemptToSave().answers[0] != nil)
        #expect(!s.needsSave)
        s.toggleFlag(0)
        #expect(s.needsSave)
        _ = s.takeAttemptToSave()
        s.next()   // moving on is not worth a write of its own
        #expect(!s.needsSave)
        s.moveItem(from: 0, to: 1)
        #expect(s.needsSave)
    }

    @Test func timeComesFromEventTimesAndAGapCountsAtMostTheCap() throws {
        var s = try session([Self.single], limit: 900)
        let t = F.t0
        s.advanceClock(to: t)                            // the first event starts the clock
        #expect(s.attempt.elapsed == 0)
        s.advanceClock(to: t.addingTimeInterval(2))
        #expect(s.attempt.elapsed == 2)
        s.advanceClock(to: t.addingTimeInterval(3602))   // suspended for an hour
        #expect(s.attempt.elapsed == 2 + QuizSession.maxCountedGap)
        s.advanceClock(to: t.addingTimeInterval(3000))   // the clock went backwards
        #expect(s.attempt.elapsed == 2 + QuizSession.maxCountedGap)
    }

    @Test func countedTimeIsSavedEveryTenSecondsWithoutEdits() throws {
        var s = try session([Self.single], limit: 900)
        var t = F.t0
        s.advanceClock(to: t)
        for _ in 0..<9 {
            t.addTimeInterval(1)
            s.advanceClock(to: t)
        }
        #expect(!s.needsSave, "9 s counted")
        t.addTimeInterval(1)
        s.advanceClock(to: t)
        #expect(s.needsSave, "10 s counted")
        #expect(s.takeAttemptToSave().elapsed == 10)
        #expect(!s.needsSave)
    }

    @Test func theClockWarnsAndStopsAtTheLimit() throws {
        var s = try session([Self.single], limit: 61)
        var t = F.t0
        s.advanceClock(to: t)
        t.addTimeInterval(1)
        #expect(s.advanceClock(to: t) == .oneMinute)      // 60 s left
        for _ in 0..<20 {
            t.addTimeInterval(4)
            s.advanceClock(to: t)
        }
        #expect(s.isTimeUp && s.attempt.elapsed == 61)
    }
}
