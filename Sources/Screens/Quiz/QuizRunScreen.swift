import AIFCore
import Foundation
import TerminalUI

/// Taking a quiz: one question at a time with the timer always visible, then a review list before
/// submitting. The screen maps input to `QuizSession`, which edits the answers, counts the time and
/// says when to save (after every answer and every few seconds, so quitting or a crash loses nothing).
public struct QuizRunScreen: Screen {
    public private(set) var session: QuizSession
    let services: QuizServices
    var phase = Phase.question
    var cursor = 0
    var picked: Int?
    var scroll = 0
    var scenarioScroll = 0
    /// Position in `reviewIndices`, the questions the review list shows.
    var reviewSelected = 0
    var reviewOffset = 0
    var reviewFilter = ReviewFilter.all
    var confirmSubmit = false
    var banner: String?

    enum Phase { case question, review }

    /// Which questions the review before submitting lists; Tab cycles through them.
    enum ReviewFilter: CaseIterable { case all, unanswered, flagged }

    var reviewIndices: [Int] {
        switch reviewFilter {
        case .all: Array(0..<session.count)
        case .unanswered: session.unanswered()
        case .flagged: session.flagged()
        }
    }

    /// Opens the review with `question` selected when the filter shows it.
    mutating func openReview(at question: Int) {
        phase = .review
        reviewSelected = reviewIndices.firstIndex(of: question) ?? 0
    }

    public init(session: QuizSession, services: QuizServices) {
        self.session = session
        self.services = services
        cursor = 0
    }

    public func title(_ ctx: AppContext) -> String { session.attempt.mode.title(ctx) }
    public var tickInterval: Duration? { .seconds(1) }

    var studyMode: Bool { session.attempt.mode.givesFeedback }
    var index: Int { session.current }
    var question: Question { session.currentQuestion }
    var optionCount: Int { session.permutation(index).count }

    enum QuestionAction { case answer, up, down, toggle, enter, clear, next, previous, flag, review, pageDown, pageUp, scenarioDown, scenarioUp, sandbox, pause }
    enum ReviewAction { case up, down, home, end, pageDown, pageUp, filter, open, flag, submit, back }

    /// The keys while answering: the update acts on exactly these, and help and footer show them.
    func questionBindings(_ ctx: AppContext) -> [KeyBinding<QuestionAction>] {
        let matching: Bool = { if case .matching = question.kind { return true }; return false }()
        let checkable = studyMode && !session.isChecked(index)
        return [
            KeyBinding(matching ? "1-9" : "1-9 Space", matching ? ctx.t("answer number for the prompt", "項目に答えの番号を入れる") : ctx.t("answer", "回答"),
                       footer: true, priority: 80, short: ctx.t("answer", "回答"), on: KeyBinding<QuestionAction>.digits + (matching ? [] : [.char(" ")]), .answer),
            KeyBinding("Enter", studyMode ? (checkable ? ctx.t("check", "答え合わせ") : ctx.t("next", "次へ"))
                           : ctx.t("choose the highlighted option", "選択中の選択肢を選ぶ"),
                       footer: studyMode, priority: 85, on: [.key(.enter)], .enter),
            KeyBinding("n p ← →", ctx.t("next / previous", "次へ / 前へ"), footer: true, priority: 60,
                       on: [.char("n"), .key(.right), .key(.tab), .char("p"), .key(.left), .key(.backTab)], .next),
            KeyBinding("f", ctx.t("flag", "フラグ"), footer: true, priority: 30, on: [.char("f")], .flag),
            KeyBinding("r s", ctx.t("review and submit", "見直して提出"), footer: true, priority: 50, short: ctx.t("review", "見直し"), on: [.char("r"), .char("s")], .review),
            KeyBinding("↑↓ j k", ctx.t("move (ordering: move the picked item)", "移動 (並べ替え: 持ち上げた項目を移動)"),
                       on: [.key(.up), .char("k"), .key(.down), .char("j")], .up),
            KeyBinding("0 Backspace", ctx.t("matching: clear the pair", "組み合わせ: 解除"), enabled: matching,
                       on: [.char("0"), .key(.backspace), .key(.delete)], .clear),
            KeyBinding("PgUp PgDn", ctx.t("scroll the question", "問題をスクロール"), on: [.key(.pageUp), .key(.pageDown)], .pageDown),
            KeyBinding("[ ]", ctx.t("scroll the case-study scenario (or the mouse wheel over it)", "ケーススタディの本文をスクロール (本文上のマウスホイールでも)"),
                       footer: true, priority: 70, short: ctx.t("scroll case study", "本文をスクロール"),
                       enabled: question.caseStudyID != nil, on: [.char("["), .char("]")], .scenarioDown),
            KeyBinding("v", ctx.t("see it live in the sandbox", "サンドボックスで動きを見る"), footer: true, priority: 75, short: ctx.t("sandbox", "サンドボックス"),
                       enabled: sandboxPreset != nil, on: [.char("v")], .sandbox),
            KeyBinding("q Esc", ctx.t("pause (resume later from Quiz)", "中断 (あとで「クイズ」から再開)"), footer: true, priority: 45,
                       short: ctx.t("pause", "中断"),
                       on: [.char("q"), .key(.escape)], .pause),
        ]
    }

