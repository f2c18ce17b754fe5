import AIFCore
import Foundation
import GoldenTesting
import SpacedRepetition
import Testing
import TerminalUI
@testable import Screens


/// Two decks, one card linked to a sandbox preset.
enum FlashcardsFixture {
    static let start = Date(timeIntervalSince1970: 1_749_981_600) // 2025-06-15 10:00 UTC

    static var library: ContentLibrary {
        let domain = Domain(id: "1", number: 1, weight: 20, title: LocalizedText(en: "Fundamentals of AI and ML", ja: "AI と ML の基礎"),
                            tasks: [TaskStatement(id: "1.1", domainID: "1", title: LocalizedText(en: "Concepts", ja: "概念"))])
        let blueprint = ExamBlueprint(code: "AIF-C01", title: LocalizedText(en: "AI Practitioner", ja: "AI Practitioner"),
                                      questions: 65, scored: 50, minutes: 90, extraMinutes: 30, passingScore: 700,
                                      minScore: 100, maxScore: 1000, domains: [domain])
        let decks = [Deck(id: "hyper", title: LocalizedText(en: "Hyperparameters", ja: "ハイパーパラメータ"), file: "cards/hyper.yaml"),
                     Deck(id: "basics", title: LocalizedText(en: "Basics", ja: "基本"), file: "cards/basics.yaml")]
        let cards = [
            Card(id: "lr", deckID: "hyper", taskID: "1.1", domainID: "1", tags: ["training"], sandboxPresetID: "too-high-lr",
                 front: LocalizedText(en: "What happens when the learning rate is too high?", ja: "学習率が高すぎると何が起きますか？"),
                 back: LocalizedText(en: "Training becomes unstable: the loss jumps around or diverges.", ja: "学習が不安定になり、損失が跳ねたり発散したりします。")),
            Card(id: "epoch", deckID: "hyper", taskID: "1.1", domainID: "1", tags: ["training"],
                 front: LocalizedText(en: "What is an epoch?", ja: "エポックとは何ですか？"),
                 back: LocalizedText(en: "One full pass over the training data.", ja: "学習データ全体を 1 回通すことです。")),
            Card(id: "label", deckID: "basics", taskID: "1.1", domainID: "1",
                 front: LocalizedText(en: "What is a label?", ja: "ラベルとは何ですか？"),
                 back: LocalizedText(en: "The answer a supervised model learns to predict.", ja: "教師あり学習でモデルが予測を学ぶ正解です。")),
        ]
        return ContentLibrary(blueprint: blueprint, decks: decks, cards: cards, questions: [], caseStudies: [],
                              presets: [], diagnosisCards: [:])
    }

    final class Clock { var now = start }

    struct Placeholder: Screen {
        var preset: String
        func title(_ ctx: AppContext) -> String { "Sandbox \(preset)" }
        mutating func update(_ event: Event, _ ctx: AppContext) -> Transition { event == .char("q") ? .pop : .none }
        func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
            buf.put("sandbox on \(preset)", x: area.x, y: area.y)
        }
        func keyHelp(_ ctx: AppContext) -> [KeyHelp] { [] }
    }

    static func app(language: Language = .en, store: InMemoryProgressStore = InMemoryProgressStore(), clock: Clock = Clock())
        -> (AppModel, InMemoryProgressStore) {
        var settings = AppSettings()
        settings.language = language
        let ctx = AppContext(settings: settings, now: { clock.now })
        let services = FlashcardsServices(library: library, store: store, timeZone: TimeZone(identifier: "UTC")!, seed: 7,
                                          openSandbox: { Placeholder(preset: $0) })
        var app = AppModel(root: FlashcardsScreen(services: services), context: ctx)
        app.send(.resize(Size(width: 80, height: 24)))
        return (app, store)
    }

    static func render(_ app: AppModel) -> Buffer {
        var buf = Buffer(size: Size(width: 80, height: 24))
        app.view(into: &buf, theme: .standard)
        return buf
    }
}

