import AIFCore
import Foundation
import TerminalUI

/// Score, pass/fail, time, per-domain bars and the question-by-question list with filters. Enter opens
/// a question as it was seen, with the learner's answer, the key, why each option is right or wrong and
/// the references.
public struct QuizResultsScreen: Screen {
    let attempt: QuizAttempt
    let result: QuizResult
    let questions: [Question]
    let services: QuizServices
    var filter = Filter.all
    var selected = 0
    var offset = 0

    public enum Filter: CaseIterable { case all, incorrect, flagged, unanswered }

    public init(attempt: QuizAttempt, result: QuizResult, services: QuizServices) {
        self.attempt = attempt
        self.result = result
        self.services = services
        questions = attempt.questionIDs.compactMap(services.library.question(id:))
    }

    public func title(_ ctx: AppContext) -> String { ctx.t("Results", "結果") }

    public func keyHelp(_ ctx: AppContext) -> [KeyHelp] {
        [
            KeyHelp("↑↓ Enter", ctx.t("review a question", "問題を見直す"), footer: true),
            KeyHelp("Tab a i f u", ctx.t("filter", "絞り込み"), footer: true),
            KeyHelp("m", ctx.t("add missed to flashcards", "間違いをカードに追加"), footer: true),
            KeyHelp("h", ctx.t("history", "履歴")),
        ]
    }

    func filterLabel(_ f: Filter, _ ctx: AppContext) -> String {
        switch f {
        case .all: ctx.t("All", "すべて")
        case .incorrect: ctx.t("Incorrect", "不正解")
        case .flagged: ctx.t("Flagged", "フラグあり")
        case .unanswered: ctx.t("Unanswered", "未回答")
        }
    }

    func rows(_ f: Filter) -> [Int] {
        questions.indices.filter { i in
            switch f {
            case .all: true
            case .incorrect: result.outcomes[i] != .correct
            case .flagged: attempt.flagged[i]
            case .unanswered: result.outcomes[i] == .unanswered
            }
        }
    }

    var missedIDs: [String] { questions.indices.filter { result.outcomes[$0] != .correct }.map { questions[$0].id } }

    public mutating func update(_ event: Event, _ ctx: AppContext) -> Transition {
        let shown = rows(filter)
        let layout = ResultsLayout(area: ctx.bodyArea)
        switch event {
        case .key(.up), .char("k"): selected = max(0, selected - 1)
        case .key(.down), .char("j"): selected = min(max(0, shown.count - 1), selected + 1)
        case .key(.tab): setFilter(Filter.allCases[(Filter.allCases.firstIndex(of: filter)! + 1) % Filter.allCases.count])
        case .key(.backTab): setFilter(Filter.allCases[(Filter.allCases.firstIndex(of: filter)! + 3) % Filter.allCases.count])
        case .char("a"): setFilter(.all)
        case .char("i"): setFilter(.incorrect)
        case .char("f"): setFilter(.flagged)
        case .char("u"): setFilter(.unanswered)
        case .key(.enter), .key(.right), .char("l"):
            if shown.indices.contains(selected) { return .push(QuizAnswerReviewScreen(attempt: attempt, questions: questions, rows: shown, position: selected, services: services)) }
        case .char("m"):
            addMissedToStudy(ctx)
        case .char("h"): return .push(QuizHistoryScreen(services: services))
        case .key(.escape), .char("q"): return .pop
        case .mouse(let m) where m.kind == .press:
            if let f = layout.filterTabs(ctx, self).first(where: { $0.rect.contains(m.position) })?.filter { setFilter(f); break }
            let lv = ListView(items: Array(repeating: [], count: shown.count), selected: selected, previousOffset: offset, height: layout.list.height, theme: .standard)
            if let row = lv.rowAt(m.position, in: layout.list) {
                selected = row
                return .push(QuizAnswerReviewScreen(attempt: attempt, questions: questions, rows: shown, position: row, services: services))
            }
        case .mouse(let m) where m.kind == .scrollDown: selected = min(max(0, shown.count - 1), selected + 1)
        case .mouse(let m) where m.kind == .scrollUp: selected = max(0, selected - 1)
        default: break
        }
        offset = ListView(items: Array(repeating: [], count: rows(filter).count), selected: selected, previousOffset: offset, height: layout.list.height, theme: .standard).offset
        return .none
    }

