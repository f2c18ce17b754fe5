import PlainOutput
import AIFCore
import Foundation
import Testing

/// Drives plain mode with scripted input and a fake clock that moves only when told.
final class PlainHarness {
    var lines: [String]
    var out: [String] = []
    var clock: Date = QuizFixtures.t0
    /// Seconds the clock moves each time a line is read.
    var secondsPerAnswer: Double = 10
    private(set) var quiz: PlainQuiz!
    let store = InMemoryQuizAttemptStore()

    init(_ session: QuizSession, _ lib: ContentLibrary, lines: [String], lang: Language = .en, json: Bool = false, secondsPerAnswer: Double = 10) {
        self.lines = lines
        self.secondsPerAnswer = secondsPerAnswer
        quiz = PlainQuiz(session: session, library: lib, language: lang, json: json, store: store,
                         input: { [unowned self] in read() }, output: { [unowned self] in out.append($0) },
                         now: { [unowned self] in clock })
    }

    func read() -> String? {
        guard !lines.isEmpty else { return nil }
        clock = clock.addingTimeInterval(secondsPerAnswer)
        return lines.removeFirst()
    }

    var text: String { out.joined(separator: "\n") }
}

@Suite("Plain mode")
struct QuizPlainModeTests {
    typealias F = QuizFixtures

    /// The learner's typed answer for question `i`, from the shown numbering.
    static func typed(_ s: QuizSession, _ i: Int, correct: Bool) -> String {
        let q = s.questions[i]
        return PlainInput.format(correct ? F.correctAnswer(q) : F.wrongAnswer(q), permutation: s.permutation(i))
    }

    func session(_ ids: [String], seed: UInt64 = 9, limit: Double? = 600) throws -> (QuizSession, ContentLibrary) {
        let lib = F.library()
        return (try QuizSession.start(mode: .exam, questions: ids.map { lib.question(id: $0)! }, library: lib, seed: seed,
                                      timeLimit: limit, now: F.t0), lib)
    }

    let mixed = ["d1-001", "d1-002", "d1-003", "d1-004"]   // single, multiple, ordering, matching

