import AIFCore
import Foundation
import SpacedRepetition
import StudyStats
import TerminalUI

/// Progress and readiness, on three pages: Overview (readiness, the review heatmap, streaks, forecast,
/// retention), Days (reviews and time, day by day) and Cards & quizzes (cards by state and deck, accuracy
/// by domain, quiz history). The figures are computed by a job each time the screen shows.
public struct StatsScreen: Screen {
    enum Page: Int, CaseIterable { case overview, days, cardsAndQuizzes }

    /// What the bottom line is asking, if anything.
    enum Prompt: Equatable {
        /// `p`: a quiz or a card session on the three weakest tasks.
        case practice
        /// `x`: the Anki export's path and language.
        case export(path: String, language: AnkiExportRequest.Language, withProgress: Bool)
    }

    let services: StatsServices
    var page = Page.overview
    var figures: (stats: StudyStats, readiness: Readiness)?
    var unfinishedQuiz = false
    var loadError: String?
    var prompt: Prompt?
    /// A card session on the weakest tasks waits for this read of the store.
    var startingCards = false

    public init(services: StatsServices) {
        self.services = services
    }

    public var capturesText: Bool { if case .export = prompt { true } else { false } }

    public mutating func appear(_ ctx: AppContext) { ctx.perform(services.loadFigures(ctx)) }

    public func title(_ ctx: AppContext) -> String {
        let name = switch page {
        case .overview: ctx.t("Overview", "概要")
        case .days: ctx.t("Days", "日別")
        case .cardsAndQuizzes: ctx.t("Cards & quizzes", "カードとクイズ")
        }
        return ctx.t("Stats", "統計") + " · " + name
    }

    enum Action { case next, previous, reload, practice, quiz, cards, cancel, export, back }

    static let practiceCount = 10

    var weakestTasks: [String] { figures?.readiness.weakestTasks.map(\.id) ?? [] }

    func bindings(_ ctx: AppContext) -> [KeyBinding<Action>] {
        if prompt == .practice {
            return [
                KeyBinding("1", ctx.t("a practice quiz on them", "その練習クイズ"), footer: true, priority: 80, enabled: services.quiz != nil,
                           on: [.char("1"), .char("p")], .quiz),
                KeyBinding("2", ctx.t("a card session on them", "そのカード学習"), footer: true, priority: 80, enabled: services.flashcards != nil,
                           on: [.char("2"), .char("c")], .cards),
                KeyBinding("Esc q", ctx.t("cancel", "取り消す"), footer: true, priority: 70, on: [.key(.escape), .char("q")], .cancel),
            ]
        }
        return [
            KeyBinding("Tab ←→", ctx.t("other page", "ページ切替"), footer: true, on: [.key(.tab), .key(.right), .char("l")], .next),
            KeyBinding("⇧Tab", ctx.t("previous page", "前のページ"), on: [.key(.backTab), .key(.left), .char("h")], .previous),
            KeyBinding("p", ctx.t("practise the 3 weakest tasks (quiz or cards)", "弱い 3 タスクを練習 (クイズかカード)"), footer: true,
                       short: ctx.t("practise weakest", "弱点を練習"),
                       enabled: (services.quiz != nil || services.flashcards != nil) && (figures?.readiness.hasEvidence ?? false) && !weakestTasks.isEmpty,
                       on: [.char("p")], .practice),
            KeyBinding("x", ctx.t("export the cards to Anki (.apkg)", "カードを Anki に書き出す (.apkg)"), footer: true, priority: 40,
                       short: ctx.t("Anki export", "Anki へ"), enabled: services.exportAnki != nil, on: [.char("x")], .export),
            KeyBinding("r", ctx.t("refresh", "更新"), footer: true, priority: 30, on: [.char("r")], .reload),
            KeyBinding("q Esc", ctx.t("back", "戻る"), on: [.char("q"), .key(.escape)], .back),
        ]
    }