    /// The keys of the review before submitting.
    func reviewBindings(_ ctx: AppContext) -> [KeyBinding<ReviewAction>] {
        [
            KeyBinding("↑↓ Enter", ctx.t("open question", "問題を開く"), footer: true, priority: 80,
                       on: [.key(.up), .char("k"), .key(.down), .char("j"), .key(.enter), .char(" ")], .open),
            KeyBinding("s", ctx.t("submit", "提出"), footer: true, priority: 90, on: [.char("s"), .char("S")], .submit),
            KeyBinding("Tab", ctx.t("filter: all, unanswered, flagged", "絞り込み: すべて・未回答・フラグあり"), footer: true, priority: 60,
                       on: [.key(.tab), .key(.backTab)], .filter),
            KeyBinding("f", ctx.t("flag", "フラグ"), footer: true, priority: 30, on: [.char("f")], .flag),
            KeyBinding("Home End PgUp PgDn", ctx.t("jump in the list", "一覧内を移動"),
                       on: [.key(.home), .key(.end), .key(.pageUp), .key(.pageDown)], .home),
            KeyBinding("q Esc r", ctx.t("back to the question", "問題に戻る"), footer: true, priority: 70,
                       on: [.key(.escape), .char("q"), .char("r")], .back),
        ]
    }

    public func keyHelp(_ ctx: AppContext) -> [KeyHelp] {
        phase == .review ? reviewBindings(ctx).help() : questionBindings(ctx).help()
    }

    // MARK: - Update

    public mutating func update(_ event: Event, _ ctx: AppContext) -> Transition {
        if case .message = event { return .none }   // saves report to the app (see `save`)
        if let t = advanceClock(ctx) { return t }
        if case .key = event { banner = nil }
        let transition = switch phase {
        case .question: updateQuestion(event, ctx)
        case .review: updateReview(event, ctx)
        }
        if session.needsSave && !session.isFinished { save(ctx) }
        return transition
    }

    /// Counts the time up to this event; submits when time is up.
    mutating func advanceClock(_ ctx: AppContext) -> Transition? {
        if let w = session.advanceClock(to: ctx.now()) {
            banner = w == .tenMinutes ? ctx.t("10 minutes left", "残り 10 分です") : ctx.t("1 minute left", "残り 1 分です")
        }
        if session.isTimeUp { return submit(ctx, timeUp: true) }
        return nil
    }

    /// Saves the attempt off the loop, in order with the other quiz writes; a failure reaches the footer
    /// even after the screen has closed (the app owns the job).
    mutating func save(_ ctx: AppContext) {
        let (store, attempt) = (services.store, session.takeAttemptToSave())
        let failed = ctx.t("Could not save: ", "保存できませんでした: ")
        ctx.performForApp(.run(Job(key: "quiz-save", lane: "quiz") { _ in
            do { try store.saveProgress(attempt); return StatusReport(nil) } catch { return StatusReport(failed + "\(error)") }
        }))
    }

