import AIFCore
import Foundation
import TerminalUI

// The quiz run's view: the question with its timer, case study and nav bar, and the review list.
extension QuizRunScreen {
    public func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        switch phase {
        case .question: viewQuestion(into: &buf, area: area, ctx, theme: theme)
        case .review: viewReview(into: &buf, area: area, ctx, theme: theme)
        }
    }

    func timerText(_ ctx: AppContext) -> (String, Style) {
        guard let r = session.remaining else {
            return (ctx.t("time ", "経過 ") + TimeFormat.clock(session.attempt.elapsed), .bold)
        }
        let style: Style = r <= 60 ? Style(fg: .red, [.bold, .reverse]) : (r <= 600 ? Style(fg: .yellow, [.bold, .reverse]) : .bold)
        return (ctx.t("left ", "残り ") + TimeFormat.clock(r), style)
    }

    func drawHeader(into buf: inout Buffer, row: Rect, left: String, _ ctx: AppContext, theme: Theme) {
        let (timer, style) = timerText(ctx)
        let tw = DisplayWidth.of(timer) + 2
        buf.put(left, x: row.x + 1, y: row.y, style: theme.title, maxWidth: row.width - tw - 2)
        buf.put(" \(timer) ", x: row.maxX - tw, y: row.y, style: style)
    }

    func viewQuestion(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        let q = question
        let layout = QuizRunLayout(area: area, hasCaseStudy: q.caseStudyID != nil, banner: banner != nil)
        var left = ctx.t("Question \(index + 1) of \(session.count)", "問題 \(index + 1) / \(session.count)")
        // The real exam names no domain; practice modes do, since the learner chose them.
        if session.attempt.mode != .exam, let domain = services.library.domain(id: q.domainID) {
            left += " · " + ctx.t("Domain \(domain.number)", "分野 \(domain.number)")
        }
        left += " · " + (caseStudyLabel(ctx) ?? q.kind.shortLabel(ctx))
        if session.isFlagged(index) { left += " · " + ctx.t("⚑ flagged", "⚑ フラグあり") }
        drawHeader(into: &buf, row: layout.header, left: left, ctx, theme: theme)
        if let banner {
            buf.fill(layout.banner, style: Style(fg: .yellow, [.reverse, .bold]))
            buf.put(" " + banner, x: layout.banner.x, y: layout.banner.y, style: Style(fg: .yellow, [.reverse, .bold]), maxWidth: layout.banner.width)
        }
        if let cs = q.caseStudyID.flatMap(services.library.caseStudy(id:)) {
            CaseStudyPanel(caseStudy: cs, scroll: scenarioScroll, ctx: ctx, theme: theme).render(layout.scenario, into: &buf)
        }
        var view = makeView(width: layout.question.width, ctx, theme: theme)
        view.scroll = min(scroll, max(0, view.lines.count - layout.question.height))
        view.render(layout.question, into: &buf)
        // Nav bar
        for b in QuizRunLayout.navButtons(layout.nav, ctx) {
            let on = b.action == .flag && session.isFlagged(index)
            buf.put(b.label, x: b.rect.x, y: b.rect.y, style: on ? theme.key.with(.reverse) : theme.key)
        }
        let progress = ctx.t("answered \(session.attempt.answeredCount)/\(session.count)", "回答 \(session.attempt.answeredCount)/\(session.count)")
        let pw = DisplayWidth.of(progress)
        if let last = QuizRunLayout.navButtons(layout.nav, ctx).last, last.rect.maxX + pw + 2 <= layout.nav.maxX {
            buf.put(progress, x: layout.nav.maxX - pw - 1, y: layout.nav.y, style: theme.muted)
        }
    }

    /// "Case study, question 2 of 3" for a question that belongs to a scenario.
    func caseStudyLabel(_ ctx: AppContext) -> String? {
        guard let id = question.caseStudyID else { return nil }
        let members = session.questions.indices.filter { session.questions[$0].caseStudyID == id }
        let position = (members.firstIndex(of: index) ?? 0) + 1
        return ctx.t("Case study, question \(position) of \(members.count)", "ケーススタディ (\(members.count) 問中 \(position) 問目)")
    }

    func reviewRow(_ i: Int, _ ctx: AppContext, theme: Theme) -> Line {
        let q = session.questions[i]
        let answered = session.answer(at: i) != nil
        let num = String(i + 1)
        let status = answered ? ctx.t("answered  ", "回答済み  ") : ctx.t("unanswered", "未回答    ")
        var line: Line = [
            Span(String(repeating: " ", count: max(0, 3 - num.count)) + num + "  ", style: .bold),
            Span(status, style: answered ? theme.good : theme.warning),
            Span(session.isFlagged(i) ? "  ⚑ " : "    ", style: theme.warning),
            Span("[\(q.id)] ", style: theme.muted),
        ]
        let stem = ContentText.plain(q.stem(ctx.language)).replacingOccurrences(of: "\n", with: " ")
        line.append(Span(stem))
        return line
    }

    func viewReview(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        let rows = Layout.vertical([.length(1), .length(1), .fill(1), .length(1)]).split(area)
        drawHeader(into: &buf, row: rows[0], left: ctx.t("Review before submitting", "提出前の見直し"), ctx, theme: theme)
        let un = session.unanswered().count, fl = session.flagged().count
        if let banner {
            buf.put(" " + banner, x: rows[1].x, y: rows[1].y, style: Style(fg: .yellow, [.reverse, .bold]), maxWidth: rows[1].width)
        } else {
            // The filter tabs double as the summary; the one shown is highlighted.
            let tabs: [(ReviewFilter, String)] = [
                (.all, ctx.t("All \(session.count)", "すべて \(session.count)")),
                (.unanswered, ctx.t("Unanswered \(un)", "未回答 \(un)")),
                (.flagged, ctx.t("Flagged \(fl)", "フラグあり \(fl)")),
            ]
            var x = rows[1].x + 1
            for (filter, label) in tabs {
                let text = " \(label) "
                buf.put(text, x: x, y: rows[1].y, style: filter == reviewFilter ? theme.key.with(.reverse) : .bold,
                        maxWidth: max(0, rows[1].maxX - x))
                x += DisplayWidth.of(text) + 1
            }
        }
        let list = QuizRunLayout.reviewList(area)
        let shown = reviewIndices
        if shown.isEmpty {
            let none = reviewFilter == .flagged ? ctx.t("No flagged questions.", "フラグを付けた問題はありません。")
                : ctx.t("Every question is answered.", "すべての問題に回答済みです。")
            buf.put(none, x: list.x, y: list.y, style: theme.muted, maxWidth: list.width)
        } else {
            let items = shown.map { reviewRow($0, ctx, theme: theme) }
            ListView(items: items, selected: reviewSelected, previousOffset: reviewOffset, height: list.height, theme: theme).render(list, into: &buf)
        }
        let help = ctx.t("Enter open · Tab filter · f flag · s submit · Esc back", "Enter 開く · Tab 絞り込み · f フラグ · s 提出 · Esc 戻る")
        buf.put(help, x: rows[3].x + 1, y: rows[3].y, style: theme.muted, maxWidth: rows[3].width - 1)
    }
}

