import AIFCore
import Foundation
import GoldenTesting
@testable import Screens
import TerminalUI
import Testing

@Suite("Quiz screens")
struct QuizScreenTests {
    typealias F = QuizScreenFixtures

    @Test func menuGoldens() {
        for lang in [Language.en, .ja] {
            let d = QuizDriver(language: lang)
            expectGolden(d.render(), "quiz-menu-\(lang.rawValue)")
        }
    }

    @Test func singleChoiceByNumberKeyArrowsAndMouse() throws {
        let d = QuizDriver()
        try d.startRun([F.single, F.multiple], shuffle: true)
        let perm = try #require(d.run).session.permutation(0)
        d.keys("2")
        #expect(d.run?.session.answer(at: 0) == .choices([perm[1]]))
        d.send(.key(.down), .key(.down), .char(" "))   // the cursor followed the answer to 2, so now 4
        #expect(d.run?.session.answer(at: 0) == .choices([perm[3]]))
        // Click on the first option's row.
        let at = try #require(d.render().find("1. " + F.single.options[perm[0]].text.en))
        d.send(.mouse(MouseEvent(.press, x: at.x + 2, y: at.y)))
        #expect(d.run?.session.answer(at: 0) == .choices([perm[0]]))
        #expect(d.store.saveCount >= 3, "saved after every answer")
        #expect(try d.store.unfinishedAttempt()?.answers[0] == .choices([perm[0]]))
    }

    @Test func singleChoiceGoldens() throws {
        for lang in [Language.en, .ja] {
            let d = QuizDriver(language: lang)
            try d.startRun([F.single, F.multiple])
            d.keys("1")
            d.tick(65)
            expectGolden(d.render(), "quiz-single-\(lang.rawValue)")
        }
    }

    @Test func multipleResponseCountsSelections() throws {
        let d = QuizDriver()
        try d.startRun([F.multiple])
        #expect(d.screen.contains("Choose 2 · 0 selected"))
        d.keys("1")
        #expect(d.screen.contains("Choose 2 · 1 selected"))
        d.keys("3")
        #expect(d.run?.session.answer(at: 0) == .choices([0, 2]))
        d.keys("3")
        #expect(d.run?.session.answer(at: 0) == .choices([0]))
        d.keys("3")
        expectGolden(d.render(), "quiz-multiple-en")
    }

    @Test func orderingPickMoveDrop() throws {
        let d = QuizDriver()
        try d.startRun([F.ordering], shuffle: true)
        let perm = try #require(d.run).session.permutation(0)
        #expect(perm != [0, 1, 2, 3])
        // Pick the item shown first, move it down one place, drop it.
        d.send(.char(" "), .key(.down), .char(" "))
        var expected = perm
        expected.swapAt(0, 1)
        #expect(d.run?.session.answer(at: 0) == .order(expected))
        // Solve it by repeatedly moving the right item into each place.
        for target in 0..<4 {
            let order = QuizAnswerOrder.current(d.run!.session, 0)
            let from = order.firstIndex(of: target)!
            d.keys(String(from + 1))
            d.send(.char(" "))
            for _ in 0..<(from - target) { d.send(.key(.up)) }
            d.send(.char(" "))
        }
        #expect(d.run?.session.answer(at: 0) == .order([0, 1, 2, 3]))
        d.keys("2")
        d.send(.char(" "))
        expectGolden(d.render(), "quiz-ordering-en")
    }

    @Test func matchingPairsByNumberAndMouse() throws {
        let d = QuizDriver()
        try d.startRun([F.matching], shuffle: true)
        let perm = try #require(d.run).session.permutation(0)
        // Prompt a gets the shown answer 2, then prompt b gets shown answer 2 too: it moves from a to b.
        d.keys("2")
        #expect(d.run?.session.answer(at: 0) == .matches([perm[1], nil, nil]))
        d.keys("2")
        #expect(d.run?.session.answer(at: 0) == .matches([nil, perm[1], nil]))
        d.send(.key(.up), .key(.up))
        let at = try #require(d.render().find("1. " + F.matching.pairs[perm[0]].answer.en))
        d.send(.mouse(MouseEvent(.press, x: at.x, y: at.y)))
        #expect(d.run?.session.answer(at: 0) == .matches([perm[0], perm[1], nil]))
        d.keys("0")
        #expect(d.run?.session.answer(at: 0) == .matches([perm[0], nil, nil]))
        expectGolden(d.render(), "quiz-matching-en")
    }

