import AIFCore
import Foundation
import SeededRandom
import TerminalUI

/// The Quiz entry: resume an unfinished quiz, or start an exam simulation, practice, mistakes or Quick 10.
/// What the store holds (an unfinished quiz, past answers, the last exam) is read by a job each time
/// the menu appears; a new quiz is drawn and saved by a job and opens when that answers.
public struct QuizMenuScreen: Screen {
    let services: QuizServices
    var selected = 0
    /// Set after the first Enter on a new quiz while another is unfinished.
    var confirmDiscard = false
    /// Nil until the first read answers.
    var stored: Stored?
    var loadError: String?

    /// The store's part of the menu.
    struct Stored {
        var unfinished: QuizAttempt?
        /// A saved quiz that cannot be resumed (a hand-edited or damaged row): said, never silently hidden.
        var damaged: DamagedAttemptError?
        var mistakeIDs: Set<String> = []
        var lastExam: QuizHistoryEntry?

        init(_ store: any QuizAttemptStoring) throws {
            do { unfinished = try store.unfinishedAttempt() } catch let e as DamagedAttemptError { damaged = e }
            mistakeIDs = QuizSelector.mistakeIDs(history: try store.answerHistory())
            lastExam = try store.history().last { $0.mode == .exam }
        }
    }

    struct Loaded { var stored: Result<Stored, any Error> }

    enum Item: Equatable { case resume, exam, practice, mistakes, quick, history }

    public init(services: QuizServices) { self.services = services }

    public func title(_ ctx: AppContext) -> String { ctx.t("Quiz", "クイズ") }

    public func keyHelp(_ ctx: AppContext) -> [KeyHelp] {
        [
            KeyHelp("↑↓ j k", ctx.t("move", "移動"), footer: true),
            KeyHelp("Enter", ctx.t("start", "開始"), footer: true),
            KeyHelp("r e p m t h", ctx.t("resume, exam, practice, mistakes, quick 10, history", "再開・模擬試験・練習・間違い・クイック 10・履歴")),
        ]
    }

    public mutating func appear(_ ctx: AppContext) {
        let store = services.store
        // On the quiz lane: after any save still under way, so that Resume shows the quiz as saved.
        ctx.perform(.run(Job(key: "menu", lane: "quiz") { _ in Loaded(stored: Result { try Stored(store) }) }))
    }

    var unfinished: QuizAttempt? { stored?.unfinished }
    var damagedUnfinished: DamagedAttemptError? { stored?.damaged }

    var items: [Item] { (unfinished == nil ? [] : [.resume]) + [.exam, .practice, .mistakes, .quick, .history] }

    /// Nil until the store was read.
    var mistakeCount: Int? {
        stored.map { s in services.library.questions.count { s.mistakeIDs.contains($0.id) } }
    }

    func label(_ item: Item, _ ctx: AppContext) -> String {
        switch item {
        case .resume: ctx.t("Resume unfinished quiz", "中断したクイズを再開")
        case .exam: QuizMode.exam.title(ctx)
        case .practice: QuizMode.practice.title(ctx)
        case .mistakes: QuizMode.mistakes.title(ctx)
        case .quick: QuizMode.quick.title(ctx)
        case .history: ctx.t("History", "履歴")
        }
    }

    func shortcut(_ item: Item) -> Character {
        switch item {
        case .resume: "r"
        case .exam: "e"
        case .practice: "p"
        case .mistakes: "m"
        case .quick: "t"
        case .history: "h"
        }
    }

    func describe(_ item: Item, _ ctx: AppContext) -> String {
        let bp = services.library.blueprint
        switch item {
        case .resume:
            guard let a = unfinished else { return "" }
            var s = ctx.t("\(a.mode.title(ctx)): \(a.answeredCount) of \(a.count) answered", "\(a.mode.title(ctx)): \(a.count) 問中 \(a.answeredCount) 問回答済み")
            if let r = a.remaining { s += ctx.t(", \(TimeFormat.clock(r)) left", "、残り \(TimeFormat.clock(r))") }
            return s + ctx.t(". The clock only runs while the quiz is open.", "。時間はクイズを開いている間だけ進みます。")
        case .exam:
            let minutes = bp.minutes + (ctx.settings.examExtraTime ? bp.extraMinutes : 0)
            return ctx.t("\(bp.questions) questions drawn by the exam's domain weights, **\(minutes) minutes**, no feedback until the end. "
                         + "Scaled score 100–1000, pass at 700. Multiple response, ordering and matching are all or nothing."
                         + (ctx.settings.examExtraTime ? " Includes the 30 extra minutes (Settings)." : " The 30-minute accommodation for non-native speakers can be turned on in Settings."),
                         "試験の分野比率で選んだ \(bp.questions) 問、**\(minutes) 分**。最後まで正誤は表示されません。"
                         + "スケールスコア 100〜1000、700 点で合格。複数選択・並べ替え・組み合わせは完全正解のみ得点。"
                         + (ctx.settings.examExtraTime ? "延長 30 分を含みます (設定)。" : "英語を母語としない受験者向けの 30 分延長は設定でオンにできます。"))
        case .practice:
            return ctx.t("Choose domains, task statements, question types and how many; timed or untimed. Each answer is checked and explained at once.",
                         "分野・タスク・問題形式・問題数を選び、時間制限の有無を決めます。回答ごとに正誤と解説を表示します。")
        case .mistakes:
            let count = mistakeCount.map(String.init) ?? "…"
            return ctx.t("Questions you answered wrongly before, until you get each right twice in a row. **\(count)** waiting.",
                         "以前に間違えた問題を、2 回続けて正解するまで出題します。現在 **\(count)** 問。")
        case .quick:
            return ctx.t("Ten questions, weighted toward your weak domains and questions you have not seen recently.",
                         "苦手な分野と最近解いていない問題を優先した 10 問です。")
        case .history:
            return ctx.t("Every finished quiz with its scaled score, as a chart over time.", "終了したクイズとスケールスコアの推移をグラフで表示します。")
        }
    }

