import PlainOutput
import Foundation
import Testing
@testable import AIFCore

/// Issue 10: bad values and hostile text never crash, never reach the terminal, never vanish silently.
@Suite("Faults: plain mode, stored attempts, lint")
struct FaultTests {
    typealias F = QuizFixtures

    /// Everything a hostile stem could hold: OSC 52 clipboard write, clear screen, BEL, 8-bit CSI, RLO, ZWSP.
    static let hostile = "Pick one\u{1B}]52;c;ZXZpbA==\u{07} now\u{1B}[2J\u{07}\u{9B}31m\u{202E}desrever\u{200B}!"

    static func isTerminalSafe(_ s: String) -> Bool {
        !s.unicodeScalars.contains { [0x1B, 0x07, 0x9B, 0x9D, 0x202E, 0x200B].contains($0.value) }
    }

    @Test func plainModePrintsNoControlOrBidiCharacterFromContent() throws {
        var q = F.single("d1-001", domain: 1)
        q.stem = LocalizedText(en: Self.hostile, ja: Self.hostile)
        q.options[0].text = LocalizedText(en: "opt\u{1B}[31mred", ja: "赤")
        let lib = ContentLibrary(blueprint: F.blueprint, decks: [], cards: [], questions: [q], caseStudies: [], presets: [], diagnosisCards: [:])
        let session = try QuizSession.start(mode: .exam, questions: [q], library: lib, seed: 1, timeLimit: 600, now: F.t0)
        let h = PlainHarness(session, lib, lines: ["1"])
        h.quiz.run()
        #expect(Self.isTerminalSafe(h.text), "unsafe output: \(h.text.debugDescription)")
        #expect(h.text.contains("Pick one now"))
        #expect(h.text.contains("optred"))
    }

    @Test func plainModeSavesAfterEveryAnswerAndResumesWhereItStopped() throws {
        let lib = F.library()
        let ids = ["d1-001", "d1-002", "d1-003", "d1-004"]
        let session = try QuizSession.start(mode: .exam, questions: ids.map { lib.question(id: $0)! }, library: lib,
                                            seed: 3, timeLimit: 600, now: F.t0)
        let answers = (0..<2).map { QuizPlainModeTests.typed(session, $0, correct: true) }
        // The input ends abruptly after two answers, as when the process is killed: nothing more runs.
        let store = InMemoryQuizAttemptStore()
        var remaining = answers
        let quiz = PlainQuiz(session: session, library: lib, language: .en, store: store,
                             input: { remaining.isEmpty ? nil : remaining.removeFirst() }, output: { _ in }, now: { F.t0 })
        // Simulate the kill by reading the store before `finish` runs: save count after each answer.
        _ = quiz
        let saved = try #require(Self.runUntilKilled(session: session, lib: lib, answers: answers))
        #expect(saved.answeredCount == 2)
        #expect(saved.current == 2)
        // The next run resumes the stored attempt at question 3 and says so.
        let resumed = try QuizSession(attempt: saved, library: lib)
        let h = PlainHarness(resumed, lib, lines: [QuizPlainModeTests.typed(resumed, 2, correct: true), "submit"])
        h.quiz.run()
        #expect(h.text.contains("Resuming the unfinished exam: 2 of 4 answered"))
        #expect(h.text.contains("Question 3 of 4"))
        #expect(!h.text.contains("Question 1 of 4"))
        #expect(h.store.saveCount >= 1)
    }

    /// Runs plain mode with a store that records every save, and stops reading after `answers` (a kill):
    /// returns what was saved last.
    static func runUntilKilled(session: QuizSession, lib: ContentLibrary, answers: [String]) -> QuizAttempt? {
        final class Killed: Error {}
        let store = InMemoryQuizAttemptStore()
        var lines = answers
        var lastSaved: QuizAttempt?
        let quiz = PlainQuiz(session: session, library: lib, language: .en, store: store,
                             input: {
                                 lastSaved = store.unfinished
                                 return lines.isEmpty ? nil : lines.removeFirst()
                             }, output: { _ in }, now: { F.t0 })
        quiz.run()
        // `input` ran once more after the last answer: what was saved then is what a kill would leave.
        #expect(store.saveCount >= answers.count)
        return lastSaved
    }

    @Test(arguments: [1e300, -1e300, .infinity, .nan, 0])
    func anAttemptWithAnImpossibleTimeLimitIsRefusedByName(limit: Double) throws {
        var a = try QuizSession.start(mode: .exam, questions: [F.single("d1-001", domain: 1)], library: F.library(),
                                      seed: 1, timeLimit: 600, now: F.t0).attempt
        a.timeLimit = limit
        #expect(a.validationProblem?.contains("timeLimit") == true)
        #expect(throws: QuizError.self) { _ = try QuizSession(attempt: a, library: F.library()) }
    }

