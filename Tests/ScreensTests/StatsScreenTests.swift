import AIFCore
import Foundation
import GoldenTesting
@testable import Screens
import SpacedRepetition
import StudyStats
import TerminalUI
import Testing

/// A learner 60 days into studying: reviews on most days, three exam simulations, some practice.
enum StatsFixtures {
    static let utc = TimeZone(identifier: "UTC")!
    static let now = ISO8601DateFormatter().date(from: "2025-06-11T10:00:00Z")!  // a Wednesday
    static func t(_ en: String, _ ja: String) -> LocalizedText { LocalizedText(en: en, ja: ja) }

    static let library: ContentLibrary = {
        let bp = ExamBlueprint(code: "AIF-C01", title: t("AI Practitioner", "AI プラクティショナー"), questions: 10, scored: 10, minutes: 10,
                               extraMinutes: 0, passingScore: 700, minScore: 100, maxScore: 1000, domains: [
            Domain(id: "d1", number: 1, weight: 60, title: t("Fundamentals of AI and ML", "AI と ML の基礎"),
                   tasks: [TaskStatement(id: "1.1", domainID: "d1", title: t("Concepts", "概念")),
                           TaskStatement(id: "1.2", domainID: "d1", title: t("Use cases", "ユースケース"))]),
            Domain(id: "d2", number: 2, weight: 40, title: t("Fundamentals of generative AI", "生成 AI の基礎"),
                   tasks: [TaskStatement(id: "2.1", domainID: "d2", title: t("Concepts", "概念"))]),
        ])
        let cards = (1...8).map { Card(id: "a\($0)", deckID: "a", taskID: "1.1", domainID: "d1", front: t("A\($0)", "A\($0)"), back: t("", "")) }
            + (1...4).map { Card(id: "b\($0)", deckID: "b", taskID: "2.1", domainID: "d2", front: t("B\($0)", "B\($0)"), back: t("", "")) }
        let questions = (1...6).map { i in
            Question(id: "q\(i)", taskID: i <= 2 ? "1.1" : i <= 4 ? "1.2" : "2.1", domainID: i <= 4 ? "d1" : "d2", kind: .single,
                     stem: t("Q\(i)", "Q\(i)"), options: [AnswerOption(text: t("a", "a"), isCorrect: true, why: t("", ""))], explanation: t("", ""))
        }
        return ContentLibrary(blueprint: bp, decks: [Deck(id: "a", title: t("Fundamentals", "基礎"), file: "cards/a.yaml"),
                                                     Deck(id: "b", title: t("Generative AI", "生成 AI"), file: "cards/b.yaml")],
                              cards: cards, questions: questions, caseStudies: [], presets: [], diagnosisCards: [:])
    }()

    static func input() -> StatsInput {
        let day = 86_400.0
        var reviews: [StoredReview] = []
        var id: Int64 = 1
        // Reviews on days 60…1 ago, skipping every seventh day; more on recent days; none today yet.
        for back in 1...60 where back % 7 != 3 {
            for k in 0..<(1 + (60 - back) / 10) {
                let at = now.addingTimeInterval(-Double(back) * day + Double(k) * 60)
                let before = SchedulingCard(state: .review, step: nil, stability: 10, difficulty: 5, due: at,
                                            lastReview: at.addingTimeInterval(-(k % 2 == 0 ? 5 : 25) * day))
                let rating: Rating = k % 5 == 4 ? .again : .good
                reviews.append(StoredReview(id: id, cardID: "a\(k % 8 + 1)", log: ReviewLog(
                    rating: rating, reviewedAt: at, before: before, after: before, retrievability: 0.9, elapsedDays: 5,
                    scheduledSeconds: 0, fuzzed: false), answerMilliseconds: 8000))
                id += 1
            }
        }
        var progress: [String: CardProgress] = [:]
        for (i, c) in library.cards.prefix(9).enumerated() {
            let last = now.addingTimeInterval(-Double(i + 1) * day)
            progress[c.id] = CardProgress(cardID: c.id, card: SchedulingCard(
                state: .review, step: nil, stability: Double(3 + i * 4), difficulty: 5,
                due: last.addingTimeInterval(Double(2 + i * 4) * day), lastReview: last))
        }
        let attempts = [
            QuizHistoryEntry(id: "e1", mode: .exam, finishedAt: now.addingTimeInterval(-20 * day), scaledScore: 610, correct: 6, total: 10, passed: false, timeUsed: 600),
            QuizHistoryEntry(id: "p1", mode: .practice, finishedAt: now.addingTimeInterval(-15 * day), scaledScore: 800, correct: 8, total: 10, passed: true, timeUsed: 300),
            QuizHistoryEntry(id: "e2", mode: .exam, finishedAt: now.addingTimeInterval(-10 * day), scaledScore: 690, correct: 7, total: 10, passed: false, timeUsed: 600),
            QuizHistoryEntry(id: "e3", mode: .exam, finishedAt: now.addingTimeInterval(-2 * day), scaledScore: 742, correct: 8, total: 10, passed: true, timeUsed: 600),
            QuizHistoryEntry(id: "q1", mode: .quick, finishedAt: now.addingTimeInterval(-1 * day), scaledScore: 900, correct: 9, total: 10, passed: true, timeUsed: 200),
        ]
        var answers: [AnswerRecord] = []
        for back in 0..<30 {
            for q in 1...6 {
                answers.append(AnswerRecord(questionID: "q\(q)", correct: (back + q) % (q <= 4 ? 4 : 3) != 0,
                                            answeredAt: now.addingTimeInterval(-Double(back) * day - 3600), attemptID: "x"))
            }
        }
        return StatsInput(reviews: reviews, progress: progress, attempts: attempts, answers: answers)
    }