    /// Adds the missed questions to the flashcards in a job the app owns: what it did (or why it could
    /// not) shows in the footer even if the learner has moved on.
    func addMissedToStudy(_ ctx: AppContext) {
        let ids = missedIDs
        guard !ids.isEmpty else {
            ctx.status = ctx.t("Nothing missed: nothing to add.", "間違いはありません。")
            return
        }
        let (store, now) = (services.store, ctx.now())
        let added = ctx.t("Added \(ids.count) missed questions to your flashcards.", "間違えた \(ids.count) 問をフラッシュカードに追加しました。")
        let failed = ctx.t("Could not save: ", "保存できませんでした: ")
        ctx.status = ctx.t("Adding \(ids.count) missed questions to your flashcards…", "間違えた \(ids.count) 問をフラッシュカードに追加しています…")
        ctx.performForApp(.run(Job(key: "add-missed", lane: "quiz") { _ in
            do { try store.addToStudy(ids, at: now); return StatusReport(added) } catch { return StatusReport(failed + "\(error)") }
        }))
    }

    mutating func setFilter(_ f: Filter) {
        filter = f
        selected = 0
        offset = 0
    }

    public func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        let layout = ResultsLayout(area: area)
        // Summary
        let verdict = result.passed ? ctx.t(" PASS ", " 合格 ") : ctx.t(" FAIL ", " 不合格 ")
        var x = layout.summary.x + 1
        x += buf.put("\(result.scaledScore)", x: x, y: layout.summary.y, style: Style([.bold]))
        x += buf.put(" / \(services.library.blueprint.maxScore)  ", x: x, y: layout.summary.y, style: theme.muted)
        x += buf.put(verdict, x: x, y: layout.summary.y, style: (result.passed ? theme.good : theme.bad).with(.reverse))
        buf.put("  " + ctx.t("pass at \(result.passingScore) · \(attempt.mode.title(ctx))", "合格点 \(result.passingScore) · \(attempt.mode.title(ctx))"),
                x: x, y: layout.summary.y, style: theme.muted, maxWidth: layout.summary.maxX - x)
        let pct = Int((result.fraction * 100).rounded())
        var line2 = ctx.t("Correct \(result.correct) of \(result.total) (\(pct)%) · time \(TimeFormat.clock(result.timeUsed))",
                          "正解 \(result.total) 問中 \(result.correct) 問 (\(pct)%) · 所要 \(TimeFormat.clock(result.timeUsed))")
        if let l = result.timeLimit { line2 += " / \(TimeFormat.clock(l))" }
        buf.put(line2, x: layout.summary.x + 1, y: layout.summary.y + 1, maxWidth: layout.summary.width - 1)
        buf.put(ctx.t("The scaled score approximates AWS's (unpublished) scaling: 70 % correct = 700.",
                      "スコアは AWS 非公開の換算方法の近似です (正答率 70 % で 700 点)。"),
                x: layout.summary.x + 1, y: layout.summary.y + 2, style: theme.muted, maxWidth: layout.summary.width - 1)

        // Domain bars
        Panel(title: ctx.t("By domain", "分野別"), style: theme.muted, titleStyle: theme.title, theme: theme)
            .render(layout.domains, into: &buf)
        let dInner = Panel.inner(of: layout.domains)
        var y = dInner.y
        // Domain names wrap when the panel has the rows for it, else end in "…".
        let titles = result.domains.map { d in "\(d.number) " + (services.library.domain(id: d.id)?.title(ctx.language) ?? d.id) }
        let wrapped = titles.map { TextWrap.wrap($0, width: max(1, dInner.width)) }
        let wrap = wrapped.reduce(0) { $0 + $1.count + 1 } <= dInner.height
        for (k, d) in result.domains.enumerated() where y + 1 < dInner.maxY + 1 {
            for line in wrap ? wrapped[k] : [titles[k]] {
                buf.put(line, x: dInner.x, y: y, style: .bold, maxWidth: dInner.width)
                y += 1
            }
            y -= 1
            if y + 1 < dInner.maxY {
                Gauge(ratio: d.fraction, label: "\(d.correct)/\(d.total)", style: d.fraction >= 0.7 ? theme.good : theme.warning, theme: theme)
                    .render(Rect(x: dInner.x, y: y + 1, width: dInner.width, height: 1), into: &buf)
            }
            y += 2
        }

