import AIFCore
import Foundation
import SpacedRepetition
import StudyStats
import TerminalUI

/// Progress and readiness, on two pages: Overview (readiness, the review heatmap, streaks, forecast,
/// retention) and Cards & quizzes (cards by state and deck, accuracy by domain, quiz history).
public struct StatsScreen: Screen {
    enum Page: Int, CaseIterable { case overview, cardsAndQuizzes }

    let services: StatsServices
    var page = Page.overview
    var figures: (stats: StudyStats, readiness: Readiness)?
    var loadError: String?

    public init(services: StatsServices, _ ctx: AppContext) {
        self.services = services
        reload(ctx)
    }

    mutating func reload(_ ctx: AppContext) {
        do {
            figures = try services.compute(ctx)
            loadError = nil
        } catch {
            figures = nil
            loadError = "\(error)"
        }
    }

    public func title(_ ctx: AppContext) -> String {
        ctx.t("Stats", "統計") + " · " + (page == .overview ? ctx.t("Overview", "概要") : ctx.t("Cards & quizzes", "カードとクイズ"))
    }

    enum Action { case next, previous, reload, practice, back }

    static let practiceCount = 10

    func bindings(_ ctx: AppContext) -> [KeyBinding<Action>] {
        [
            KeyBinding("Tab ←→", ctx.t("other page", "ページ切替"), footer: true, on: [.key(.tab), .key(.right), .key(.left), .char("l"), .char("h")], .next),
            KeyBinding("p", ctx.t("practise the 3 weakest tasks", "弱い 3 タスクを練習"), footer: true, short: ctx.t("practise weakest", "弱点を練習"),
                       enabled: services.quiz != nil && (figures?.readiness.hasEvidence ?? false), on: [.char("p")], .practice),
            KeyBinding("r", ctx.t("refresh", "更新"), footer: true, on: [.char("r")], .reload),
            KeyBinding("q Esc", ctx.t("back", "戻る"), on: [.char("q"), .key(.escape)], .back),
        ]
    }

    public func keyHelp(_ ctx: AppContext) -> [KeyHelp] { bindings(ctx).help() }

    public mutating func update(_ event: Event, _ ctx: AppContext) -> Transition {
        guard let action: Action = bindings(ctx).action(for: event) else { return .none }
        switch action {
        case .next, .previous: page = page == .overview ? .cardsAndQuizzes : .overview
        case .reload: reload(ctx)
        case .practice: return practiceWeakest(ctx)
        case .back: return .pop
        }
        return .none
    }

    /// A practice quiz on the three weakest task statements; an unfinished quiz is never replaced from here.
    func practiceWeakest(_ ctx: AppContext) -> Transition {
        guard let quiz = services.quiz, let tasks = figures?.readiness.weakestTasks.map(\.id), !tasks.isEmpty else { return .none }
        if (try? quiz.store.unfinishedAttempt()) ?? nil != nil {
            ctx.status = ctx.t("A quiz is unfinished: resume or discard it under Quiz first.", "中断中のクイズがあります。先にクイズで再開するか破棄してください。")
            return .none
        }
        return QuizMenuScreen.start(mode: .practice, filter: PracticeFilter(tasks: Set(tasks), count: Self.practiceCount), services: quiz, ctx)
    }