    mutating func submit(_ ctx: AppContext, timeUp: Bool = false) -> Transition {
        let (result, records) = session.finish(now: ctx.now(), blueprint: services.library.blueprint)
        let (store, attempt) = (services.store, session.attempt)
        let failed = ctx.t("Could not save the result: ", "結果を保存できませんでした: ")
        ctx.performForApp(.run(Job(key: "quiz-finish", lane: "quiz") { _ in
            do { try store.recordFinished(attempt, result: result, answers: records); return StatusReport(nil) }
            catch { return StatusReport(failed + "\(error)") }
        }))
        if timeUp { ctx.status = ctx.t("Time is up: your answers were submitted.", "時間切れです。回答を提出しました。") }
        return .replace(QuizResultsScreen(attempt: session.attempt, result: result, services: services))
    }

    mutating func go(to i: Int, _ ctx: AppContext) {
        if i >= session.count { openReview(at: session.count - 1); return }
        session.go(to: i)
        cursor = 0
        picked = nil
        scroll = 0
        scenarioScroll = 0
    }

    /// The option at `k` chosen (Space, a digit, a click): an answer, or for ordering picking an item up
    /// and putting it down (where it was: the order shown becomes the answer).
    mutating func choose(_ k: Int) {
        guard (0..<optionCount).contains(k) else { return }
        cursor = k
        switch question.kind {
        case .single, .multiple:
            session.choose(k)
        case .ordering:
            if let p = picked {
                picked = nil
                if p == k { session.acceptShownOrder() }
            } else if session.canEdit {
                picked = k
            }
        case .matching:
            break
        }
    }

    mutating func moveCursor(_ delta: Int, _ ctx: AppContext) {
        let n: Int
        if case .matching = question.kind { n = question.pairs.count } else { n = optionCount }
        guard n > 0 else { return }
        if case .ordering = question.kind, let p = picked {
            let to = p + delta
            guard (0..<n).contains(to) else { return }
            session.moveItem(from: p, to: to)
            picked = to
            cursor = to
        } else {
            cursor = min(max(0, cursor + delta), n - 1)
        }
        keepCursorVisible(ctx)
    }

    /// Matching: the answer at `k` for prompt `p`, then on to the next prompt; a `k` that names no answer
    /// (0, Backspace, a digit past the last) clears the prompt.
    mutating func match(prompt p: Int, answerAt k: Int?) {
        let n = question.pairs.count
        guard (0..<n).contains(p) else { return }
        if let k, (0..<n).contains(k) {
            session.match(prompt: p, answerAt: k)
            cursor = min(p + 1, n - 1)
        } else {
            session.match(prompt: p, answerAt: nil)
        }
    }

    mutating func enter(_ ctx: AppContext) {
        if studyMode, session.answer(at: index) != nil, picked == nil {
            if session.isChecked(index) { go(to: index + 1, ctx) } else { session.check(index) }
            return
        }
        switch question.kind {
        case .matching: if studyMode, session.isChecked(index) { go(to: index + 1, ctx) }
        default: choose(cursor)
        }
    }

