import Foundation
import Testing

/// Issue 13 through the interfaces a learner uses: take an exam, then see it in `stats`, on Home and on
/// the Stats screen, and take the material to Anki.
@Suite(.serialized) struct ProgressEndToEndTests {
    static let anki = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("AnkiExportTests/Fixtures/check_apkg.py")

    @Test(.enabled(if: Tmux.available, "needs tmux (make test installs it)"))
    func anExamShowsUpInStatsHomeAndTheStatsScreen() throws {
        let t = try Tmux()
        let exam = try Tmux.run([Tmux.binary.path, "exam", "--plain", "--count", "10", "--seed", "3", "--time-limit", "0", "--json"],
                                input: String(repeating: "1\n", count: 10) + "submit\n", environment: t.environment)
        #expect(exam.status == 0, "\(exam.output)")
        let json = try Tmux.run([Tmux.binary.path, "stats", "--json"], environment: t.environment)
        #expect(json.status == 0, "\(json.output)")
        let report = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as! [String: Any]
        let stats = report["stats"] as! [String: Any], readiness = report["readiness"] as! [String: Any]
        let exams = stats["exams"] as! [[String: Any]]
        #expect(exams.count == 1 && exams.first?["total"] as? Int == 10)
        // Questions that "1" does not answer (multiple response, ordering) stay unanswered and are not counted.
        #expect((readiness["answersUsed"] as? Int ?? 0) > 0)
        let score = readiness["score"] as! Int, low = readiness["low"] as! Int, high = readiness["high"] as! Int
        #expect(low <= score && score <= high)
        let text = try Tmux.run([Tmux.binary.path, "stats"], environment: t.environment)
        #expect(text.output.contains("Readiness: \(score) (80 % range \(low)–\(high)"), "\(text.output)")

        let csv = try Tmux.run([Tmux.binary.path, "export", "results", "--format", "csv"], environment: t.environment)
        #expect(csv.output.split(separator: "\n").filter { $0.hasPrefix("attempt,") && $0.contains(",exam,") }.count == 1, "\(csv.output)")

        try t.start()
        try t.waitFor("Readiness: \(score) (80 % range \(low)–\(high))")
        #expect(t.screen.contains("Last exam: "))
        try t.send("P")
        try t.waitFor("Readiness: estimated exam score")
        #expect(t.screen.contains("▲ today"))
        try t.send("Tab")
        try t.waitFor("Reviews and time per day")
        try t.send("Tab")
        try t.waitFor("Quiz accuracy by domain")
        #expect(t.screen.contains("pass 700"))
        try t.send("q")
        try t.waitFor("Study modes")
        try t.send("q")
        #expect(try t.waitForExit() == 0)
    }

    static var ankiAvailable: Bool { (try? Tmux.run(["python3", "-c", "import anki.collection"]))?.status == 0 }

    @Test(.enabled(if: ankiAvailable,
                   "needs python3 with the anki package (make test installs it)"))
    func exportAnkiWritesAPackageAnkiImports() throws {
        let t = try Tmux()
        let file = t.dataDir.appendingPathComponent("aifprep.apkg")
        let export = try Tmux.run([Tmux.binary.path, "export", "anki", file.path, "--lang", "ja", "--with-progress"], environment: t.environment)
        #expect(export.status == 0, "\(export.output)")
        let notes = try #require(export.output.split(separator: " ").firstIndex(of: "notes").map { Int(export.output.split(separator: " ")[$0 - 1]) } ?? nil)
        let seen = try Tmux.run(["python3", Self.anki.path, file.path])
        #expect(seen.status == 0, "\(seen.output)")
        let report = try JSONSerialization.jsonObject(with: Data(seen.output.utf8)) as! [String: Any]
        let imports = report["imports"] as! [[String: Int]]
        #expect(imports[0]["new"] == notes && imports[0]["cards"] == notes)
        #expect(imports[1]["new"] == 0, "a second import adds nothing")
        #expect((report["decks"] as! [String]).contains { $0.hasPrefix("AWS AI Practitioner::1 ") })
    }
}