    public mutating func update(_ event: Event, _ ctx: AppContext) -> Transition {
        if case .message(let m) = event {
            if let l = m.payload(as: Loaded.self) {
                // The first read opens on the top row (Resume, when there is one); a re-read keeps the row.
                let before = stored == nil || !items.indices.contains(selected) ? nil : items[selected]
                switch l.stored {
                case .success(let s): stored = s; loadError = nil
                case .failure(let error): stored = nil; loadError = "\(error)"
                }
                selected = before.flatMap(items.firstIndex(of:)) ?? 0
            }
            if let started = m.payload(as: Started.self) { return started.transition(services, ctx) { .push($0) } }
            return .none
        }
        let items = items
        selected = min(selected, items.count - 1)
        switch event {
        case .key(.up), .char("k"): selected = (selected + items.count - 1) % items.count; confirmDiscard = false
        case .key(.down), .char("j"): selected = (selected + 1) % items.count; confirmDiscard = false
        case .key(.enter), .key(.right), .char("l"): return activate(items[selected], ctx)
        case .key(.escape), .char("q"): return .pop
        case .key(.character(let c)):
            if let i = items.firstIndex(where: { shortcut($0) == c }) {
                if i != selected { confirmDiscard = false }
                selected = i
                return activate(items[i], ctx)
            }
        case .mouse(let m) where m.kind == .press:
            let menu = Self.menuArea(ctx.bodyArea)
            let row = (m.position.y - menu.y) / 2
            if menu.contains(m.position), (m.position.y - menu.y) % 2 == 0, items.indices.contains(row) {
                if row != selected { confirmDiscard = false }
                selected = row
                return activate(items[row], ctx)
            }
        default: break
        }
        return .none
    }

    mutating func activate(_ item: Item, _ ctx: AppContext) -> Transition {
        switch item {
        case .history: return .push(QuizHistoryScreen(services: services))
        case .resume:
            guard let a = unfinished else { return .none }
            do {
                return .push(QuizRunScreen(session: try QuizSession(attempt: a, library: services.library), services: services))
            } catch {
                ctx.status = ctx.t("Cannot resume: \(error). Start a new quiz to discard it.", "再開できません: \(error)。新しいクイズを始めると破棄されます。")
                return .none
            }
        case .practice:
            return .push(QuizPracticeSetupScreen(services: services, remembered: ctx.settings.practice))
        case .exam, .mistakes, .quick:
            if unfinished != nil && !confirmDiscard {
                confirmDiscard = true
                return .none
            }
            confirmDiscard = false
            let mode: QuizMode = item == .exam ? .exam : (item == .mistakes ? .mistakes : .quick)
            Self.start(mode: mode, services: services, ctx)
            return .none
        }
    }

    /// What a start job found: the new quiz (saved), or nothing to ask, or why it could not start.
    struct Started {
        enum Outcome { case session(QuizSession), noQuestions, failed(any Error) }
        var mode: QuizMode
        var outcome: Outcome

        /// Opens the quiz with `open` (push, or replace for the practice setup) or says what went wrong.
        func transition(_ services: QuizServices, _ ctx: AppContext, open: (any Screen) -> Transition) -> Transition {
            switch outcome {
            case .session(let s):
                ctx.status = nil   // "Starting…"
                return open(QuizRunScreen(session: s, services: services))
            case .noQuestions:
                ctx.status = mode == .mistakes ? ctx.t("No mistakes to practise: well done.", "復習する間違いはありません。")
                    : ctx.t("No questions match.", "条件に合う問題がありません。")
            case .failed(let error):
                ctx.status = ctx.t("Cannot start: \(error)", "開始できません: \(error)")
            }
            return .none
        }
    }