    @Test func caseStudyScenarioBesideTheQuestion() throws {
        for lang in [Language.en, .ja] {
            let d = QuizDriver(language: lang)
            try d.startRun([F.caseQuestion, F.single])
            expectGolden(d.render(), "quiz-case-study-\(lang.rawValue)")
        }
    }

    @Test func languageToggleShowsTheOtherLanguage() throws {
        let d = QuizDriver()
        try d.startRun([F.single])
        #expect(d.screen.contains("A model scores 99 %"))
        d.keys("L")
        #expect(d.screen.contains("モデルの精度は学習データで"))
    }

    @Test func navigationFlagAndReviewBeforeSubmit() throws {
        let d = QuizDriver()
        try d.startRun([F.single, F.multiple, F.ordering, F.matching])
        d.keys("1")           // answer q1 (correct)
        d.keys("n")
        d.keys("f")           // flag q2 unanswered
        d.send(.key(.right), .key(.left))
        #expect(d.run?.session.current == 1)
        #expect(d.screen.contains("⚑ flagged"))
        d.keys("r")
        let review = d.screen
        #expect(review.contains("All 4   Unanswered 3   Flagged 1"))
        #expect(review.contains("[d1-002]"))
        // Tab narrows the list to unanswered, then flagged questions; Enter opens the one shown.
        d.send(.key(.tab))
        #expect(!d.screen.contains("[d1-001]") && d.screen.contains("[d1-002]"))
        d.send(.key(.tab))
        #expect(d.screen.contains("[d1-002]") && !d.screen.contains("[d1-003]"))
        d.send(.key(.enter))
        #expect(d.run?.session.current == 1)
        d.keys("r")
        d.send(.key(.tab))          // back to all
        #expect(d.screen.contains("[d1-001]"))
        // Jump to q4 from the review list.
        d.send(.key(.down), .key(.down), .key(.enter))
        #expect(d.run?.session.current == 3)
        d.keys("s")
        expectGolden(d.render(), "quiz-review-en")
        d.keys("s")            // first s warns about unanswered questions
        #expect(d.screen.contains("3 unanswered"))
        #expect(d.run != nil)
        d.keys("s")
        #expect(d.app.stack.last is QuizResultsScreen)
        #expect(try d.store.history().count == 1)
        #expect(try d.store.unfinishedAttempt() == nil)
    }

    @Test func timerWarnsAndSubmitsAtZero() throws {
        let d = QuizDriver()
        try d.startRun([F.single, F.multiple], limit: 660)
        d.tick(0)                 // the clock starts
        d.keys("1")
        d.tick(5)
        #expect(d.screen.contains("left 10:55"))
        for _ in 0..<12 { d.tick(5) }   // 65 s: crosses 10:00
        #expect(d.screen.contains("10 minutes left"))
        d.keys("n")
        #expect(!d.screen.contains("10 minutes left"))
        // A long gap (suspended) counts only a few seconds.
        d.tick(3600)
        #expect(d.run?.session.attempt.elapsed == 70)
        for _ in 0..<117 { d.tick(5) }  // 655 s
        #expect(d.screen.contains("1 minute left"))
        #expect(d.run != nil)
        d.tick(5)
        #expect(d.app.stack.last is QuizResultsScreen)
        #expect(d.screen.contains("Correct 1 of 2"))
        let h = try d.store.history()
        #expect(h.count == 1 && h[0].timeUsed == 660)
    }