        // Filters and list
        for tab in layout.filterTabs(ctx, self) where tab.rect.width > 0 {
            buf.put(tab.label, x: tab.rect.x, y: tab.rect.y, style: tab.filter == filter ? theme.accent.with([.bold, .reverse]) : theme.muted,
                    maxWidth: tab.rect.width)
        }
        let shown = rows(filter)
        if shown.isEmpty {
            buf.put(ctx.t("No questions in this list.", "該当する問題はありません。"), x: layout.list.x + 2, y: layout.list.y, style: theme.muted)
        }
        let sym = theme.symbols
        let items: [Line] = shown.map { i in
            let q = questions[i]
            let (mark, style): (String, Style) = switch result.outcomes[i] {
            case .correct: (String(sym.check), theme.good)
            case .incorrect: (theme.unicode ? "✗" : "x", theme.bad)
            case .unanswered: ("–", theme.warning)
            }
            return [Span(mark + " ", style: style), Span(String(format: "%2d ", i + 1), style: .bold),
                    Span(attempt.flagged[i] ? "⚑ " : "  ", style: theme.warning), Span("[\(q.id)] ", style: theme.muted),
                    Span(ContentText.plain(q.stem(ctx.language)).replacingOccurrences(of: "\n", with: " "))]
        }
        ListView(items: items, selected: shown.isEmpty ? nil : selected, previousOffset: offset, height: layout.list.height, theme: theme)
            .render(layout.list, into: &buf)
    }
}

struct ResultsLayout {
    var summary: Rect
    var domains: Rect
    var tabs: Rect
    var list: Rect

    init(area: Rect) {
        let rows = Layout.vertical([.length(3), .fill(1)], spacing: 1).split(area)
        summary = rows[0]
        let cols = Layout.horizontal([.length(min(32, area.width * 2 / 5)), .fill(1)], spacing: 1).split(rows[1])
        domains = cols[0]
        let right = Layout.vertical([.length(1), .fill(1)]).split(cols[1])
        tabs = right[0]
        list = right[1]
    }

    struct Tab { var label: String; var rect: Rect; var filter: QuizResultsScreen.Filter }

    /// The filter tabs with their counts; padding goes first when they do not fit, then the last ones end in "…".
    func filterTabs(_ ctx: AppContext, _ screen: QuizResultsScreen) -> [Tab] {
        let names = QuizResultsScreen.Filter.allCases.map { "\(screen.filterLabel($0, ctx)) \(screen.rows($0).count)" }
        let padded = names.reduce(0) { $0 + DisplayWidth.of($1) + 3 } - 1 <= tabs.width
        var x = tabs.x
        return zip(QuizResultsScreen.Filter.allCases, names).map { f, name in
            let label = padded ? " \(name) " : name
            let w = min(DisplayWidth.of(label), max(0, tabs.maxX - x))
            defer { x += w + (padded ? 1 : 2) }
            return Tab(label: label, rect: Rect(x: x, y: tabs.y, width: w, height: 1), filter: f)
        }
    }
}

/// One question of a finished attempt, shown exactly as it was seen, with feedback; ←/→ walk the
/// filtered list.
public struct QuizAnswerReviewScreen: Screen {
    let attempt: QuizAttempt
    let questions: [Question]
    let rows: [Int]
    var position: Int
    var scroll = 0
    var scenarioScroll = 0
    let services: QuizServices

    public func title(_ ctx: AppContext) -> String { ctx.t("Question \(rows[position] + 1)", "問題 \(rows[position] + 1)") }