    /// Draws the questions for `mode` and saves the new attempt in a job (on the quiz lane, after any
    /// save still pending); the screen that asked opens it when `Started` comes back.
    static func start(mode: QuizMode, filter: PracticeFilter? = nil, timed: Bool = false, services: QuizServices, _ ctx: AppContext) {
        let (lib, store, seed, now, extraTime) = (services.library, services.store, services.makeSeed(), ctx.now(), ctx.settings.examExtraTime)
        ctx.status = ctx.t("Starting…", "開始しています…")
        ctx.perform(.run(Job(key: "start", lane: "quiz") { _ in
            do {
                var rng = SeededGenerator(seed: seed)
                let questions: [Question]
                var limit: Double?
                switch mode {
                case .exam:
                    questions = QuizSelector.exam(from: lib, count: lib.blueprint.questions, rng: &rng)
                    limit = QuizDefaults.examTimeLimit(blueprint: lib.blueprint, count: questions.count, extraTime: extraTime)
                case .practice:
                    questions = QuizSelector.practice(from: lib, filter: filter ?? PracticeFilter(), rng: &rng)
                    if timed { limit = QuizDefaults.practiceTimeLimit(blueprint: lib.blueprint, count: questions.count) }
                case .mistakes:
                    questions = QuizSelector.mistakes(from: lib, history: try store.answerHistory(), count: QuizDefaults.mistakesCount, rng: &rng)
                case .quick:
                    questions = QuizSelector.quick(from: lib, history: try store.answerHistory(), now: now, count: QuizDefaults.quickCount, rng: &rng)
                }
                guard !questions.isEmpty else { return Started(mode: mode, outcome: .noQuestions) }
                let session = try QuizSession.start(mode: mode, questions: questions, library: lib, seed: seed, timeLimit: limit, now: now)
                try store.discardUnfinished()
                try store.saveProgress(session.attempt)
                return Started(mode: mode, outcome: .session(session))
            } catch {
                return Started(mode: mode, outcome: .failed(error))
            }
        }))
    }

    static func columns(_ area: Rect) -> [Rect] {
        Layout.horizontal([.length(min(34, area.width / 2)), .fill(1)], spacing: 1).split(area)
    }

    static func menuArea(_ area: Rect) -> Rect { columns(area)[0].inset(top: 2, right: 1, bottom: 1, left: 2) }

    public func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        let cols = Self.columns(area)
        let items = items
        let sel = min(selected, items.count - 1)
        Panel(title: ctx.t("Quiz modes", "クイズのモード"), style: theme.muted, titleStyle: theme.title, theme: theme).render(cols[0], into: &buf)
        let menu = Self.menuArea(area)
        for (i, item) in items.enumerated() {
            let y = menu.y + i * 2
            guard y < menu.maxY else { break }
            let isSel = i == sel
            var x = menu.x + buf.put(isSel ? "\(theme.symbols.pointer) " : "  ", x: menu.x, y: y, style: theme.accent.with(.bold))
            x += buf.put(String(shortcut(item)), x: x, y: y, style: theme.key)
            buf.put("  " + label(item, ctx), x: x, y: y, style: isSel ? .bold : .plain, maxWidth: menu.maxX - x)
            if isSel { buf.style(Rect(x: menu.x, y: y, width: menu.width, height: 1)) { $0.with(.reverse) } }
        }
        let item = items[sel]
        Panel(title: label(item, ctx), style: theme.muted, titleStyle: theme.title, theme: theme).render(cols[1], into: &buf)
        let inner = Panel.inner(of: cols[1])
        guard inner.height > 0 else { return }
        if let loadError {
            Paragraph(ctx.t("Could not read your quizzes: \(loadError)", "クイズの記録を読めません: \(loadError)"), style: theme.bad, width: inner.width)
                .render(inner, into: &buf)
            return
        }
        guard stored != nil else {
            buf.put(ctx.t("Reading your quizzes…", "クイズの記録を読み込んでいます…"), x: inner.x, y: inner.y, style: theme.muted, maxWidth: inner.width)
            return
        }
        var y = inner.y
        // Paragraphs one under another, a blank row between them.
        func stack(_ p: Paragraph) {
            let area = Rect(x: inner.x, y: y, width: inner.width, height: max(0, inner.maxY - y))
            p.render(area, into: &buf)
            y += p.height(in: area) + 1
        }
        stack(Paragraph(Markup.parse(describe(item, ctx)), width: inner.width))
        if let damaged = damagedUnfinished, y < inner.maxY {
            stack(Paragraph(ctx.t("The saved quiz '\(damaged.attemptID)' cannot be resumed: \(damaged.reason). Starting a new quiz replaces it.",
                                  "保存されたクイズ '\(damaged.attemptID)' は再開できません: \(damaged.reason)。新しいクイズを始めると置き換えられます。"),
                            style: theme.warning, width: inner.width))
        }
        if confirmDiscard, y < inner.maxY {
            stack(Paragraph(ctx.t("You have an unfinished quiz. Press Enter again to discard it and start this one, or choose Resume.",
                                  "中断中のクイズがあります。もう一度 Enter を押すと破棄して開始します。再開するには「再開」を選んでください。"),
                            style: theme.warning, width: inner.width))
        }
        if let last = stored?.lastExam, inner.height > 6 {
            let s = ctx.t("Last exam: \(last.scaledScore) · \(last.passed ? "pass" : "fail")", "前回の模擬試験: \(last.scaledScore) · \(last.passed ? "合格" : "不合格")")
            buf.put(s, x: inner.x, y: inner.maxY - 1, style: last.passed ? theme.good : theme.bad, maxWidth: inner.width)
        }
    }
}