    @Test func pauseAndResumeKeepsAnswersAndTime() throws {
        let d = QuizDriver()
        d.keys("e")                    // exam simulation from the menu
        let run = try #require(d.run)
        #expect(run.session.count == 5)   // the whole small library
        d.tick(0)
        d.keys("1")
        d.tick(4)
        d.keys("q")                    // pause: saved, back to the menu
        #expect(d.app.stack.last is QuizMenuScreen)
        let saved = try #require(try d.store.unfinishedAttempt())
        #expect(saved.elapsed == 4 && saved.answeredCount == 1)
        #expect(d.screen.contains("Resume unfinished quiz"))
        // Time passes while closed: it does not count.
        d.clock = d.clock.addingTimeInterval(86_400)
        d.keys("r")
        let resumed = try #require(d.run)
        #expect(resumed.session.attempt.answers == saved.answers)
        d.tick(1)
        #expect(d.run?.session.attempt.elapsed == 4)
        d.tick(1)
        #expect(d.run?.session.attempt.elapsed == 5)
    }

    @Test func startingAnotherQuizAsksBeforeDiscarding() throws {
        let d = QuizDriver()
        d.keys("e")
        d.keys("1q")
        let first = try #require(try d.store.unfinishedAttempt())
        d.keys("t")
        #expect(d.screen.contains("You have an unfinished quiz."))
        #expect(try d.store.unfinishedAttempt()?.id == first.id)
        d.send(.key(.enter))
        #expect(d.run?.session.attempt.mode == .quick)
        #expect(try d.store.unfinishedAttempt()?.id != first.id)
    }

    @Test func practiceGivesFeedbackAfterEachAnswer() throws {
        let d = QuizDriver()
        try d.startRun([F.single, F.multiple], mode: .practice, limit: nil)
        d.keys("2")
        d.send(.key(.enter))
        let s = d.screen
        #expect(s.contains("Incorrect"))
        #expect(s.contains("Training accuracy would be low too."))
        d.keys("1")   // locked after checking
        #expect(d.run?.session.answer(at: 0) == .choices([1]))
        expectGolden(d.render(), "quiz-feedback-en")
        d.send(.key(.enter))
        #expect(d.run?.session.current == 1)
    }

    /// Like the real exam, the simulation names no domain, and a case study's questions say so.
    @Test func examHeaderHidesTheDomainAndNamesTheCaseStudy() throws {
        let d = QuizDriver()
        try d.startRun([F.caseQuestion, F.single])
        let header = d.screen.split(separator: "\n").first { $0.contains("Question 1 of 2") } ?? ""
        #expect(header.contains("Case study, question 1 of 1"))
        #expect(!header.contains("Domain") && !header.contains("single"))
        d.keys("n")
        let second = d.screen.split(separator: "\n").first { $0.contains("Question 2 of 2") } ?? ""
        #expect(second.contains("single choice") && !second.contains("Domain"))
    }

    @Test func practiceSetupFiltersByDifficulty() throws {
        let d = QuizDriver()
        d.keys("p")
        let setup = try #require(d.app.stack.last as? QuizPracticeSetupScreen)
        #expect(setup.available == 5)
        // Untick easy and medium: only the one hard question is left.
        for level in [Difficulty.easy, .medium] {
            let row = try #require(setup.rows.firstIndex(of: .difficulty(level)))
            while ((d.app.stack.last as? QuizPracticeSetupScreen)?.selected ?? row) < row { d.send(.key(.down)) }
            d.send(.char(" "))
        }
        #expect(d.screen.contains("(1 match)"))
        let filtered = try #require(d.app.stack.last as? QuizPracticeSetupScreen)
        #expect(filtered.filter.difficulties == [.hard])
        d.keys("s")
        let run = try #require(d.run)
        #expect(!run.session.questions.isEmpty && run.session.questions.allSatisfy { $0.difficulty == .hard })
    }

    @Test func practiceSetupFiltersAndStarts() throws {
        let d = QuizDriver()
        d.keys("p")
        #expect(d.app.stack.last is QuizPracticeSetupScreen)
        #expect(d.screen.contains("(5 match)"))
        d.send(.char(" "))          // untick domain 1
        #expect(d.screen.contains("(2 match)"))
        expectGolden(d.render(), "quiz-practice-setup-en")
        d.keys("s")
        let run = try #require(d.run)
        #expect(run.session.attempt.mode == .practice)
        #expect(run.session.questions.allSatisfy { $0.domainID == "d3" })
        #expect(run.session.attempt.timeLimit == nil)
    }