    mutating func updateQuestion(_ event: Event, _ ctx: AppContext) -> Transition {
        let layout = QuizRunLayout(area: ctx.bodyArea, hasCaseStudy: question.caseStudyID != nil, banner: banner != nil)
        if case .mouse(let m) = event { return mouse(m, layout, ctx) }
        guard let action: QuestionAction = questionBindings(ctx).action(for: event) else { return .none }
        switch action {
        case .answer, .clear:
            if event == .char(" ") { choose(cursor); break }
            guard case .key(.character(let c)) = event, let d = c.wholeNumberValue else {
                match(prompt: cursor, answerAt: nil)   // Backspace, Delete
                break
            }
            if case .matching = question.kind {
                match(prompt: cursor, answerAt: d == 0 ? nil : d - 1)
            } else if d >= 1 {
                if case .ordering = question.kind { cursor = d - 1; picked = nil } else { choose(d - 1) }
            }
        case .up, .down: moveCursor(event == .key(.up) || event == .char("k") ? -1 : 1, ctx)
        case .toggle: choose(cursor)
        case .enter: enter(ctx)
        case .next, .previous:
            if [.char("p"), .key(.left), .key(.backTab)].contains(event) {
                if index > 0 { go(to: index - 1, ctx) }
            } else {
                go(to: index + 1, ctx)
            }
        case .flag:
            session.toggleFlag(index)
        case .review:
            openReview(at: index)
            confirmSubmit = false
        case .pageDown, .pageUp:
            if event == .key(.pageDown) {
                scroll = min(scroll + max(1, layout.question.height - 2), maxScroll(ctx))
            } else {
                scroll = max(0, scroll - max(1, layout.question.height - 2))
            }
        case .scenarioDown, .scenarioUp:
            scenarioScroll = event == .char("]") ? min(scenarioScroll + 3, maxScenarioScroll(ctx)) : max(0, scenarioScroll - 3)
        case .sandbox:
            if let preset = sandboxPreset, let screen = services.openSandbox?(preset.id) { return .push(screen) }
        case .pause:
            save(ctx)
            ctx.status = ctx.t("Quiz saved: resume it from Quiz.", "クイズを保存しました。「クイズ」から再開できます。")
            return .pop
        }
        return .none
    }

    mutating func mouse(_ m: MouseEvent, _ layout: QuizRunLayout, _ ctx: AppContext) -> Transition {
        switch m.kind {
        case .scrollDown:
            if layout.scenario.contains(m.position) { scenarioScroll = min(scenarioScroll + 1, maxScenarioScroll(ctx)) } else { scroll = min(scroll + 1, maxScroll(ctx)) }
        case .scrollUp:
            if layout.scenario.contains(m.position) { scenarioScroll = max(0, scenarioScroll - 1) } else { scroll = max(0, scroll - 1) }
        case .press:
            if let action = QuizRunLayout.navButtons(layout.nav, ctx).first(where: { $0.rect.contains(m.position) })?.action {
                switch action {
                case .previous: if index > 0 { go(to: index - 1, ctx) }
                case .next: go(to: index + 1, ctx)
                case .flag: session.toggleFlag(index)
                case .review: openReview(at: index)
                case .check: enter(ctx)
                }
                return .none
            }
            let view = makeView(width: layout.question.width, ctx, theme: .standard)
            switch view.target(at: m.position, in: layout.question, scroll: scroll) {
            case .option(let k)?:
                if case .ordering = question.kind, picked == nil { cursor = k; picked = session.isChecked(index) ? nil : k } else { choose(k) }
            case .prompt(let p)?: cursor = p
            case .answer(let k)?: match(prompt: cursor, answerAt: k)
            case nil: break
            }
        default: break
        }
        return .none
    }