    @Test func anAttemptWithAnImpossibleElapsedTimeIsRefused() throws {
        var a = try QuizSession.start(mode: .exam, questions: [F.single("d1-001", domain: 1)], library: F.library(),
                                      seed: 1, timeLimit: 600, now: F.t0).attempt
        a.elapsed = 1e300
        #expect(a.validationProblem?.contains("elapsed") == true)
        a.elapsed = 10
        a.current = 7
        #expect(a.validationProblem?.contains("current") == true)
    }

    @Test func theClockNeverTrapsOnHugeOrMissingValues() {
        #expect(TimeFormat.clock(1e300) == "144000:00")
        #expect(TimeFormat.clock(-1e300) == "0:00")
        #expect(TimeFormat.clock(.nan) == "0:00")
        #expect(TimeFormat.clock(61) == "1:01")
    }

    // MARK: lint

    static func content(_ files: [String: String]) throws -> URL {
        let manager = FileManager.default
        let content = manager.temporaryDirectory.appendingPathComponent("aifprep-fault-\(UUID().uuidString)").appendingPathComponent("Content")
        try manager.createDirectory(at: content.deletingLastPathComponent(), withIntermediateDirectories: true)
        try manager.copyItem(at: ContentFixtures.valid, to: content)
        for (path, text) in files {
            try Data(text.utf8).write(to: content.appendingPathComponent(path))
        }
        return content
    }

    static let extraQuestion = """
        questions:
          - id: q-hostile
            task: "1.1"
            type: single
            stem:
              en: "Which one?\\e]52;c;ZXZpbA==\\a"
              ja: どれですか\u{202E}?
            options:
              - text: {en: A, ja: A}
                correct: true
                why: {en: yes, ja: はい}
              - text: {en: B, ja: B}
                why: {en: no, ja: いいえ}
              - text: {en: C, ja: C}
                why: {en: no, ja: いいえ}
            explanation: {en: Because., ja: だから。}
            refs:
              - url: https://docs.aws.amazon.com/x
            difficulty: easy

        """

    @Test func lintReportsControlAndBidiCharactersAtTheirOwnPosition() throws {
        let dir = try Self.content(["questions/hostile.yaml": Self.extraQuestion])
        let issues = ContentLinter.lint(directory: dir).map(\.description)
        let hostile = issues.filter { $0.hasPrefix("Content/questions/hostile.yaml") }
        // Raw RLO on line 7 after "      ja: どれですか" (column 16); escapes \e and \a on line 6.
        #expect(hostile.contains { $0.hasPrefix("Content/questions/hostile.yaml:7:16: bidirectional control U+202E") }, "\(hostile)")
        #expect(hostile.contains { $0.hasPrefix("Content/questions/hostile.yaml:6:22: escape character") && $0.contains("U+001B written as an escape") }, "\(hostile)")
        #expect(hostile.contains { $0.contains("bell character U+0007 written as an escape") }, "\(hostile)")
        #expect(issues.allSatisfy(Self.isTerminalSafe))
        // Lint reports them; the app still loads the content and shows the text sanitised.
        let library = try ContentLoader.load(from: dir)
        #expect(library.question(id: "q-hostile") != nil)
    }

    @Test func aMaliciousValueIsNotEchoedRawInLintMessages() throws {
        let text = Self.extraQuestion.replacingOccurrences(of: "task: \"1.1\"", with: "task: \"9.9\\e[2J\\e]0;pwned\\a\"")
        let dir = try Self.content(["questions/hostile.yaml": text])
        let issues = ContentLinter.lint(directory: dir).map(\.description)
        #expect(issues.contains { $0.contains("task '9.9") && $0.contains("is not in exam.yaml") })
        #expect(issues.allSatisfy(Self.isTerminalSafe), "\(issues)")
    }

    @Test func invalidUTF8IsReportedOnItsRealLine() throws {
        let dir = try Self.content([:])
        var bytes = Array(Self.extraQuestion.utf8)
        // Line 9 ("    options:") gets a lone continuation byte after its indentation.
        let lines = Self.extraQuestion.split(separator: "\n", omittingEmptySubsequences: false)
        let offset = lines.prefix(8).reduce(0) { $0 + $1.utf8.count + 1 } + 2
        bytes.insert(0x80, at: offset)
        try Data(bytes).write(to: dir.appendingPathComponent("questions/bad.yaml"))
        let issues = ContentLinter.lint(directory: dir).map(\.description)
        #expect(issues.contains { $0.hasPrefix("Content/questions/bad.yaml:9:3: file is not valid UTF-8 here (byte 0x80)") }, "\(issues)")
    }
}