    @Test func resultsFiltersReviewAndStudyList() throws {
        let d = QuizDriver()
        try d.startRun([F.single, F.multiple, F.ordering, F.matching, F.caseQuestion], limit: 5400)
        d.tick(0)
        d.keys("1")            // q1 correct
        d.keys("n13")          // q2 correct (options 1 and 3 without shuffling)
        d.keys("n")
        d.keys("f")            // q3 flagged, left as shown (not answered)
        d.keys("n1")           // q4: only prompt a paired, so wrong
        d.keys("n2")           // q5 wrong
        d.tick(300)
        d.keys("r")
        d.keys("ss")
        let results = try #require(d.app.stack.last as? QuizResultsScreen)
        _ = results
        let s = d.screen
        #expect(s.contains("Correct 2 of 5 (40%)"))
        #expect(s.contains("FAIL"))
        expectGolden(d.render(), "quiz-results-en")
        d.keys("i")
        #expect(d.screen.contains("[d1-003]") && !d.screen.contains("[d1-001]"))
        d.keys("u")
        #expect(d.screen.contains("[d1-003]") && !d.screen.contains("[d3-001]"))
        d.keys("f")
        #expect(d.screen.contains("[d1-003]") && !d.screen.contains("[d3-002]"))
        d.keys("a")
        d.keys("m")
        #expect(try d.store.studyQuestionIDs() == ["d1-003", "d3-001", "d3-002"])
        // Open the last question from the "all" list: the learner's and the correct answer, and why.
        d.send(.key(.down), .key(.down), .key(.down), .key(.down), .key(.enter))
        let review = d.screen
        #expect(review.contains("Yours: 2 · Correct: 1"))
        #expect(review.contains("Managed RAG."))
        #expect(review.contains("Insurer support assistant"))
        expectGolden(d.render(), "quiz-answer-review-en")
        let ja = QuizDriver(language: .ja)
        try ja.startRun([F.single, F.multiple])
        ja.keys("1r")
        ja.keys("ss")
        expectGolden(ja.render(), "quiz-results-ja")
    }

    @Test func historyChartsScaledScores() throws {
        let d = QuizDriver()
        for (i, answers) in ["1", "2"].enumerated() {
            try d.startRun([F.single], limit: 600)
            d.keys(answers)
            d.clock = d.clock.addingTimeInterval(Double(i) * 3600)
            d.keys("rs")
            _ = try #require(d.app.stack.last as? QuizResultsScreen)
        }
        d.keys("h")
        let s = d.screen
        #expect(s.contains("Scaled score by attempt"))
        #expect(s.contains("pass mark 700") && s.contains("Exam simulation"), "the legend names the pass line and each mode's line")
        #expect(s.contains("1000") && s.contains("100"))
        #expect(s.contains("1000 pass") && s.contains(" 100 fail"))
        #expect(s.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }, "braille line drawn")
        d.send(.key(.enter))
        #expect(d.app.stack.last is QuizResultsScreen)
    }

    @Test func everyScreenFitsTheMinimumSize() throws {
        let d = QuizDriver(size: Size(width: 60, height: 18))
        try d.startRun([F.caseQuestion, F.matching])
        _ = d.render()
        d.keys("n")
        _ = d.render()
        d.keys("r")
        _ = d.render()
        d.keys("ss")
        let s = d.render().lines()
        #expect(s.count == 18 && s.allSatisfy { DisplayWidth.of($0) == 60 })
    }
}

/// Test helper: the order currently shown for an ordering question.
enum QuizAnswerOrder {
    static func current(_ s: QuizSession, _ i: Int) -> [Int] {
        if case .order(let o)? = s.answer(at: i) { return o }
        return s.permutation(i)
    }
}