@Suite struct FlashcardsScreenTests {
    typealias F = FlashcardsFixture

    @Test(arguments: [Language.en, .ja]) func studyScreenFrontBackAndSummary(_ lang: Language) throws {
        var (app, store) = F.app(language: lang)
        expectGolden(F.render(app), "flashcards-scopes-\(lang.rawValue)")
        app.send(.key(.enter))
        expectGolden(F.render(app), "flashcards-front-\(lang.rawValue)")
        app.send(.char(" "))
        let back = F.render(app)
        expectGolden(back, "flashcards-back-\(lang.rawValue)")
        // Each rating button shows the interval it would give (FSRS defaults for a new card), in the screen's language.
        if lang == .en {
            #expect(back.text.contains("1m") && back.text.contains("5.5m") && back.text.contains("10m") && back.text.contains("8d"))
        } else {
            #expect(back.text.contains("1分") && back.text.contains("5.5分") && back.text.contains("10分") && back.text.contains("8日"))
        }
        app.send(.char("4"))
        for _ in 0..<2 {
            app.send(.char(" "))
            app.send(.char("4"))
        }
        #expect(store.log.count == 3)
        expectGolden(F.render(app), "flashcards-summary-\(lang.rawValue)")
    }

    @Test func undoBringsBackTheCardAndItsLog() throws {
        var (app, store) = F.app()
        app.send(.key(.enter))
        app.send(.char(" "))
        app.send(.char("3"))
        #expect(store.log.count == 1)
        #expect(F.render(app).text.contains("What is an epoch?"))
        app.send(.char("u"))
        #expect(store.log.isEmpty && store.rows.isEmpty)
        #expect(F.render(app).text.contains("learning rate is too high"))
    }

    @Test func arrowsChooseTheRatingAndEnterConfirms() throws {
        var (app, store) = F.app()
        app.send(.key(.enter))
        app.send(.key(.enter))
        app.send(.key(.left))
        app.send(.key(.left))
        app.send(.key(.enter))
        #expect(store.log.first?.log.rating == .again)
    }

    @Test func sandboxKeyOpensThePresetAndReturnsToTheSameCard() throws {
        var (app, _) = F.app()
        app.send(.key(.enter))
        app.send(.char(" "))
        #expect(F.render(app).text.contains("see it live"))
        app.send(.char("v"))
        #expect(F.render(app).text.contains("sandbox on too-high-lr"))
        app.send(.char("q"))
        let text = F.render(app).text
        #expect(text.contains("learning rate is too high") && text.contains("unstable"))
    }

    @Test func skipMovesToTheNextCardAndAFailedSaveKeepsTheCard() throws {
        var (app, store) = F.app()
        app.send(.key(.enter))
        // Skipping asks first: n keeps the card, y skips it.
        app.send(.char("s"))
        #expect(F.render(app).text.contains("Skip this card until tomorrow?"))
        app.send(.char("n"))
        #expect(store.rows["lr"] == nil)
        #expect(F.render(app).text.contains("learning rate is too high"))
        app.send(.char("s"))
        app.send(.char("y"))
        #expect(store.rows["lr"]?.buriedUntil != nil)
        #expect(F.render(app).text.contains("What is an epoch?"))
        store.failWrites = CocoaError(.fileWriteOutOfSpace)
        app.send(.char(" "))
        app.send(.char("3"))
        let text = F.render(app).text
        #expect(text.contains("What is an epoch?"))
        #expect(text.contains("Not saved"))
    }

    @Test(arguments: [Language.en, .ja]) func browseListsStateAndSearches(_ lang: Language) throws {
        var (app, _) = F.app(language: lang)
        app.send(.key(.enter))
        app.send(.char(" "))
        app.send(.char("4"))
        app.send(.char("q"))   // summary
        app.send(.key(.enter)) // back to scopes
        app.send(.char("b"))
        expectGolden(F.render(app), "flashcards-browse-\(lang.rawValue)")
        app.send(.char("/"))
        for c in "epoch" { app.send(.char(c)) }
        app.send(.key(.enter))
        let text = F.render(app).text
        #expect(text.contains("epoch") && !text.contains("label "))
    }
}