/// Where things go on the quiz screen; shared by drawing and mouse handling.
struct QuizRunLayout {
    var header: Rect
    var banner: Rect
    var scenario: Rect
    var question: Rect
    var nav: Rect

    init(area: Rect, hasCaseStudy: Bool, banner hasBanner: Bool) {
        let rows = Layout.vertical([.length(1), .length(hasBanner ? 1 : 0), .length(1), .fill(1), .length(1)]).split(area)
        header = rows[0]
        banner = rows[1]
        nav = rows[4]
        let body = rows[3].inset(left: 1)
        if hasCaseStudy {
            let cols = Layout.horizontal([.percentage(38), .fill(1)], spacing: 1).split(body)
            scenario = cols[0]
            question = cols[1]
        } else {
            scenario = .zero
            question = body
        }
    }

    enum Action { case previous, next, flag, review, check }
    struct Button { var label: String; var rect: Rect; var action: Action }

    static func navButtons(_ row: Rect, _ ctx: AppContext) -> [Button] {
        let labels: [(String, Action)] = [
            (ctx.t("◂ Prev", "◂ 前へ"), .previous), (ctx.t("Next ▸", "次へ ▸"), .next),
            (ctx.t("⚑ Flag", "⚑ フラグ"), .flag), (ctx.t("Review", "見直し"), .review),
        ]
        var x = row.x + 1
        return labels.map { label, action in
            let text = "[\(label)]"
            let w = DisplayWidth.of(text)
            defer { x += w + 1 }
            return Button(label: text, rect: Rect(x: x, y: row.y, width: w, height: 1), action: action)
        }
    }

    static func reviewList(_ area: Rect) -> Rect {
        Layout.vertical([.length(1), .length(1), .fill(1), .length(1)]).split(area)[2].inset(left: 1)
    }
}