    @Test func parsesEveryAnswerSyntaxThroughThePermutation() throws {
        let lib = F.library()
        let single = lib.question(id: "d1-001")!, multi = lib.question(id: "d1-002")!
        let order = lib.question(id: "d1-003")!, match = lib.question(id: "d1-004")!
        #expect(PlainInput.parse("2", question: single, permutation: [3, 0, 1, 2], lang: .en) == .success(.answer(.choices([0]))))
        #expect(PlainInput.parse(" 1,4 ", question: multi, permutation: [4, 3, 2, 1, 0], lang: .en) == .success(.answer(.choices([1, 4]))))
        #expect(PlainInput.parse("1 4", question: multi, permutation: [0, 1, 2, 3, 4], lang: .en) == .success(.answer(.choices([0, 3]))))
        #expect(PlainInput.parse("3 1 2 4", question: order, permutation: [1, 2, 0, 3], lang: .en) == .success(.answer(.order([0, 1, 2, 3]))))
        #expect(PlainInput.parse("a2 b1 c3", question: match, permutation: [2, 0, 1], lang: .en) == .success(.answer(.matches([0, 2, 1]))))
        #expect(PlainInput.parse("B1,a2,c3", question: match, permutation: [0, 1, 2], lang: .en) == .success(.answer(.matches([1, 0, 2]))))
        for bad in ["0", "5", "1,2", "x", ""] { #expect(PlainInput.parse(bad, question: single, permutation: [0, 1, 2, 3], lang: .en) == .failure(.single(4))) }
        for bad in ["1", "1,1", "1,2,3", "1,9"] { #expect(PlainInput.parse(bad, question: multi, permutation: [0, 1, 2, 3, 4], lang: .en) == .failure(.multiple(choose: 2, n: 5))) }
        for bad in ["1 2 3", "1 1 2 3", "1 2 3 5"] { #expect(PlainInput.parse(bad, question: order, permutation: [0, 1, 2, 3], lang: .en) == .failure(.ordering(4))) }
        for bad in ["a1 b2", "a1 a2 b3", "a1 b1 c2", "a1 b2 d3", "a4 b2 c1"] { #expect(PlainInput.parse(bad, question: match, permutation: [0, 1, 2], lang: .en) == .failure(.matching(3))) }
        #expect(PlainInput.parse("skip", question: single, permutation: [0, 1, 2, 3], lang: .en) == .success(.skip))
        // format is the inverse of parse
        for (q, p, a) in [(multi, [4, 3, 2, 1, 0], "1,4"), (order, [1, 2, 0, 3], "3 1 2 4"), (match, [2, 0, 1], "a2 b1 c3")] {
            guard case .success(.answer(let ans)) = PlainInput.parse(a, question: q, permutation: p, lang: .en) else { Issue.record(); continue }
            #expect(PlainInput.format(ans, permutation: p) == a)
        }
    }

    @Test func allCorrectPassesWithFullMarks() throws {
        let (s, lib) = try session(mixed)
        let h = PlainHarness(s, lib, lines: s.questions.indices.map { Self.typed(s, $0, correct: true) } + ["submit"])
        let r = h.quiz.run()
        #expect(r.correct == 4 && r.scaledScore == 1000 && r.passed)
        #expect(h.text.contains("[d1-001] Question 1 of 4 · single choice"))
        #expect(h.text.contains("[d1-002] Question 2 of 4 · multiple response, choose 2"))
        #expect(h.text.contains("Result: PASS, scaled score 1000"))
        #expect(try h.store.history().count == 1)
        #expect(try h.store.answerHistory().count == 4)
    }

    @Test func invalidInputGivesAHintAndTheSameQuestionAgain() throws {
        let (s, lib) = try session(mixed)
        let h = PlainHarness(s, lib, lines: ["7", Self.typed(s, 0, correct: true), "1"])
        h.quiz.run()
        let hint = PlainHint.single(4).text(.en)
        let i = try #require(h.out.firstIndex(of: hint))
        #expect(h.out[(i + 1)...].contains { $0.hasPrefix("[d1-001] Question 1 of 4") })
        #expect(h.out.contains(PlainHint.multiple(choose: 2, n: 5).text(.en)))
        #expect(h.quiz.session.answer(at: 0) != nil && h.quiz.session.answer(at: 1) == nil)
    }

    @Test func skipBackFlagAndReviewJump() throws {
        let (s, lib) = try session(mixed)
        let lines = ["skip", "flag", Self.typed(s, 1, correct: false), "back", "back", Self.typed(s, 0, correct: true),
                     "skip", "skip", "skip", "4", Self.typed(s, 3, correct: true), "submit"]
        let h = PlainHarness(s, lib, lines: lines)
        let r = h.quiz.run()
        #expect(r.outcomes == [.correct, .incorrect, .unanswered, .correct])
        #expect(h.quiz.session.flagged() == [1])
        #expect(h.text.contains("Review: 2 answered, 2 unanswered (3, 4), 1 flagged (2)."))
        #expect(h.text.contains("Review: 3 answered, 1 unanswered (3), 1 flagged (2)."))
        #expect(h.text.contains("[d1-002] yours: \(Self.typed(s, 1, correct: false)) · correct: \(Self.typed(s, 1, correct: true))"))
    }

    @Test func endOfInputSubmits() throws {
        let (s, lib) = try session(mixed)
        let h = PlainHarness(s, lib, lines: [Self.typed(s, 0, correct: true)])
        let r = h.quiz.run()
        #expect(r.outcomes == [.correct, .unanswered, .unanswered, .unanswered])
        #expect(h.quiz.session.isFinished)
    }

    @Test func timeRunningOutSubmitsAndWarns() throws {
        let (s, lib) = try session(mixed, limit: 120)
        // 50 s per answer: the 1-minute warning after the second, time up at the third (its answer is not taken).
        let h = PlainHarness(s, lib, lines: s.questions.indices.map { Self.typed(s, $0, correct: true) }, secondsPerAnswer: 50)
        let r = h.quiz.run()
        #expect(h.out.contains("1 minute left."))
        #expect(h.out.contains("Time is up: the exam is submitted."))
        #expect(r.outcomes == [.correct, .correct, .unanswered, .unanswered])
        #expect(r.timeUsed == 120)
    }

    @Test func jsonSummaryAndJapanese() throws {
        let (s, lib) = try session(mixed)
        let h = PlainHarness(s, lib, lines: [Self.typed(s, 0, correct: true), Self.typed(s, 1, correct: false), "lang", "flag"],
                             lang: .ja, json: true)
        let r = h.quiz.run()
        #expect(h.text.contains("[d1-001] 問題 1 / 4 · 単一選択"))
        #expect(h.text.contains("「Which option is best for d1-001?」"), "markup is stripped")
        #expect(h.text.contains("Flagged for review."), "lang switched to English")
        let json = try #require(h.out.last)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(obj["scaledScore"] as? Int == r.scaledScore)
        #expect(obj["correct"] as? Int == 1 && obj["total"] as? Int == 4 && obj["passed"] as? Bool == false)
        let domains = try #require(obj["domains"] as? [[String: Any]])
        #expect(domains.count == 1 && domains[0]["id"] as? String == "d1" && domains[0]["correct"] as? Int == 1)
        let qs = try #require(obj["questions"] as? [[String: Any]])
        #expect(qs.map { $0["result"] as? String } == ["correct", "incorrect", "unanswered", "unanswered"])
        #expect(qs[2]["flagged"] as? Bool == true)
    }

    @Test func caseStudyScenarioIsShownOnceForItsQuestions() throws {
        let (s, lib) = try session(["cs-q1", "cs-q2", "d1-001"])
        let h = PlainHarness(s, lib, lines: ["2", "2", "9", "1"])
        h.quiz.run()
        #expect(h.out.count { $0 == "Case study: Insurer support" } == 1)
        #expect(h.out.contains("An insurer wants a support assistant."))
    }
}
