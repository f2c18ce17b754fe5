import PlainOutput
import AIFCore
import Foundation
import Testing

/// Issue 12: `exam --plain` explains the missed questions (or all) after the score, and `--json` carries them.
@Suite("Plain mode review")
struct PlainReviewTests {
    typealias F = QuizFixtures
    let mixed = ["d1-001", "d1-002", "d1-003", "d1-004"]

    func session(limit: Double? = 600) throws -> (QuizSession, ContentLibrary) {
        let lib = F.library()
        return (try QuizSession.start(mode: .exam, questions: mixed.map { lib.question(id: $0)! }, library: lib, seed: 9,
                                      timeLimit: limit, now: F.t0), lib)
    }

    @Test func missedQuestionsAreExplainedAfterTheScore() throws {
        let (s, lib) = try session()
        let h = PlainHarness(s, lib, lines: [QuizPlainModeTests.typed(s, 0, correct: true), QuizPlainModeTests.typed(s, 1, correct: false)])
        h.quiz.run()
        let text = h.text
        let score = try #require(text.range(of: "Result: "))
        let review = try #require(text.range(of: "Review of the missed questions:"))
        #expect(score.lowerBound < review.lowerBound)
        #expect(!text[review.upperBound...].contains("[d1-001] Question 1"), "a correct answer is not reviewed by default")
        #expect(text.contains("[d1-002] Question 2: incorrect"))
        #expect(text.contains("[d1-003] Question 3: not answered"))
        #expect(text.contains("Your answer: "), "the learner's answer")
        #expect(text.contains(" · key: "))
        #expect(text.contains("(right") && text.contains("(wrong") && text.contains("Why: "))
        #expect(text.contains("Explanation: "))
        let q = lib.question(id: "d1-002")!
        for r in q.refs { #expect(text.contains(r.url)) }
    }

    @Test func reviewAllIncludesCorrectAnswersAndJSONCarriesTheReview() throws {
        let (s, lib) = try session()
        let h = PlainHarness(s, lib, lines: [QuizPlainModeTests.typed(s, 0, correct: true)])
        h.quiz.reviewScope = .all
        h.quiz.run()
        #expect(h.text.contains("Review of every question:"))
        #expect(h.text.contains("[d1-001] Question 1: correct"))

        let (s2, lib2) = try session()
        let j = PlainHarness(s2, lib2, lines: [QuizPlainModeTests.typed(s2, 0, correct: true)], json: true)
        j.quiz.run()
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(j.out.last!.utf8)) as? [String: Any])
        let review = try #require(obj["review"] as? [[String: Any]])
        #expect(review.map { $0["id"] as? String } == ["d1-002", "d1-003", "d1-004"])
        #expect(review[0]["yourAnswer"] as? String == "—" && review[0]["key"] != nil && review[0]["explanation"] != nil)
        let options = try #require(review[0]["options"] as? [[String: Any]])
        #expect(options.allSatisfy { $0["why"] is String && $0["correct"] is Bool })
        #expect(obj["scaledScore"] != nil, "the summary is unchanged")
    }

    @Test func oneMinuteIsSingular() throws {
        let (s, lib) = try session(limit: 60)
        let h = PlainHarness(s, lib, lines: [])
        h.quiz.run()
        #expect(h.text.contains("4 questions, 1 minute, seed"))
    }
}