    static func services(_ input: StatsInput = input()) -> StatsServices {
        StatsServices(library: library, timeZone: utc, load: { input })
    }

    static func context(_ lang: Language) -> AppContext {
        var settings = AppSettings()
        settings.language = lang
        return AppContext(settings: settings, now: { now })
    }

    static func render(_ app: AppModel, theme: Theme = .standard) -> Buffer {
        var buf = Buffer(size: Size(width: 80, height: 24))
        app.view(into: &buf, theme: theme)
        return buf
    }
}

@Suite("Stats screen")
struct StatsScreenTests {
    typealias F = StatsFixtures

    func app(_ lang: Language, _ input: StatsInput = F.input()) -> AppModel {
        let ctx = F.context(lang)
        var app = AppModel(root: StatsScreen(services: F.services(input)), context: ctx)
        app.send(.resize(Size(width: 80, height: 24)))
        return app
    }

    @Test func overviewDaysAndCardsPagesInBothLanguages() {
        for lang in [Language.en, .ja] {
            var a = app(lang)
            expectGolden(F.render(a), "stats-overview-\(lang.rawValue)")
            a.send(.key(.tab))
            expectGolden(F.render(a), "stats-days-\(lang.rawValue)")
            a.send(.key(.tab))
            expectGolden(F.render(a), "stats-cards-quizzes-\(lang.rawValue)")
            a.send(.key(.tab))
            #expect((a.stack.last as? StatsScreen)?.page == .overview)
        }
    }

    /// Day by day: yesterday's reviews and minutes are on their own row.
    @Test func daysPageListsReviewsAndTimePerDay() throws {
        var a = app(.en)
        a.send(.key(.tab))
        let input = F.input()
        let clock = StudyClock(timeZone: F.utc)
        let yesterday = StudyDay.date(containing: F.now.addingTimeInterval(-86_400), timeZone: F.utc, dayStartHour: clock.dayStartHour)
        let theirs = input.reviews.filter { StudyDay.date(containing: $0.log.reviewedAt, timeZone: F.utc, dayStartHour: 4) == yesterday }
        let minutes = Double(theirs.reduce(0) { $0 + $1.answerMilliseconds }) / 60_000
        let row = F.render(a).lines().first { $0.contains(String(format: "%02d-%02d", yesterday.month, yesterday.day)) }
        #expect(row?.contains(String(format: "%7d   %7.1f", theirs.count, minutes)) == true, "\(row ?? "no row")")
    }

    /// Before the job's answer the screen says it is reading; a failing store says why.
    @Test func loadingThenAFailingStore() {
        struct Broken: Error, CustomStringConvertible { var description: String { "the disk is gone" } }
        let ctx = F.context(.en)
        let screen = StatsScreen(services: StatsServices(library: F.library, timeZone: F.utc, load: { throw Broken() }))
        var buf = Buffer(size: Size(width: 80, height: 22))
        screen.view(into: &buf, area: buf.area, ctx, theme: .standard)
        #expect(buf.text.contains("Reading your progress…"))
        var app = AppModel(root: screen, context: ctx)
        app.send(.resize(Size(width: 80, height: 24)))
        #expect(F.render(app).text.contains("Could not read your progress: the disk is gone"))
    }