    public func keyHelp(_ ctx: AppContext) -> [KeyHelp] {
        if case .export = prompt {
            return [KeyHelp("Enter", ctx.t("write the package", "書き出す"), footer: true, priority: 80),
                    KeyHelp("Tab", ctx.t("language: en, ja, both", "言語: en・ja・both"), footer: true, priority: 70),
                    KeyHelp("↑↓", ctx.t("with or without your progress", "進捗を含める/含めない"), footer: true, priority: 60),
                    KeyHelp("Esc", ctx.t("cancel", "取り消す"), footer: true, priority: 75),
                    // While typing the path, letters (q too) go into it.
                    KeyHelp("q", ctx.t("typed into the path", "パスに入力されます"))]
        }
        return bindings(ctx).help()
    }

    public mutating func update(_ event: Event, _ ctx: AppContext) -> Transition {
        if case .message(let m) = event {
            if let loaded = m.payload(as: StatsLoaded.self) {
                switch loaded.result {
                case .success(let f):
                    figures = (f.stats, f.readiness)
                    unfinishedQuiz = f.unfinishedQuiz
                    loadError = nil
                case .failure(let error):
                    figures = nil
                    loadError = "\(error)"
                }
            } else if let loaded = m.payload(as: SnapshotLoaded.self), startingCards {
                startingCards = false
                switch loaded.result {
                case .success(let snapshot):
                    guard let cards = services.flashcards, !weakestTasks.isEmpty else { return .none }
                    return .push(StudyScreen(scope: .tasks(Set(weakestTasks)), services: cards, snapshot: snapshot, ctx: ctx))
                case .failure(let error):
                    ctx.status = ctx.t("Could not read your progress: ", "学習記録を読めません: ") + "\(error)"
                }
            } else if let started = m.payload(as: QuizMenuScreen.Started.self), let quiz = services.quiz {
                return started.transition(quiz, ctx) { .push($0) }
            }
            return .none
        }
        if case .export(var path, var language, var withProgress) = prompt {
            switch event {
            case .key(.escape): prompt = nil
            case .key(.enter): return startExport(path: path, language: language, withProgress: withProgress, ctx)
            case .key(.tab):
                let all = AnkiExportRequest.Language.allCases
                language = all[(all.firstIndex(of: language)! + 1) % all.count]
            case .key(.up), .key(.down): withProgress.toggle()
            case .key(.backspace): if !path.isEmpty { path.removeLast() }
            case .key(.character(let c)): path.append(c)
            default: break
            }
            if prompt != nil { prompt = .export(path: path, language: language, withProgress: withProgress) }
            return .none
        }
        guard let action: Action = bindings(ctx).action(for: event) else { return .none }
        let pages = Page.allCases
        switch action {
        case .next: page = pages[(page.rawValue + 1) % pages.count]
        case .previous: page = pages[(page.rawValue + pages.count - 1) % pages.count]
        case .reload: ctx.perform(services.loadFigures(ctx))
        case .practice: prompt = .practice
        case .cancel: prompt = nil
        case .quiz:
            prompt = nil
            return practiceWeakest(ctx)
        case .cards:
            prompt = nil
            guard let cards = services.flashcards, !weakestTasks.isEmpty else { break }
            startingCards = true
            ctx.perform(cards.loadSnapshot(ctx))
        case .export: prompt = .export(path: "~/aifprep.apkg", language: ctx.isJapanese ? .ja : .en, withProgress: false)
        case .back: return .pop
        }
        return .none
    }

    /// A practice quiz on the three weakest task statements; an unfinished quiz is never replaced from here.
    func practiceWeakest(_ ctx: AppContext) -> Transition {
        guard let quiz = services.quiz, !weakestTasks.isEmpty else { return .none }
        if unfinishedQuiz {
            ctx.status = ctx.t("A quiz is unfinished: resume or discard it under Quiz first.", "中断中のクイズがあります。先にクイズで再開するか破棄してください。")
            return .none
        }
        // Drawn and saved in a job; the quiz opens when `Started` comes back.
        QuizMenuScreen.start(mode: .practice, filter: PracticeFilter(tasks: Set(weakestTasks), count: Self.practiceCount), services: quiz, ctx)
        return .none
    }

