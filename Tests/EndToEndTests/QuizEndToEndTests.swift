import Foundation
import Testing

/// The quiz through the real binary: plain mode over pipes, the full-screen quiz in tmux. Both use the
/// small fixture content in Tests/AIFCoreTests/Fixtures/quiz/content (one known question per domain).
@Suite("Quiz end to end", .serialized)
struct QuizEndToEndTests {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("AIFCoreTests/Fixtures/quiz/content")

    static func temp() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("aifprep-quiz-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Runs `aifprep exam --plain ...` with `input` on stdin.
    static func plain(_ args: [String], input: String, dataDir: URL) throws -> (status: Int32, output: String) {
        try Tmux.run([Tmux.binary.path, "exam", "--plain", "--content", content.path] + args, input: input,
                     environment: ["AIFPREP_DATA_DIR": dataDir.path, "XDG_CONFIG_HOME": dataDir.appendingPathComponent("config").path,
                                   "HOME": dataDir.path, "LANG": "C.UTF-8"])
    }

    static func json(_ output: String) throws -> [String: Any] {
        let last = try #require(output.split(separator: "\n").last)
        return try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
    }

    @Test func plainModeScoresEachQuestionType() throws {
        let dir = try Self.temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        // With --no-shuffle options keep file order: the answers below are the key for domains 1, 2 and 4.
        for (domain, answer, id) in [("1", "2", "fx-single"), ("2", "1,4", "fx-multiple"), ("4", "a1 b2 c3", "fx-matching")] {
            let r = try Self.plain(["--domain", domain, "--count", "1", "--seed", "4", "--no-shuffle", "--json"], input: answer + "\n", dataDir: dir)
            #expect(r.status == 0, "\(r.output)")
            #expect(r.output.contains("[\(id)] Question 1 of 1"))
            let j = try Self.json(r.output)
            #expect(j["correct"] as? Int == 1 && j["scaledScore"] as? Int == 1000 && j["passed"] as? Bool == true, "\(j)")
        }
        let wrong = try Self.plain(["--domain", "d5", "--count", "1", "--no-shuffle", "--json"], input: "2\n", dataDir: dir)
        let j = try Self.json(wrong.output)
        #expect(j["correct"] as? Int == 0 && j["scaledScore"] as? Int == 100 && j["passed"] as? Bool == false)
        let domains = try #require(j["domains"] as? [[String: Any]])
        #expect(domains.first?["id"] as? String == "d5" && domains.first?["total"] as? Int == 1)
    }

    @Test func plainModeHintsFlagsAndSubmitsAtEndOfInput() throws {
        let dir = try Self.temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.plain(["--seed", "11", "--time-limit", "0"], input: "9\nflag\n" + String(repeating: "skip\n", count: 7), dataDir: dir)
        #expect(r.status == 0)
        #expect(r.output.contains("Exam simulation: 7 questions, seed 11."))
        #expect(r.output.contains("Type one number from 1 to 4") || r.output.contains("Choose 2:") || r.output.contains("Type every number")
                || r.output.contains("Pair every prompt"))
        #expect(r.output.contains("Flagged for review."))
        #expect(r.output.contains("Review: 0 answered, 7 unanswered (1, 2, 3, 4, 5, 6, 7), 1 flagged (1)."))
        #expect(r.output.contains("Result: FAIL, scaled score 100"))
        // The same seed draws the same questions in the same order.
        let again = try Self.plain(["--seed", "11", "--time-limit", "0"], input: "", dataDir: dir)
        let missed = { (s: String) in s.split(separator: "\n").filter { $0.hasPrefix("  [fx-") } }
        #expect(missed(r.output).count == 7)
        #expect(missed(again.output) == missed(r.output))
        let ja = try Self.plain(["--domain", "1", "--count", "1", "--lang", "ja"], input: "", dataDir: dir)
        #expect(ja.output.contains("学習済みモデルで新しいデータを予測することを何と呼びますか?"))
        let bad = try Self.plain(["--lang", "fr"], input: "", dataDir: dir)
        #expect(bad.status != 0 && bad.output.contains("--lang must be en or ja"))
    }

    @Test(Tmux.needed) func examInTheAppAnswerFlagReviewSubmitAndResume() throws {
        let tmux = try Tmux()
        // Seed 1 draws a single-choice question first (as `exam --plain --seed 1` shows).
        try tmux.start("\(Tmux.binary.path) --seed 1", extraEnv: ["AIFPREP_CONTENT": Self.content.path])
        try tmux.waitFor("Quiz")
        try tmux.send("Q")
        try tmux.waitFor("Exam simulation")
        try tmux.send("e")
        try tmux.waitFor("Question 1 of 7")
        try tmux.waitFor("left 10:00")   // the fixture has 7 questions: 90 minutes × 7/65, rounded up
        try tmux.send("1")
        try tmux.waitFor("answered 1/7")
        try tmux.send("n")
        try tmux.waitFor("Question 2 of 7")
        try tmux.send("f")
        try tmux.waitFor("⚑ flagged")
        // Pause, leave the app, come back: the answer and flag are still there.
        try tmux.send("q")
        try tmux.waitFor("Resume unfinished quiz")
        try tmux.send("q")
        try tmux.send("q")
        _ = try tmux.waitForExit()
        let again = try Tmux()
        try FileManager.default.removeItem(at: again.dataDir)
        try FileManager.default.createSymbolicLink(at: again.dataDir, withDestinationURL: tmux.dataDir)
        try again.start(extraEnv: ["AIFPREP_DATA_DIR": tmux.dataDir.path, "AIFPREP_CONTENT": Self.content.path])
        try again.waitFor("Study modes")
        try again.send("j")   // the home screen shows the status of the selected mode
        try again.waitFor("unfinished quiz 1/7")
        try again.send("Q")
        try again.waitFor("Resume unfinished quiz")
        try again.send("r")
        try again.waitFor("answered 1/7")
        try again.send("r")
        try again.waitFor("Unanswered 6   Flagged 1")
        try again.send("s")
        try again.waitFor("6 unanswered")
        try again.send("s")
        try again.waitFor("Correct")
        let results = try again.waitFor("FAIL")
        #expect(results.contains("By domain"))
        try again.send("i")
        try again.waitFor("Incorrect")
        try again.send("Enter")
        try again.waitFor("Yours:")
        try again.send("Escape")
        try again.send("h")
        try again.waitFor("Scaled score by attempt")
    }
}