@Suite struct FlashcardsQuizStudyTests {
    @Test func missedQuizQuestionsAppearAsADeckAndCanBeStudied() throws {
        let base = FlashcardsFixture.library
        let question = Question(
            id: "d1-042", taskID: "1.1", domainID: "1", kind: .single,
            stem: LocalizedText(en: "Which metric counts missed fraud?", ja: "見逃した不正を数える指標はどれですか?"),
            options: [AnswerOption(text: LocalizedText(en: "Recall", ja: "再現率"), isCorrect: true, why: LocalizedText(en: "Recall is TP / (TP + FN).", ja: "再現率は TP / (TP + FN) です。")),
                      AnswerOption(text: LocalizedText(en: "Precision", ja: "適合率"), isCorrect: false, why: LocalizedText(en: "Precision ignores false negatives.", ja: "適合率は偽陰性を見ません。"))],
            explanation: LocalizedText(en: "Missed fraud are false negatives.", ja: "見逃しは偽陰性です。"),
            refs: [Reference(url: "https://docs.aws.amazon.com/machine-learning/latest/dg/binary-model-insights.html")])
        let library = ContentLibrary(blueprint: base.blueprint, decks: base.decks, cards: base.cards, questions: [question],
                                     caseStudies: [], presets: [], diagnosisCards: [:])
        var ids: [String] = []
        let services = FlashcardsServices(library: library, store: InMemoryProgressStore(), timeZone: TimeZone(identifier: "UTC")!,
                                          seed: 7, quizStudyQuestionIDs: { ids })
        let ctx = AppContext(settings: AppSettings(), now: { FlashcardsFixture.start })
        var before = AppModel(root: FlashcardsScreen(services: services), context: ctx)
        before.send(.resize(Size(width: 80, height: 24)))
        #expect(!((before.stack.last as? FlashcardsScreen)?.scopes.contains(.deck(QuizStudyCards.deckID)) ?? true))
        ids = ["d1-042"]   // added from the quiz results after Flashcards was first opened
        var app = AppModel(root: FlashcardsScreen(services: services), context: ctx)
        app.send(.resize(Size(width: 80, height: 24)))
        #expect((app.stack.last as? FlashcardsScreen)?.scopes.prefix(2) == [.all, .deck(QuizStudyCards.deckID)])
        #expect(FlashcardsFixture.render(app).text.contains("Missed quiz questions"))
        app.send(.key(.down))
        app.send(.key(.enter))
        #expect(FlashcardsFixture.render(app).text.contains("Which metric counts missed fraud?"))
        app.send(.char(" "))
        #expect(FlashcardsFixture.render(app).text.contains("Answer: 1. Recall"))
    }
}

@Suite struct FlashcardsFinishedTests {
    typealias F = FlashcardsFixture

    /// The hub before its read comes back says so; a failing store says why, in both languages.
    @Test func theHubShowsLoadingThenAFailingStoreClearly() throws {
        var screen = FlashcardsScreen(services: FlashcardsServices(library: F.library, store: InMemoryProgressStore()))
        let ctx = AppContext(settings: AppSettings(), now: { F.start })
        var buf = Buffer(size: Size(width: 80, height: 22))
        screen.view(into: &buf, area: buf.area, ctx, theme: .standard)
        #expect(buf.text.contains("Reading your progress…"))
        #expect(screen.update(.key(.enter), ctx).isNone)
        let failed = JobMessage(slot: JobSlot(key: "load"), jobID: 1, sequence: 1, isFinal: true,
                                payload: HubLoaded(result: .failure(CocoaError(.fileReadNoPermission))))
        _ = screen.update(.message(failed), ctx)
        buf = Buffer(size: Size(width: 80, height: 22))
        screen.view(into: &buf, area: buf.area, ctx, theme: .standard)
        #expect(buf.text.contains("Could not read your progress"))
    }