    public func keyHelp(_ ctx: AppContext) -> [KeyHelp] {
        [
            KeyHelp("n p ← →", ctx.t("next / previous", "次へ / 前へ"), footer: true),
            KeyHelp("↑↓ PgUp PgDn", ctx.t("scroll", "スクロール"), footer: true),
            KeyHelp("[ ]", ctx.t("scroll the case-study scenario", "ケーススタディの本文をスクロール")),
        ]
    }

    func makeView(_ width: Int, _ ctx: AppContext, theme: Theme) -> QuestionView {
        let i = rows[position]
        var v = QuestionView(question: questions[i], permutation: attempt.permutations[i], answer: attempt.answers[i],
                             cursor: nil, picked: nil, showFeedback: true)
        v.build(width: width, ctx, theme: theme)
        return v
    }

    public mutating func update(_ event: Event, _ ctx: AppContext) -> Transition {
        let layout = QuizRunLayout(area: ctx.bodyArea, hasCaseStudy: questions[rows[position]].caseStudyID != nil, banner: false)
        let maxScroll = max(0, makeView(layout.question.width, ctx, theme: .standard).lines.count - layout.question.height)
        switch event {
        case .char("n"), .key(.right), .key(.tab): if position + 1 < rows.count { position += 1; scroll = 0; scenarioScroll = 0 }
        case .char("p"), .key(.left), .key(.backTab): if position > 0 { position -= 1; scroll = 0; scenarioScroll = 0 }
        case .key(.down), .char("j"): scroll = min(maxScroll, scroll + 1)
        case .key(.up), .char("k"): scroll = max(0, scroll - 1)
        case .key(.pageDown), .char(" "): scroll = min(maxScroll, scroll + max(1, layout.question.height - 2))
        case .key(.pageUp): scroll = max(0, scroll - max(1, layout.question.height - 2))
        case .char("]"): scenarioScroll += 3
        case .char("["): scenarioScroll = max(0, scenarioScroll - 3)
        case .mouse(let m) where m.kind == .scrollDown: scroll = min(maxScroll, scroll + 1)
        case .mouse(let m) where m.kind == .scrollUp: scroll = max(0, scroll - 1)
        case .key(.escape), .char("q"): return .pop
        default: break
        }
        return .none
    }

    public func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        let i = rows[position]
        let q = questions[i]
        let layout = QuizRunLayout(area: area, hasCaseStudy: q.caseStudyID != nil, banner: false)
        let outcome = QuizScoring.outcome(q, attempt.answers[i])
        let verdict = switch outcome {
        case .correct: ctx.t("correct", "正解")
        case .incorrect: ctx.t("incorrect", "不正解")
        case .unanswered: ctx.t("unanswered", "未回答")
        }
        let head = "[\(q.id)] " + ctx.t("Question \(i + 1) of \(questions.count)", "問題 \(i + 1) / \(questions.count)") + " · " + q.kind.label(ctx) + " · " + verdict
        buf.put(head, x: layout.header.x + 1, y: layout.header.y, style: theme.title, maxWidth: layout.header.width - 1)
        if let cs = q.caseStudyID.flatMap(services.library.caseStudy(id:)) {
            CaseStudyPanel(caseStudy: cs, scroll: scenarioScroll, ctx: ctx, theme: theme).render(layout.scenario, into: &buf)
        }
        var v = makeView(layout.question.width, ctx, theme: theme)
        v.scroll = min(scroll, max(0, v.lines.count - layout.question.height))
        v.render(layout.question, into: &buf)
        let yours = ctx.t("Yours: ", "あなたの回答: ") + PlainInput.format(attempt.answers[i], permutation: attempt.permutations[i])
            + " · " + ctx.t("Correct: ", "正解: ") + PlainInput.format(PlainInput.correctAnswer(q), permutation: attempt.permutations[i])
            + "   " + "\(position + 1)/\(rows.count)"
        buf.put(yours, x: layout.nav.x + 1, y: layout.nav.y, style: theme.muted, maxWidth: layout.nav.width - 1)
    }
}