    /// x asks for the path and language, runs the export as a job and reports what it wrote.
    @Test func ankiExportFromStats() throws {
        let ctx = F.context(.en)
        var services = F.services()
        nonisolated(unsafe) var asked: [AnkiExportRequest] = []
        services.exportAnki = { request in
            asked.append(request)
            return AnkiExportReport(path: request.url.path, notes: 42, decks: 3, reviews: 0)
        }
        var app = AppModel(root: StatsScreen(services: services), context: ctx)
        app.send(.resize(Size(width: 80, height: 24)))
        app.send(.char("x"))
        #expect(F.render(app).text.contains("Anki package: ~/aifprep.apkg"))
        for _ in 0..<"aifprep.apkg".count { app.send(.key(.backspace)) }
        for c in "cards.apkg" { app.send(.char(c)) }
        app.send(.key(.tab))   // en → ja
        app.send(.key(.tab))   // → both
        app.send(.key(.enter))
        #expect(asked.count == 1)
        #expect(asked.first?.language == .both && asked.first?.withProgress == false)
        #expect(asked.first?.url.lastPathComponent == "cards.apkg")
        #expect(ctx.status?.contains("42 notes in 3 decks") == true, "\(ctx.status ?? "")")
    }

    @Test func heatmapMarksTodayAndShowsTheFigures() {
        let text = F.render(app(.en)).text
        #expect(text.contains("▲ today"))
        #expect(text.contains("current 2 days"), "yesterday's reviews keep the streak alive")
        #expect(text.contains("pass at 700"), "\(text)")
        // An empty store still draws, with the starting-guess wording.
        let empty = F.render(app(.en, StatsInput())).text
        #expect(empty.contains("only a starting guess"))
        #expect(empty.contains("current 0 days"))
    }

    @Test func asciiThemeHasNoUnicodeBlocks() {
        var a = app(.en)
        let overview = F.render(a, theme: .ascii).text
        #expect(overview.contains("^ today"))
        #expect(!overview.contains("░") && !overview.contains("█"))
        a.send(.key(.tab))
        #expect(!F.render(a, theme: .ascii).text.contains("█"), "the days' bars")
        a.send(.key(.tab))
        expectGolden(F.render(a, theme: .ascii), "stats-cards-quizzes-ascii")
    }

    @Test func homeShowsTheFiguresAtAGlance() {
        for lang in [Language.en, .ja] {
            let ctx = F.context(lang)
            ctx.settings.examDate = "2025-06-23"
            let services = F.services()
            let entries = [HomeEntry(shortcut: "P", title: ("Progress & stats", "進捗と統計"), summary: ("Your progress.", "進捗。"),
                                     open: { _ in StatsScreen(services: services) })]
            let home = HomeScreen(entries: entries, dashboard: { ctx in
                guard let (s, r) = try? services.compute(ctx) else { return nil }
                return HomeDashboard(dueToday: 3, newLeft: 17, readiness: r, weakestDomain: "2 " + F.library.blueprint.domains[1].title(ctx.language),
                                     lastExam: s.lastExam, daysToExam: 12, plan: try? services.plan(ctx))
            })
            var app = AppModel(root: home, context: ctx)
            app.send(.resize(Size(width: 80, height: 24)))
            expectGolden(F.render(app), "home-dashboard-\(lang.rawValue)")
            app.send(.key(.enter))
            #expect(app.stack.last is StatsScreen)
        }
    }
}

@Suite("Stats screen: practice the weakest")
struct StatsPracticeTests {
    typealias F = StatsFixtures

    @Test func pStartsPracticeOnTheThreeWeakestTasks() throws {
        let ctx = F.context(.en)
        let store = InMemoryQuizAttemptStore()
        var services = F.services()
        services.quiz = QuizServices(library: F.library, store: store, makeSeed: { 7 })
        let weakest = try services.compute(ctx).1.weakestTasks.map(\.id)
        var app = AppModel(root: StatsScreen(services: services), context: ctx)
        app.send(.resize(Size(width: 80, height: 24)))
        #expect(F.render(app).text.contains("p practise weakest"))
        app.send(.char("p"))
        #expect(F.render(app).text.contains("1 a 10-question quiz"))
        app.send(.char("1"))
        let run = try #require(app.stack.last as? QuizRunScreen)
        #expect(run.session.attempt.mode == .practice)
        let tasks = Set(run.session.attempt.questionIDs.compactMap { F.library.question(id: $0)?.taskID })
        #expect(tasks.isSubset(of: Set(weakest)) && !tasks.isEmpty)
        #expect(try store.unfinishedAttempt()?.id == run.session.attempt.id, "saved before the first answer")

        // With that quiz unfinished, p does not replace it.
        var again = AppModel(root: StatsScreen(services: services), context: ctx)
        again.send(.resize(Size(width: 80, height: 24)))
        again.send(.char("p"))
        again.send(.char("1"))
        #expect(again.stack.last is StatsScreen)
        #expect(ctx.status?.contains("unfinished") == true)
    }
}

@Suite("Stats screen: prompts")
struct StatsPromptGoldenTests {
    typealias F = StatsFixtures