    public func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        guard let (stats, readiness) = figures else {
            buf.put(ctx.t("Could not read your progress: ", "学習記録を読めません: ") + (loadError ?? ""), x: area.x + 1, y: area.y + 1,
                    style: theme.bad, maxWidth: area.width - 2)
            return
        }
        switch page {
        case .overview: overview(stats, readiness, &buf, area, ctx, theme)
        case .cardsAndQuizzes: cardsAndQuizzes(stats, &buf, area, ctx, theme)
        }
    }

    /// Draws a titled panel and returns its content area.
    func panel(_ title: String, _ rect: Rect, _ buf: inout Buffer, _ theme: Theme) -> Rect {
        Panel(title: title, style: theme.muted, titleStyle: theme.title, theme: theme).render(rect, into: &buf)
        return Panel.inner(of: rect)
    }

    // MARK: Overview

    func overview(_ s: StudyStats, _ r: Readiness, _ buf: inout Buffer, _ area: Rect, _ ctx: AppContext, _ theme: Theme) {
        let rows = Layout.vertical([.length(6), .length(11), .fill(1)]).split(area)
        readinessPanel(r, rows[0], &buf, ctx, theme)

        // The heatmap's full width (27 week columns) comes first; the streak panel takes what is left.
        let middle = Layout.horizontal([.length(60), .fill(1)], spacing: 1).split(rows[1])
        let heat = panel(ctx.t("Reviews, last 26 weeks", "復習 (過去 26 週間)"), middle[0], &buf, theme)
        let months = ctx.isJapanese ? (1...12).map { "\($0)月" } : ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekdays = ctx.isJapanese ? ["月", "火", "水", "木", "金", "土", "日"] : ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
        Heatmap(days: s.days, today: s.today, monthNames: months, weekdayNames: weekdays, todayLabel: ctx.t("today", "今日"), theme: theme)
            .render(heat, into: &buf)

        let side = panel(ctx.t("Streak", "連続学習"), middle[1], &buf, theme)
        let sideLines: [(String, Style)] = [
            (ctx.t("current ", "現在 ") + ctx.count(s.currentStreak, "day", "days", ja: "日"), .bold),
            (ctx.t("longest ", "最長 ") + ctx.count(s.longestStreak, "day", "days", ja: "日"), .plain),
            ("", .plain),
            (ctx.t("today ", "今日 ") + ctx.count(s.reviewsToday, "review", "reviews", ja: "回"), .plain),
            (ctx.t("per day, 30 d", "30 日の平均"), theme.muted),
            (String(format: ctx.t("  %.1f reviews", "  復習 %.1f 回"), s.reviewsPerDay), .plain),
            (String(format: ctx.t("  %.1f min", "  %.1f 分"), s.secondsPerDay / 60), .plain),
        ]
        for (i, line) in sideLines.enumerated() where i < side.height {
            buf.put(line.0, x: side.x, y: side.y + i, style: line.1, maxWidth: side.width)
        }

        let bottom = panel(ctx.t("Due in the next 30 days · true retention", "今後 30 日の期限 · 実際の記憶率"), rows[2], &buf, theme)
        guard bottom.height > 0 else { return }
        let spark = Rect(x: bottom.x, y: bottom.y, width: min(30, bottom.width), height: 1)
        Sparkline(s.forecast.map(Double.init), style: theme.accent, theme: theme).render(spark, into: &buf)
        let total = s.forecast.reduce(0, +)
        buf.put(ctx.t("  today \(s.forecast[0]) · tomorrow \(s.forecast[1]) · 30 days \(total)",
                      "  今日 \(s.forecast[0]) · 明日 \(s.forecast[1]) · 30 日 \(total)"),
                x: spark.maxX, y: bottom.y, maxWidth: bottom.maxX - spark.maxX)
        if bottom.height > 1 {
            let y = s.retentionYoung, m = s.retentionMature
            buf.put(ctx.t("Passed, last 30 days: young cards \(StatsServices.percent(y.rate)) of \(y.total) · mature \(StatsServices.percent(m.rate)) of \(m.total)",
                          "過去 30 日の正解率: 若いカード \(StatsServices.percent(y.rate)) (\(y.total) 回) · 成熟 \(StatsServices.percent(m.rate)) (\(m.total) 回)"),
                    x: bottom.x, y: bottom.y + 1, maxWidth: bottom.width)
        }
    }

    func readinessPanel(_ r: Readiness, _ rect: Rect, _ buf: inout Buffer, _ ctx: AppContext, _ theme: Theme) {
        let inner = panel(ctx.t("Readiness: estimated exam score", "合格見込み: 推定スコア"), rect, &buf, theme)
        guard inner.height >= 3 else { return }
        var x = inner.x
        x += buf.put(StatsServices.readinessLine(r, ctx), x: x, y: inner.y, style: r.low >= r.passingScore ? theme.good : .bold)
        buf.put(ctx.t("  pass at \(r.passingScore)", "  合格 \(r.passingScore) 点"), x: x, y: inner.y, style: theme.muted, maxWidth: inner.maxX - x)
        guard r.hasEvidence else {
            Paragraph(ctx.t("No quiz answers or studied cards yet, so this is only a starting guess. Answer a few quizzes and the range narrows.",
                            "まだクイズの回答も学習済みのカードもないため、初期値にすぎません。クイズに答えると範囲が狭まります。"),
                      style: theme.muted, width: inner.width)
                .render(Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1), into: &buf)
            return
        }
        if let w = r.weakestDomain {
            buf.put(ctx.t("Weakest domain: ", "最も弱い分野: ") + services.domainTitle(w.id, ctx) + " " + StatsServices.percent(w.mean),
                    x: inner.x, y: inner.y + 1, maxWidth: inner.width)
        }
        let tasks = r.weakestTasks.map { "\($0.id) \(StatsServices.percent($0.mean))" }.joined(separator: " · ")
        buf.put(ctx.t("Weakest tasks: ", "弱いタスク: ") + tasks, x: inner.x, y: inner.y + 2, maxWidth: inner.width)
        if inner.height > 3 {
            buf.put(ctx.t("From \(r.answersUsed) quiz answers (recent ones count more) and your cards' recall.",
                          "クイズの回答 \(r.answersUsed) 件 (最近ほど重視) とカードの記憶から推定。"),
                    x: inner.x, y: inner.y + 3, style: theme.muted, maxWidth: inner.width)
        }
    }

    // MARK: Cards & quizzes

    func cardsAndQuizzes(_ s: StudyStats, _ buf: inout Buffer, _ area: Rect, _ ctx: AppContext, _ theme: Theme) {
        let rows = Layout.vertical([.length(11), .fill(1)]).split(area)
        let top = Layout.horizontal([.fill(1), .fill(1)], spacing: 1).split(rows[0])

        let cards = panel(ctx.t("Cards", "カード"), top[0], &buf, theme)
        let st = s.states
        buf.put(ctx.t("new \(st.new) · learning \(st.learning) · relearning \(st.relearning)",
                      "新規 \(st.new) · 学習中 \(st.learning) · 再学習 \(st.relearning)"),
                x: cards.x, y: cards.y, maxWidth: cards.width)
        buf.put(ctx.t("young \(st.young) · mature \(st.mature) (interval 21 days or more)", "若い \(st.young) · 成熟 \(st.mature) (間隔 21 日以上)"),
                x: cards.x, y: cards.y + 1, maxWidth: cards.width)
        let numbers = 14
        buf.put(ctx.t("deck", "デッキ"), x: cards.x, y: cards.y + 3, style: theme.muted)
        buf.put(ctx.t("studied  mature", "学習済み  成熟"), x: cards.maxX - numbers - 1, y: cards.y + 3, style: theme.muted, maxWidth: numbers + 1)
        for (i, d) in s.decks.enumerated() where cards.y + 4 + i < cards.maxY {
            let y = cards.y + 4 + i
            buf.put(d.title(ctx.language), x: cards.x, y: y, maxWidth: cards.width - numbers - 2)
            buf.put(String(format: "%3d/%-3d %5d", d.studied, d.size, d.mature), x: cards.maxX - numbers, y: y, maxWidth: numbers)
        }

        let domains = panel(ctx.t("Quiz accuracy by domain", "分野別の正答率"), top[1], &buf, theme)
        for (i, d) in s.domains.enumerated() where domains.y + i * 2 + 1 < domains.maxY {
            let y = domains.y + i * 2
            buf.put(services.domainTitle(d.id, ctx), x: domains.x, y: y, maxWidth: domains.width)
            let label = d.total == 0 ? ctx.t("no answers", "回答なし") : "\(StatsServices.percent(d.rate)) (\(d.correct)/\(d.total))"
            Gauge(ratio: d.rate ?? 0, label: label, style: (d.rate ?? 0) >= 0.7 ? theme.good : theme.warning, theme: theme)
                .render(Rect(x: domains.x + 2, y: y + 1, width: domains.width - 2, height: 1), into: &buf)
        }

        let history = panel(ctx.t("Exam simulations (scaled score) · practice apart", "模擬試験 (スケールスコア) · 練習は別"), rows[1], &buf, theme)
        guard history.height >= 3 else { return }
        let parts = Layout.vertical([.fill(1), .length(1)]).split(history)
        if s.exams.isEmpty {
            buf.put(ctx.t("No exam simulation yet: Quiz → Exam simulation.", "まだ模擬試験はありません: クイズ → 模擬試験"),
                    x: history.x, y: history.y, style: theme.muted, maxWidth: history.width)
        } else {
            let bp = services.library.blueprint
            let n = Double(max(2, s.exams.count))
            // From 400 when every score is above it: the pass line then sits on the middle tick, labelled 700.
            let floor = s.exams.allSatisfy { $0.scaledScore >= 400 } ? 400.0 : Double(bp.minScore)
            let pass = ChartSeries(name: "pass", points: [(1, Double(s.passingScore)), (n, Double(s.passingScore))], style: theme.warning,
                                   asciiMarker: "-", dashed: true)
            let exams = ChartSeries(name: "exam", points: s.exams.enumerated().map { (Double($0.offset + 1), Double($0.element.scaledScore)) },
                                    style: theme.accent.with(.bold), asciiMarker: "*")
            let chart = Layout.horizontal([.fill(1), .length(16)], spacing: 1).split(parts[0])
            LineChart(series: [pass, exams], xBounds: 1...n, yBounds: floor...Double(bp.maxScore), xTitle: ctx.t("exam", "回"), theme: theme)
                .render(chart[0], into: &buf)
            // The pass line is labelled where it is, not only in a legend.
            let passRow = chart[0].y + Int(((Double(bp.maxScore - s.passingScore) / (Double(bp.maxScore) - floor)) * Double(max(1, chart[0].height - 3))).rounded(.down))
            buf.put((theme.unicode ? "┄ " : "- ") + ctx.t("pass \(s.passingScore)", "合格 \(s.passingScore)"), x: chart[1].x, y: passRow, style: theme.warning, maxWidth: chart[1].width)
            let last = s.exams.suffix(3).map { "\($0.scaledScore)" }.joined(separator: " ")
            buf.put(ctx.t("last ", "直近 ") + last, x: chart[1].x, y: chart[1].y, maxWidth: chart[1].width)
        }
        let practice = s.practice.suffix(8).map { "\($0.correct)/\($0.total)" }.joined(separator: " ")
        buf.put(ctx.t("Practice (\(s.practice.count)): ", "練習 (\(s.practice.count) 回): ") + (practice.isEmpty ? "–" : practice),
                x: parts[1].x, y: parts[1].y, style: theme.muted, maxWidth: parts[1].width)
    }
}