    /// Enter pressed before the read has landed is not lost: the session starts when it lands.
    @Test func enterBeforeTheReadStartsTheSessionWhenItLands() throws {
        let services = FlashcardsServices(library: F.library, store: InMemoryProgressStore(), timeZone: TimeZone(identifier: "UTC")!)
        var screen = FlashcardsScreen(services: services)
        let ctx = AppContext(settings: AppSettings(), now: { F.start })
        #expect(screen.update(.key(.enter), ctx).isNone)
        let loaded = JobMessage(slot: JobSlot(key: "load"), jobID: 1, sequence: 1, isFinal: true,
                                payload: HubLoaded(result: .success((services, ProgressSnapshot(readAt: F.start)))))
        guard case .push(let next) = screen.update(.message(loaded), ctx) else { Issue.record("no session"); return }
        #expect((next as? StudyScreen)?.session.currentCard?.id == "lr")
    }

    /// Each deck row shows its size and progress; the daily new limit is said once, at the bottom.
    @Test func deckRowsShowSizeAndProgress() throws {
        let store = InMemoryProgressStore()
        let now = F.start
        try store.save(CardProgress(cardID: "lr", card: SchedulingCard(state: .review, step: nil, stability: 30, difficulty: 5,
                                                                      due: now.addingTimeInterval(20 * 86_400), lastReview: now.addingTimeInterval(-10 * 86_400))))
        try store.save(CardProgress(cardID: "epoch", card: SchedulingCard(state: .review, step: nil, stability: 3, difficulty: 5,
                                                                         due: now.addingTimeInterval(3600), lastReview: now.addingTimeInterval(-3 * 86_400))))
        let (app, _) = F.app(store: store)
        let text = F.render(app).text
        #expect(text.contains("2 cards · 2 studied · 1 mature"))   // Hyperparameters
        #expect(text.contains("3 cards · 2 studied · 1 mature"))   // All cards
        #expect(text.contains("1 card · 0 studied · 0 mature"))     // Basics
        #expect(text.components(separatedBy: "20 new").count == 2)  // once, not on every row
        #expect(text.contains("limits 20 new"))
    }

    /// Enter on a browser row opens the whole card rendered (no ** markup); s suspends it, and a suspended
    /// card is left out of study until unsuspended.
    @Test(arguments: [Language.en, .ja]) func browserOpensTheCardAndSuspends(_ lang: Language) throws {
        var (app, store) = F.app(language: lang)
        app.send(.char("b"))
        app.send(.key(.enter))
        expectGolden(F.render(app), "flashcards-card-detail-\(lang.rawValue)")
        app.send(.char("s"))
        #expect(store.rows["lr"]?.suspended == true)
        #expect(F.render(app).text.contains(lang == .en ? "SUSPENDED" : "停止中"))
        app.send(.char("q"))   // back to the list, read again
        #expect(F.render(app).text.contains(lang == .en ? "suspended" : "停止中"))
        app.send(.char("q"))
        app.send(.key(.enter))  // study all: the suspended card is not shown
        #expect(!F.render(app).text.contains(lang == .en ? "learning rate is too high" : "学習率が高すぎる"))
        app.send(.char("q"))
        app.send(.char("b"))
        app.send(.key(.enter))
        app.send(.char("s"))   // unsuspend
        #expect(store.rows["lr"]?.suspended == false)
    }