    /// p's choice and x's form, as they show on the bottom line, in both languages.
    @Test(arguments: [Language.en, .ja]) func practiceAndExportPrompts(_ lang: Language) {
        let ctx = F.context(lang)
        var services = F.services()
        services.quiz = QuizServices(library: F.library, store: InMemoryQuizAttemptStore(), makeSeed: { 7 })
        services.flashcards = FlashcardsServices(library: F.library, store: InMemoryProgressStore(), timeZone: F.utc)
        services.exportAnki = { AnkiExportReport(path: $0.url.path, notes: 1, decks: 1, reviews: 0) }
        var app = AppModel(root: StatsScreen(services: services), context: ctx)
        app.send(.resize(Size(width: 80, height: 24)))
        app.send(.char("p"))
        expectGolden(F.render(app), "stats-practice-prompt-\(lang.rawValue)")
        app.send(.key(.escape))
        app.send(.char("x"))
        app.send(.key(.down))
        expectGolden(F.render(app), "stats-export-prompt-\(lang.rawValue)")
    }
}

@Suite("Stats screen: cards on the weakest")
struct StatsCardSessionTests {
    typealias F = StatsFixtures

    /// p then 2: a card session on the three weakest task statements, from a snapshot read by a job.
    @Test func pThenTwoStudiesTheWeakestTasksCards() throws {
        let ctx = F.context(.en)
        let store = InMemoryProgressStore()
        var services = F.services()
        services.flashcards = FlashcardsServices(library: F.library, store: store, timeZone: F.utc, seed: 3)
        let weakest = Set(try services.compute(ctx).1.weakestTasks.map(\.id))
        var app = AppModel(root: StatsScreen(services: services), context: ctx)
        app.send(.resize(Size(width: 80, height: 24)))
        app.send(.char("p"))
        #expect(F.render(app).text.contains("2 their cards"))
        app.send(.char("2"))
        let study = try #require(app.stack.last as? StudyScreen)
        #expect(study.session.scope == .tasks(weakest))
        let card = try #require(study.session.currentCard)
        #expect(weakest.contains(card.taskID))
        app.send(.char(" "))
        app.send(.char("3"))
        #expect(store.log.count == 1)
    }
}

@Suite("Settings: exam date")
struct ExamDateSettingTests {
    @Test func arrowsMoveTheExamDateAndXClearsIt() {
        let ctx = StatsFixtures.context(.en)
        var saved: [String?] = []
        ctx.onSettingsChange = { saved.append($0.examDate); return nil }
        var app = AppModel(root: SettingsScreen(), context: ctx)
        app.send(.resize(Size(width: 80, height: 24)))
        for _ in 0..<6 { app.send(.key(.down)) }
        #expect(StatsFixtures.render(app).text.contains("Exam date"))
        app.send(.key(.right))   // unset → four weeks from today
        let start = ctx.settings.examDate
        #expect(start != nil && saved.last == start)
        app.send(.char("+"))
        app.send(.key(.left))
        let p = AppSettings.parseExamDate(ctx.settings.examDate ?? "")
        let s0 = AppSettings.parseExamDate(start ?? "")
        #expect(p != nil && s0 != nil)
        let d = StudyDate(year: p!.year, month: p!.month, day: p!.day).dayNumber - StudyDate(year: s0!.year, month: s0!.month, day: s0!.day).dayNumber
        #expect(d == 6)
        #expect(StatsFixtures.render(app).text.contains(ctx.settings.examDate!))
        app.send(.char("x"))
        #expect(ctx.settings.examDate == nil && saved.last == .some(nil))
    }
}

@Suite("Card browser: due now")
struct CardBrowserDueNowTests {
    typealias F = StatsFixtures

    @Test func dueNowLeavesOutLearningStepsStillAhead() throws {
        let store = InMemoryProgressStore()
        let now = F.now
        // a1: a learning step due in 9 minutes; a2: a learning step due a minute ago; a3: a review due tonight.
        try store.save(CardProgress(cardID: "a1", card: SchedulingCard(state: .learning, step: 1, stability: 2, difficulty: 5,
                                                                      due: now.addingTimeInterval(9 * 60), lastReview: now.addingTimeInterval(-60))))
        try store.save(CardProgress(cardID: "a2", card: SchedulingCard(state: .learning, step: 1, stability: 2, difficulty: 5,
                                                                      due: now.addingTimeInterval(-60), lastReview: now.addingTimeInterval(-660))))
        try store.save(CardProgress(cardID: "a3", card: SchedulingCard(state: .review, step: nil, stability: 5, difficulty: 5,
                                                                      due: now.addingTimeInterval(8 * 3600), lastReview: now.addingTimeInterval(-5 * 86_400))))
        var browser = CardBrowserScreen(services: FlashcardsServices(library: F.library, store: store, timeZone: F.utc))
        browser.snapshot = try ProgressSnapshot.read(store, clock: StudyClock(timeZone: F.utc), now: now)
        browser.filter = .due
        #expect(browser.rows(F.context(.en)).map(\.card.id) == ["a2", "a3"])
    }
}
