import AIFCore
import Foundation
import GoldenTesting
import Testing
import TerminalUI
@testable import Screens

/// Issue 12: what a new learner tripped over — help overlays built from the bindings, the footer and
/// truncation at small sizes, practice, the case-study panel, references, history, the sandbox link.
@Suite("Issue 12: learner polish")
struct Issue12ScreenTests {
    typealias F = QuizScreenFixtures
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60), Size(width: 60, height: 18)]

    /// Every key named in the overlay is named once: a screen's own q/Esc or L replaces the global one.
    static func expectNoDuplicateKeys(_ app: AppModel, _ label: String) {
        guard let top = app.stack.last else { return }
        var seen: [String: String] = [:]
        for e in app.helpEntries(top) {
            for k in e.keyTokens {
                if let first = seen[k] { Issue.record("\(label): \(k) listed twice (\(first) / \(e.action))") }
                seen[k] = e.action
            }
        }
    }

    @Test(arguments: [Language.en, .ja]) func quizHelpListsEachKeyOnceAndEnterChecksInPractice(_ lang: Language) throws {
        let d = QuizDriver(language: lang)
        try d.startRun([F.single, F.caseQuestion], mode: .practice, limit: nil)
        Self.expectNoDuplicateKeys(d.app, "practice")
        let footer = d.render().lines().last!
        #expect(footer.contains("Enter " + (lang == .en ? "check" : "答え合わせ")), "the footer says how to check: \(footer)")
        d.send(.char("r"))
        Self.expectNoDuplicateKeys(d.app, "review")
        d.send(.char("q"))
        d.send(.char("?"))
        let overlay = d.render().text
        #expect(overlay.contains(lang == .en ? "pause" : "中断"))
        #expect(!overlay.contains(lang == .en ? "go back" : "前の画面に戻る"), "q Esc is the screen's pause, not listed again as back")
    }

    @Test func everyBindingShownIsTheOneTheUpdateUses() throws {
        let d = QuizDriver()
        try d.startRun([F.single], mode: .practice, limit: nil)
        let run = try #require(d.app.stack.last as? QuizRunScreen)
        let help = run.keyHelp(d.ctx)
        #expect(help == run.questionBindings(d.ctx).help())
        // The overlay text comes from the same entries.
        d.send(.char("?"))
        let text = d.render().text
        for e in help { #expect(text.contains(e.keys), "\(e.keys) in the overlay") }
    }

    @Test func studyCardHelpHasLOnceAndVOnlyAfterTheAnswer() throws {
        var (app, _) = FlashcardsFixture.app()
        app.send(.key(.enter))
        #expect(!app.stack.last!.keyHelp(app.context).contains { $0.keys == "v" }, "v before the answer would give it away")
        app.send(.char("v"))
        #expect(!FlashcardsFixture.render(app).text.contains("sandbox on"), "v does nothing before the answer")
        app.send(.char(" "))
        Self.expectNoDuplicateKeys(app, "study card")
        #expect(app.helpEntries(app.stack.last!).filter { $0.keyTokens.contains("L") }.count == 1)
        #expect(app.stack.last!.keyHelp(app.context).contains { $0.keys == "v" })
        let footer = FlashcardsFixture.render(app).lines().last!
        #expect(footer.contains("? help") && footer.contains("q "), "q and ? stay in the footer at 80×24: \(footer)")
    }

    @Test func footerDropsTheLeastImportantFirstButNeverHelp() {
        let items = [KeyHelp("1-9 Space", "answer", footer: true, priority: 80), KeyHelp("f", "flag", footer: true, priority: 30),
                     KeyHelp("L", "日本語", priority: 10), KeyHelp("?", "help", priority: Int.max), KeyHelp("q", "back", priority: 90)]
        let kept = AppModel.fitFooter(items, width: 40).map(\.keys)
        #expect(kept == ["1-9 Space", "?", "q"])
        #expect(AppModel.fitFooter(items, width: 5).map(\.keys) == ["?"])
    }

    @Test(arguments: [Language.en, .ja]) func footerKeepsHelpAtEverySize(_ lang: Language) throws {
        for size in Self.sizes {
            let d = QuizDriver(language: lang, size: size)
            try d.startRun([F.caseQuestion, F.single], mode: .practice, limit: nil)
            let footer = d.render().lines().last!
            #expect(footer.contains(lang == .en ? "? help" : "? ヘルプ"), "\(size): \(footer)")
        }
    }

    @Test func cutTextEndsInAnEllipsis() {
        var buf = Buffer(size: Size(width: 10, height: 1))
        buf.put("Unanswered 12", x: 0, y: 0)
        #expect(buf.lines()[0] == "Unanswere…")
        var fits = Buffer(size: Size(width: 10, height: 1))
        fits.put("back  ", x: 6, y: 0)
        #expect(fits.lines()[0] == "      back", "trailing spaces falling off are not a cut")
        #expect(AppModel.breadcrumb(["Home", "Flashcards", "Study", "Training sandbox"], width: 40) == "aifprep · … › Study › Training sandbox")
        #expect(AppModel.breadcrumb(["Home", "Flashcards", "Study", "Training sandbox"], width: 32) == "aifprep · … › Training sandbox")
        #expect(AppModel.breadcrumb(["Home", "Training sandbox"], width: 20).hasSuffix("…"))
    }

    @Test func practiceOffersSmallCountsAndRemembersTheChoice() throws {
        let d = QuizDriver()
        d.send(.char("p"))
        var setup = try #require(d.app.stack.last as? QuizPracticeSetupScreen)
        #expect(Array(QuizPracticeSetupScreen.counts.prefix(4)) == [1, 3, 5, 10])
        for _ in 0..<10 { d.send(.key(.left)) }
        setup = try #require(d.app.stack.last as? QuizPracticeSetupScreen)
        #expect(setup.count == 1)
        d.send(.key(.right))
        d.send(.char(" "))   // first row: domain 1 off
        d.send(.char("s"))
        let saved = try #require(d.ctx.settings.practice)
        #expect(saved.count == 3 && !saved.tasks.contains("1.1") && saved.tasks.contains("3.1"))
        let again = QuizPracticeSetupScreen(services: d.services, remembered: saved)
        #expect(again.count == 3 && again.tasks == ["3.1"])
    }

    @Test func practiceSetupShowsTheFullTaskNameOfACutRow() throws {
        let d = QuizDriver(size: Size(width: 60, height: 18))
        d.send(.char("p"))
        d.send(.key(.down))
        var setup = try #require(d.app.stack.last as? QuizPracticeSetupScreen)
        let long = "Explain basic AI concepts and terms such as deep learning, neural networks and computer vision"
        let base = F.library
        let lib = ContentLibrary(blueprint: { var b = base.blueprint; b.domains[0].tasks[0].title = LocalizedText(en: long, ja: long); return b }(),
                                 decks: [], cards: [], questions: base.questions, caseStudies: base.caseStudies, presets: [], diagnosisCards: [:])
        setup = QuizPracticeSetupScreen(services: QuizServices(library: lib, store: d.store))
        setup.selected = 1
        var buf = Buffer(size: Size(width: 60, height: 18))
        setup.view(into: &buf, area: Rect(x: 0, y: 1, width: 60, height: 16), d.ctx, theme: .standard)
        let text = buf.lines().joined(separator: " ").replacingOccurrences(of: "  ", with: " ")
        #expect(buf.text.contains("…"), "the cut row ends in …")
        #expect(text.contains("neural networks"), "the detail line has the rest")
    }

    @Test func caseStudyPanelShowsItCanScroll() throws {
        let longText = Array(repeating: "The insurer updates 300 policy documents every month and must answer in Japanese.", count: 12).joined(separator: " ")
        let lib = ContentLibrary(blueprint: F.blueprint, decks: [], cards: [], questions: [F.caseQuestion],
                                 caseStudies: [CaseStudy(id: "cs-insurer", title: F.caseStudy.title, scenario: LocalizedText(en: longText, ja: longText))],
                                 presets: [], diagnosisCards: [:])
        let d = QuizDriver()
        let session = try QuizSession.start(mode: .practice, questions: [F.caseQuestion], library: lib, seed: 1, timeLimit: nil, shuffle: false, now: d.clock)
        d.app = AppModel(root: QuizRunScreen(session: session, services: QuizServices(library: lib, store: d.store)), context: d.ctx)
        _ = d.app.send(.resize(d.size))
        var text = d.render().text
        #expect(text.contains("[ ] scroll"), "the panel names its keys")
        #expect(text.contains("↓"))
        #expect(d.render().lines().last!.contains("[ ]"), "and so does the footer")
        d.send(.char("]"))
        text = d.render().text
        #expect(text.contains("↑"))
    }

    @Test(arguments: [Language.en, .ja]) func referenceURLsStayOnOneLine(_ lang: Language) throws {
        for size in Self.sizes {
            let d = QuizDriver(language: lang, size: size)
            try d.startRun([F.single], mode: .practice, limit: nil)
            d.send(.char("1"), .key(.enter))
            for _ in 0..<5 { d.send(.key(.pageDown)) }
            let url = F.single.refs[0].url
            let lines = d.render().lines()
            let shown = lines.first { $0.contains("https://") }
            guard let shown else { continue }   // scrolled past at the smallest size
            let fits = size.width > DisplayWidth.of(url) + 4
            if fits { #expect(shown.contains(url), "\(size)") } else { #expect(shown.contains("…"), "\(size): cut, not wrapped") }
            #expect(!lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("underfitting-vs-overfitting") }, "not wrapped")
        }
        #expect(ReferenceLines.url("https://example.com/a/long/path", width: 12) == "https://exa…")
    }

    @Test func historyHasOneLinePerModeAndALabelledPassMark() throws {
        let e1 = QuizHistoryEntry(id: "a", mode: .practice, finishedAt: F.t0, scaledScore: 900, correct: 5, total: 5, passed: true, timeUsed: 60)
        let e2 = QuizHistoryEntry(id: "b", mode: .exam, finishedAt: F.t0, scaledScore: 650, correct: 40, total: 65, passed: false, timeUsed: 60)
        let series = QuizHistoryScreen.trendSeries([e1, e2, e1], theme: .standard)
        #expect(series.map(\.mode) == [.exam, .practice])
        #expect(series[1].series.points.map(\.x) == [1, 3])
    }

    @Test func practiceQuestionAboutTrainingOffersTheSandboxAfterTheAnswer() throws {
        let card = Card(id: "hp-overfitting", deckID: "hyper", taskID: "1.1", domainID: "d1", tags: ["overfitting"], sandboxPresetID: "too-many-epochs",
                        front: LocalizedText(en: "What is overfitting?", ja: "過学習とは何ですか？"), back: LocalizedText(en: "b", ja: "b"))
        let preset = SandboxPreset(id: "too-many-epochs", title: LocalizedText(en: "Too many epochs", ja: "エポックが多すぎる"),
                                   description: LocalizedText(en: "d", ja: "d"), expect: "overfitting")
        var q = F.single
        q.tags = ["overfitting"]
        let lib = ContentLibrary(blueprint: F.blueprint, decks: [], cards: [card], questions: [q], caseStudies: [], presets: [preset], diagnosisCards: [:])
        let d = QuizDriver()
        var opened: String?
        let services = QuizServices(library: lib, store: d.store, openSandbox: { id in opened = id; return FlashcardsFixture.Placeholder(preset: id) })
        let session = try QuizSession.start(mode: .practice, questions: [q], library: lib, seed: 1, timeLimit: nil, shuffle: false, now: d.clock)
        d.app = AppModel(root: QuizRunScreen(session: session, services: services), context: d.ctx)
        _ = d.app.send(.resize(d.size))
        d.send(.char("1"))
        d.send(.char("v"))
        #expect(opened == nil, "not before the answer is shown")
        d.send(.key(.enter))
        for _ in 0..<3 { d.send(.key(.pageDown)) }
        let text = d.render().text
        #expect(text.contains("Study card: What is overfitting?"))
        #expect(text.contains("see it live in the sandbox: Too many epochs"))
        d.send(.char("v"))
        #expect(opened == "too-many-epochs")
    }

    @Test func everyScreenAtEverySizeInBothLanguagesHasNoDuplicateHelpKeys() throws {
        for lang in [Language.en, .ja] {
            for size in Self.sizes {
                let d = QuizDriver(language: lang, size: size)
                Self.expectNoDuplicateKeys(d.app, "quiz menu")
                d.send(.char("p"))
                Self.expectNoDuplicateKeys(d.app, "practice setup")
                _ = d.render()
                d.send(.char("q"), .char("h"))
                Self.expectNoDuplicateKeys(d.app, "history")
                _ = d.render()
            }
        }
    }
}
