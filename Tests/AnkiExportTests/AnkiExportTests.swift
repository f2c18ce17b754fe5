import AIFCore
@testable import AnkiExport
import Foundation
import SpacedRepetition
import Testing

/// Runs a command and returns its standard output, or nil when it cannot run or fails.
func run(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = arguments
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    do { try p.run() } catch { return (-1, "", "\(error)") }
    let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

let ankiAvailable = run(["python3", "-c", "import anki.collection"]).status == 0

@Suite struct AnkiExportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let utc = TimeZone(identifier: "UTC")!
    static let clock = StudyClock(timeZone: utc, dayStartHour: 4)
    /// Anki's importer moves due dates by the days between the package's creation and the real today, so the
    /// export is made as of now (whole seconds) and every date below is relative to it.
    static let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))

    static let library: ContentLibrary = {
        let t = { (en: String, ja: String) in LocalizedText(en: en, ja: ja) }
        let bp = ExamBlueprint(code: "T", title: t("T", "T"), questions: 4, scored: 4, minutes: 10, extraMinutes: 0,
                               passingScore: 700, minScore: 100, maxScore: 1000, domains: [
                                   Domain(id: "d1", number: 1, weight: 50, title: t("Fundamentals", "基礎"), tasks: []),
                                   Domain(id: "d2", number: 2, weight: 50, title: t("Generative AI", "生成 AI"), tasks: []),
                               ])
        let cards = [
            Card(id: "c-new", deckID: "a", taskID: "1.1", domainID: "d1", tags: ["basics"], front: t("What is **ML**?", "**ML** とは?"),
                 back: t("Learning from data <fast>", "データから学ぶ"), refs: [Reference(url: "https://example.com/ml", title: "ML")]),
            Card(id: "c-review", deckID: "a", taskID: "1.1", domainID: "d1", front: t("Overfitting?", "過学習?"), back: t("Memorising noise", "ノイズの暗記")),
            Card(id: "c-learning", deckID: "b", taskID: "2.1", domainID: "d2", front: t("RAG?", "RAG?"), back: t("Retrieval first", "検索してから生成")),
        ]
        let q = Question(id: "q-1", taskID: "2.1", domainID: "d2", kind: .single, stem: t("Which is generative?", "生成モデルはどれ?"),
                         options: [AnswerOption(text: t("A classifier", "分類器"), isCorrect: false, why: t("", "")),
                                   AnswerOption(text: t("An LLM", "LLM"), isCorrect: true, why: t("", ""))],
                         explanation: t("LLMs generate text.", "LLM はテキストを生成します。"))
        return ContentLibrary(blueprint: bp, decks: [Deck(id: "a", title: t("A", "A"), file: "cards/a.yaml"), Deck(id: "b", title: t("B", "B"), file: "cards/b.yaml")],
                              cards: cards, questions: [q], caseStudies: [], presets: [], diagnosisCards: [:])
    }()

    /// c-review: reviewed twice (Good while learning, then Good in review), due in 3 days; c-learning: one Again.
    static func progress() -> ([String: CardProgress], [StoredReview]) {
        let day = 86_400.0
        let r1 = now.addingTimeInterval(-10 * day), r2 = now.addingTimeInterval(-4 * day)
        let learning1 = SchedulingCard(state: .learning, step: 1, stability: 2.3065, difficulty: 2.1181, due: r1.addingTimeInterval(600), lastReview: r1)
        let review = SchedulingCard(state: .review, step: nil, stability: 7.5, difficulty: 2.1, due: r2.addingTimeInterval(7 * day), lastReview: r2)
        let learning2 = SchedulingCard(state: .learning, step: 0, stability: 0.212, difficulty: 6.4133, due: now.addingTimeInterval(60), lastReview: now)
        func log(_ id: Int64, _ card: String, _ at: Date, _ rating: Rating, _ before: SchedulingCard, _ after: SchedulingCard) -> StoredReview {
            StoredReview(id: id, cardID: card, log: ReviewLog(rating: rating, reviewedAt: at, before: before, after: after, retrievability: 0,
                                                             elapsedDays: nil, scheduledSeconds: after.due.timeIntervalSince(at), fuzzed: false),
                         answerMilliseconds: 4200)
        }
        let reviews = [
            log(1, "c-review", r1.addingTimeInterval(-60), .good, .new(due: r1), learning1),
            log(2, "c-review", r2, .good, learning1, review),
            log(3, "c-learning", now, .again, .new(due: now), learning2),
        ]
        return (["c-review": CardProgress(cardID: "c-review", card: review), "c-learning": CardProgress(cardID: "c-learning", card: learning2)], reviews)
    }

    static func export(_ options: AnkiExportOptions) throws -> (URL, AnkiExportSummary) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("aifprep-test-\(UUID().uuidString).apkg")
        let (progress, reviews) = progress()
        let summary = try AnkiPackage.write(library: library, progress: progress, reviews: reviews, options: options,
                                            to: url, now: now, clock: clock)
        return (url, summary)
    }

    @Test func summaryCountsNotesCardsAndReviews() throws {
        let (url, summary) = try Self.export(AnkiExportOptions(language: .en, withProgress: true))
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(summary == AnkiExportSummary(notes: 4, cards: 4, decks: 2, reviews: 3))
        let (url2, plain) = try Self.export(AnkiExportOptions(language: .en, withProgress: false, includeQuestions: false))
        defer { try? FileManager.default.removeItem(at: url2) }
        #expect(plain == AnkiExportSummary(notes: 3, cards: 3, decks: 2, reviews: 0))
    }

    /// The real Anki library imports the package twice: the first adds every note, the second adds nothing.
    /// What it saw is compared with `Fixtures/check_apkg.expected.json` (written by the same script).
    @Test(.enabled(if: ankiAvailable, "needs python3 with the anki package (make test installs it)"))
    func theRealAnkiLibraryImportsIt() throws {
        let (url, _) = try Self.export(AnkiExportOptions(language: .both, withProgress: true))
        defer { try? FileManager.default.removeItem(at: url) }
        let result = run(["python3", Self.fixtures.appendingPathComponent("check_apkg.py").path, url.path])
        try #require(result.status == 0, "\(result.err)")
        let seen = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as! [String: Any]
        let imports = seen["imports"] as! [[String: Int]]
        #expect(imports[0]["new"] == 4 && imports[0]["notes"] == 4 && imports[0]["cards"] == 4)
        #expect(imports[1]["new"] == 0 && imports[1]["notes"] == 4, "a second import adds nothing")
        let notes = seen["notes"] as! [String: [String: Any]]
        let review = try #require(notes["aifprep-card:c-review"])
        #expect(review["due_in_days"] as? Int == 3)
        #expect((review["memory"] as? [String: Double])?["s"] == 7.5)
        let expectedURL = Self.fixtures.appendingPathComponent("check_apkg.expected.json")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] != nil {
            try result.out.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        // The script prints with sorted keys, so equal views print the same text.
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(expected == result.out, "Anki's view differs from \(expectedURL.lastPathComponent):\n\(result.out)")
    }
}

@Suite struct AnkiSuspendedTests {
    /// A card suspended in aifprep is suspended in Anki (queue -1), new or reviewed.
    @Test func suspendedCardsAreSuspendedInAnki() {
        let now = Date(timeIntervalSince1970: 1_750_000_000)
        let clock = StudyClock(timeZone: TimeZone(identifier: "UTC")!)
        let today = StudyDay.date(containing: now, timeZone: clock.timeZone, dayStartHour: 4)
        let review = SchedulingCard(state: .review, step: nil, stability: 10, difficulty: 5, due: now.addingTimeInterval(5 * 86_400),
                                    lastReview: now.addingTimeInterval(-5 * 86_400))
        func queue(_ p: CardProgress?) -> Int { AnkiScheduling(progress: p, reviews: [], position: 1, crt: 0, today: today, clock: clock).queue }
        #expect(queue(CardProgress(cardID: "a", card: review)) == 2)
        #expect(queue(CardProgress(cardID: "a", card: review, suspended: true)) == -1)
        #expect(queue(CardProgress(cardID: "a", card: .new(due: now), suspended: true)) == -1)
        #expect(queue(nil) == 0)
    }
}