    /// Reset asks first; yes makes the card new and logs the reset, keeping every review.
    @Test func resetAsksAndKeepsTheHistory() throws {
        var (app, store) = F.app()
        app.send(.key(.enter))
        app.send(.char(" "))
        app.send(.char("4"))   // lr: Easy, a review card now
        app.send(.char("q"))
        app.send(.key(.enter))
        app.send(.char("b"))
        app.send(.key(.enter))
        #expect(store.rows["lr"]?.card.state == .review)
        app.send(.char("r"))
        #expect(F.render(app).text.contains("Reset this card to new?"))
        app.send(.char("n"))
        #expect(store.rows["lr"]?.card.state == .review)
        app.send(.char("r"))
        app.send(.char("y"))
        #expect(store.rows["lr"] == nil)
        #expect(store.log.count == 1)
        #expect(store.resetLog.map(\.cardID) == ["lr"])
        #expect(store.resetLog.first?.previous?.card.state == .review)
        #expect(F.render(app).text.contains("history is kept"))
    }

    /// b buries the card until the next study day; b again brings it back.
    @Test func buryFromTheCard() throws {
        var (app, store) = F.app()
        app.send(.char("b"))
        app.send(.key(.enter))
        app.send(.char("b"))
        #expect(store.rows["lr"]?.buriedUntil == F.start.addingTimeInterval(18 * 3600))  // 04:00 the next day
        app.send(.char("b"))
        #expect(store.rows["lr"]?.buriedUntil == nil)
    }

    /// Skipping asks first, in both languages.
    @Test(arguments: [Language.en, .ja]) func skipConfirmation(_ lang: Language) {
        var (app, _) = F.app(language: lang)
        app.send(.key(.enter))
        app.send(.char("s"))
        expectGolden(F.render(app), "flashcards-skip-confirm-\(lang.rawValue)")
    }

    /// Learning cards left at the end say "later today", not "tomorrow".
    @Test(arguments: [Language.en, .ja]) func summarySaysLaterTodayForLearningCards(_ lang: Language) throws {
        var (app, _) = F.app(language: lang)
        app.send(.key(.enter))
        app.send(.char(" "))
        app.send(.char("1"))   // Again: a learning step in a minute
        app.send(.char("q"))
        expectGolden(F.render(app), "flashcards-summary-later-\(lang.rawValue)")
        let text = F.render(app).text
        #expect(text.contains(lang == .en ? "1 card still due" : "あと 1 枚"))
    }

    /// Missed quiz questions beyond today's new-card limit: the hub says how many come today, and n studies them all now.
    @Test func missedQuestionsCanBeStudiedPastTheNewLimit() throws {
        let base = F.library
        let questions = (1...3).map { i in
            Question(id: "q\(i)", taskID: "1.1", domainID: "1", kind: .single, stem: LocalizedText(en: "Question \(i)?", ja: "問題 \(i)?"),
                     options: [AnswerOption(text: LocalizedText(en: "Yes", ja: "はい"), isCorrect: true, why: LocalizedText(en: "", ja: ""))],
                     explanation: LocalizedText(en: "", ja: ""))
        }
        let library = ContentLibrary(blueprint: base.blueprint, decks: base.decks, cards: base.cards, questions: questions,
                                     caseStudies: [], presets: [], diagnosisCards: [:])
        var settings = AppSettings()
        settings.newCardsPerDay = 1
        let ctx = AppContext(settings: settings, now: { F.start })
        let store = InMemoryProgressStore()
        let services = FlashcardsServices(library: library, store: store, timeZone: TimeZone(identifier: "UTC")!, seed: 7,
                                          quizStudyQuestionIDs: { ["q1", "q2", "q3"] })
        var app = AppModel(root: FlashcardsScreen(services: services), context: ctx)
        app.send(.resize(Size(width: 80, height: 24)))
        #expect(F.render(app).text.contains("Missed quiz questions: 3 new, 1 of them today"))
        app.send(.char("n"))
        for _ in 0..<3 {
            app.send(.char(" "))
            app.send(.char("4"))
        }
        #expect(store.log.count == 3)
        #expect(Set(store.log.map(\.cardID)) == Set(["q1", "q2", "q3"].map(QuizStudyCards.cardID(forQuestion:))))
    }
}

extension Transition {
    var isNone: Bool { if case .none = self { true } else { false } }
}