    mutating func updateReview(_ event: Event, _ ctx: AppContext) -> Transition {
        let shown = reviewIndices
        let n = shown.count
        let list = QuizRunLayout.reviewList(ctx.bodyArea)
        func open(_ row: Int) {
            guard shown.indices.contains(row) else { return }
            phase = .question
            go(to: shown[row], ctx)
        }
        if case .mouse(let m) = event {
            switch m.kind {
            case .press:
                let lv = ListView(items: Array(repeating: [], count: n), selected: reviewSelected, previousOffset: reviewOffset, height: list.height, theme: .standard)
                if let row = lv.rowAt(m.position, in: list) {
                    reviewSelected = row
                    open(row)
                }
            case .scrollDown: reviewSelected = max(0, min(n - 1, reviewSelected + 1))
            case .scrollUp: reviewSelected = max(0, reviewSelected - 1)
            default: break
            }
        } else if let action: ReviewAction = reviewBindings(ctx).action(for: event) {
            switch action {
            case .up, .down, .open:
                switch event {
                case .key(.up), .char("k"): reviewSelected = max(0, reviewSelected - 1)
                case .key(.down), .char("j"): reviewSelected = max(0, min(n - 1, reviewSelected + 1))
                default: open(reviewSelected)
                }
            case .home, .end, .pageUp, .pageDown:
                switch event {
                case .key(.home): reviewSelected = 0
                case .key(.end): reviewSelected = max(0, n - 1)
                case .key(.pageDown): reviewSelected = max(0, min(n - 1, reviewSelected + list.height))
                default: reviewSelected = max(0, reviewSelected - list.height)
                }
            case .filter:
                let current = shown.indices.contains(reviewSelected) ? shown[reviewSelected] : index
                let all = ReviewFilter.allCases
                let step = event == .key(.tab) ? 1 : all.count - 1
                reviewFilter = all[(all.firstIndex(of: reviewFilter)! + step) % all.count]
                reviewSelected = reviewIndices.firstIndex(of: current) ?? 0
                reviewOffset = 0
            case .flag:
                guard shown.indices.contains(reviewSelected) else { break }
                session.toggleFlag(shown[reviewSelected])
                // Unflagging in the flagged view removes the row; keep the selection in range.
                reviewSelected = max(0, min(reviewSelected, reviewIndices.count - 1))
            case .submit:
                let open = session.unanswered().count
                if open > 0 && !confirmSubmit {
                    confirmSubmit = true
                    banner = ctx.t("\(open) unanswered (they count as wrong). Press s again to submit.",
                                   "未回答が \(open) 問あります (不正解になります)。もう一度 s で提出します。")
                    return .none
                }
                return submit(ctx)
            case .back:
                phase = .question
            }
        }
        let count = reviewIndices.count
        reviewOffset = ListView(items: Array(repeating: [], count: count), selected: reviewSelected, previousOffset: reviewOffset, height: list.height, theme: .standard).offset
        return .none
    }

    // MARK: - Layout helpers

    /// The sandbox preset `v` opens: only once the answer is shown, for questions the sandbox demonstrates.
    var sandboxPreset: SandboxPreset? {
        guard studyMode, session.isChecked(index), services.openSandbox != nil else { return nil }
        return QuestionStudyLink.preset(for: question, in: services.library)
    }

    func makeView(width: Int, _ ctx: AppContext, theme: Theme) -> QuestionView {
        var v = QuestionView(question: question, permutation: session.permutation(index), answer: session.answer(at: index),
                             cursor: cursor, picked: picked, showFeedback: studyMode && session.isChecked(index))
        if v.showFeedback, let card = QuestionStudyLink.card(for: question, in: services.library) {
            v.studyLink = (card, services.openSandbox == nil ? nil : card.sandboxPresetID.flatMap(services.library.preset(id:)))
        }
        v.build(width: width, ctx, theme: theme)
        return v
    }

    func maxScenarioScroll(_ ctx: AppContext) -> Int {
        guard let cs = question.caseStudyID.flatMap(services.library.caseStudy(id:)) else { return 0 }
        let layout = QuizRunLayout(area: ctx.bodyArea, hasCaseStudy: true, banner: banner != nil)
        return CaseStudyPanel.maxScroll(cs, in: layout.scenario, ctx)
    }

    func maxScroll(_ ctx: AppContext) -> Int {
        let layout = QuizRunLayout(area: ctx.bodyArea, hasCaseStudy: question.caseStudyID != nil, banner: banner != nil)
        return max(0, makeView(width: layout.question.width, ctx, theme: .standard).lines.count - layout.question.height)
    }

    mutating func keepCursorVisible(_ ctx: AppContext) {
        let layout = QuizRunLayout(area: ctx.bodyArea, hasCaseStudy: question.caseStudyID != nil, banner: banner != nil)
        let view = makeView(width: layout.question.width, ctx, theme: .standard)
        let target: QuestionView.Target
        if case .matching = question.kind { target = .prompt(cursor) } else { target = .option(cursor) }
        guard let first = view.line(of: target), let last = view.lastLine(of: target), layout.question.height > 0 else { return }
        if first < scroll { scroll = first }
        if last >= scroll + layout.question.height { scroll = last - layout.question.height + 1 }
    }
}