    /// Runs the export off the loop; its result is the app's (shown in the footer even if the learner has left).
    mutating func startExport(path: String, language: AnkiExportRequest.Language, withProgress: Bool, _ ctx: AppContext) -> Transition {
        guard let export = services.exportAnki else { return .none }
        prompt = nil
        let request = AnkiExportRequest(path: path, language: language, withProgress: withProgress, now: ctx.now(),
                                        dayStartHour: ctx.settings.dayStartHour)
        let ja = ctx.isJapanese
        ctx.status = ja ? "Anki パッケージを書き出しています…" : "Writing the Anki package…"
        ctx.performForApp(.run(Job(key: "anki-export", lane: "export") { _ in
            do {
                let s = try export(request)
                return StatusReport(ja ? "\(s.path) に書き出しました: ノート \(s.notes) 件、デッキ \(s.decks) 個" + (request.withProgress ? "、復習 \(s.reviews) 回" : "")
                                       : "Wrote \(s.path): \(s.notes) notes in \(s.decks) decks" + (request.withProgress ? ", \(s.reviews) reviews" : ""))
            } catch {
                return StatusReport((ja ? "書き出せませんでした: " : "Could not export: ") + "\(error)")
            }
        }))
        return .none
    }

    public func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        guard let (stats, readiness) = figures else {
            if let loadError {
                buf.put(ctx.t("Could not read your progress: ", "学習記録を読めません: ") + loadError, x: area.x + 1, y: area.y + 1,
                        style: theme.bad, maxWidth: area.width - 2)
            } else {
                buf.put(ctx.t("Reading your progress…", "学習記録を読み込み中…"), x: area.x + 1, y: area.y + 1, style: theme.muted, maxWidth: area.width - 2)
            }
            return
        }
        let body = prompt == nil ? area : Rect(x: area.x, y: area.y, width: area.width, height: area.height - 1)
        switch page {
        case .overview: overview(stats, readiness, &buf, body, ctx, theme)
        case .days: daysPage(stats, &buf, body, ctx, theme)
        case .cardsAndQuizzes: cardsAndQuizzes(stats, &buf, body, ctx, theme)
        }
        if let prompt { promptLine(prompt, &buf, area.row(area.height - 1), ctx, theme) }
    }

    func promptLine(_ prompt: Prompt, _ buf: inout Buffer, _ row: Rect, _ ctx: AppContext, _ theme: Theme) {
        buf.fill(row)
        switch prompt {
        case .practice:
            let tasks = weakestTasks.joined(separator: ", ")
            var parts = [ctx.t("Practise \(tasks):", "\(tasks) を練習:")]
            if services.quiz != nil { parts.append(ctx.t("1 a \(Self.practiceCount)-question quiz", "1 \(Self.practiceCount) 問のクイズ")) }
            if services.flashcards != nil { parts.append(ctx.t("2 their cards", "2 そのカード")) }
            parts.append(ctx.t("Esc cancel", "Esc 取り消し"))
            buf.put(" " + parts.joined(separator: "  "), x: row.x, y: row.y, style: theme.accent.with(.bold), maxWidth: row.width)
        case .export(let path, let language, let withProgress):
            var x = row.x + 1
            x += buf.put(ctx.t("Anki package: ", "Anki パッケージ: "), x: x, y: row.y, style: theme.accent.with(.bold))
            x += buf.put(path + "▏", x: x, y: row.y, style: Style(.underline), maxWidth: max(0, row.maxX - x - 30))
            let rest = ctx.t("  lang \(language.rawValue) (Tab) · progress \(withProgress ? "yes" : "no") (↑↓)",
                             "  言語 \(language.rawValue) (Tab) · 進捗 \(withProgress ? "含める" : "含めない") (↑↓)")
            buf.put(rest, x: x, y: row.y, style: theme.muted, maxWidth: max(0, row.maxX - x))
        }
    }

    // MARK: Days

    /// Reviews and answer time, one row per study day, newest first, as many days as fit.
    func daysPage(_ s: StudyStats, _ buf: inout Buffer, _ area: Rect, _ ctx: AppContext, _ theme: Theme) {
        let inner = panel(ctx.t("Reviews and time per day", "日ごとの復習回数と時間"), area, &buf, theme)
        guard inner.height >= 3 else { return }
        let weekdays = ctx.isJapanese ? ["月", "火", "水", "木", "金", "土", "日"] : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        buf.put(CardBrowserScreen.pad(ctx.t("day", "日付"), 16) + ctx.t("reviews   minutes", "   復習         分"), x: inner.x, y: inner.y, style: theme.muted.with(.underline), maxWidth: inner.width)
        let shown = Array(s.days.reversed().prefix(inner.height - 2))
        let busiest = max(1, shown.map(\.reviews).max() ?? 1)
        let barWidth = max(0, inner.width - 37)
        for (i, d) in shown.enumerated() {
            let y = inner.y + 1 + i
            let label = weekdays[Heatmap.weekday(d.date)] + " " + String(format: "%02d-%02d", d.date.month, d.date.day)
            let isToday = d.date == s.today
            buf.put(CardBrowserScreen.pad(label + (isToday ? ctx.t(" today", " 今日") : ""), 16), x: inner.x, y: y, style: isToday ? theme.accent : .plain)
            buf.put(String(format: "%7d   %7.1f", d.reviews, d.seconds / 60), x: inner.x + 16, y: y, style: d.reviews == 0 ? theme.muted : .bold)
            let n = d.reviews == 0 ? 0 : max(1, d.reviews * barWidth / busiest)
            buf.put(String(repeating: theme.unicode ? "█" : "#", count: n), x: inner.x + 36, y: y, style: theme.good, maxWidth: barWidth)
        }
        let total = s.days.suffix(30)
        let reviews = total.reduce(0) { $0 + $1.reviews }, minutes = total.reduce(0) { $0 + $1.seconds } / 60
        buf.put(String(format: ctx.t("Last 30 days: %d reviews, %.0f minutes (%.1f a day)", "過去 30 日: 復習 %d 回、%.0f 分 (1 日 %.1f 回)"),
                       reviews, minutes, s.reviewsPerDay),
                x: inner.x, y: inner.maxY - 1, style: theme.muted, maxWidth: inner.width)
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
                      "新規 \(st.new) · 学習中 \(st.learning) · 再学習 \(st.relearning)")
                + (st.suspended > 0 ? ctx.t(" · suspended \(st.suspended)", " · 停止中 \(st.suspended)") : ""),
                x: cards.x, y: cards.y, maxWidth: cards.width)
        buf.put(ctx.t("young \(st.young) · mature \(st.mature) (interval 21 days or more)", "若い \(st.young) · 成熟 \(st.mature) (間隔 21 日以上)"),
                x: cards.x, y: cards.y + 1, maxWidth: cards.width)
        let numbers = 20
        buf.put(ctx.t("deck", "デッキ"), x: cards.x, y: cards.y + 3, style: theme.muted)
        buf.put(ctx.t("  size studied mature", "  枚数  学習済   成熟"), x: cards.maxX - numbers - 1, y: cards.y + 3, style: theme.muted, maxWidth: numbers + 1)
        for (i, d) in s.decks.enumerated() where cards.y + 4 + i < cards.maxY {
            let y = cards.y + 4 + i
            buf.put(d.title(ctx.language), x: cards.x, y: y, maxWidth: cards.width - numbers - 2)
            buf.put(String(format: "%5d %7d %6d", d.size, d.studied, d.mature), x: cards.maxX - numbers, y: y, maxWidth: numbers)
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
