import AIFCore
import Foundation
import TerminalUI

/// Finished attempts: the scaled score over time as a chart (with the pass mark), and a list to reopen
/// any attempt's results. The store is read by jobs: the history when the screen appears, an attempt
/// when it is opened.
public struct QuizHistoryScreen: Screen {
    let services: QuizServices
    var entries: [QuizHistoryEntry] = []
    var selected = 0
    var offset = 0
    /// False until the first read answers.
    var loaded = false
    var loadError: String?

    /// The history as read, or why it could not be.
    struct Loaded { var entries: Result<[QuizHistoryEntry], any Error> }
    /// A finished attempt to show, or why it cannot be.
    struct Opened { var attempt: Result<(QuizAttempt, QuizResult), any Error> }
    struct NotFound: Error, CustomStringConvertible { var description: String { "it is no longer stored" } }

    public init(services: QuizServices) { self.services = services }

    public mutating func appear(_ ctx: AppContext) {
        let store = services.store
        // On the quiz lane: after the write of a quiz just finished.
        ctx.perform(.run(Job(key: "history", lane: "quiz") { _ in Loaded(entries: Result { try store.history() }) }))
    }

    public func title(_ ctx: AppContext) -> String { ctx.t("History", "履歴") }

    public func keyHelp(_ ctx: AppContext) -> [KeyHelp] {
        [KeyHelp("↑↓ Enter", ctx.t("open results", "結果を開く"), footer: true)]
    }

    static func split(_ area: Rect) -> (chart: Rect, list: Rect) {
        let rows = Layout.vertical([.percentage(55), .fill(1)], spacing: 0).split(area)
        return (rows[0], rows[1].inset(top: 1, left: 1))
    }

    public mutating func update(_ event: Event, _ ctx: AppContext) -> Transition {
        let list = Self.split(ctx.bodyArea).list
        switch event {
        case .message(let m):
            if let l = m.payload(as: Loaded.self) {
                switch l.entries {
                case .success(let e):
                    // The newest is selected at first; a re-read (coming back) keeps the place.
                    selected = loaded ? min(selected, max(0, e.count - 1)) : max(0, e.count - 1)
                    entries = e
                    loadError = nil
                case .failure(let error):
                    loadError = "\(error)"
                }
                loaded = true
            } else if let o = m.payload(as: Opened.self) {
                switch o.attempt {
                case .success(let (attempt, result)): return .push(QuizResultsScreen(attempt: attempt, result: result, services: services))
                case .failure(let error): ctx.status = ctx.t("Cannot open this attempt: \(error)", "この回を開けません: \(error)")
                }
            }
        case .key(.up), .char("k"): selected = max(0, selected - 1)
        case .key(.down), .char("j"): selected = min(max(0, entries.count - 1), selected + 1)
        case .key(.enter), .key(.right), .char("l"): return open(selected, ctx)
        case .key(.escape), .char("q"): return .pop
        case .mouse(let m) where m.kind == .press:
            let lv = ListView(items: Array(repeating: [], count: entries.count), selected: selected, previousOffset: offset, height: list.height, theme: .standard)
            if let row = lv.rowAt(m.position, in: list) { selected = row; return open(row, ctx) }
        default: break
        }
        offset = ListView(items: Array(repeating: [], count: entries.count), selected: selected, previousOffset: offset, height: list.height, theme: .standard).offset
        return .none
    }

    /// Reads the attempt in a job; its results open when it answers.
    func open(_ i: Int, _ ctx: AppContext) -> Transition {
        guard entries.indices.contains(i) else { return .none }
        let (store, library, id) = (services.store, services.library, entries[i].id)
        ctx.perform(.run(Job(key: "open") { _ in
            Opened(attempt: Result {
                guard let attempt = try store.finishedAttempt(id: id) else { throw NotFound() }
                return (attempt, try QuizSession(attempt: attempt, library: library).result(blueprint: library.blueprint))
            })
        }))
        return .none
    }

    /// The scores of each quiz mode as its own series, at each attempt's position in the whole history.
    static func trendSeries(_ entries: [QuizHistoryEntry], theme: Theme) -> [(mode: QuizMode, series: ChartSeries)] {
        let styles: [QuizMode: (Style, Character)] = [
            .exam: (theme.accent.with(.bold), "*"), .practice: (theme.good, "o"), .mistakes: (theme.bad, "x"), .quick: (Style(fg: .magenta), "+"),
        ]
        return QuizMode.allCases.compactMap { mode in
            let points = entries.enumerated().filter { $0.element.mode == mode }.map { (x: Double($0.offset + 1), y: Double($0.element.scaledScore)) }
            guard !points.isEmpty, let (style, marker) = styles[mode] else { return nil }
            return (mode, ChartSeries(name: mode.rawValue, points: points, style: style, asciiMarker: marker))
        }
    }

    public func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        let (chartArea, list) = Self.split(area)
        Panel(title: ctx.t("Scaled score by attempt", "回ごとのスケールスコア"), style: theme.muted, titleStyle: theme.title, theme: theme)
            .render(chartArea, into: &buf)
        let inner = Panel.inner(of: chartArea)
        guard loaded else {
            buf.put(ctx.t("Reading the history…", "履歴を読み込んでいます…"), x: inner.x, y: inner.y, style: theme.muted, maxWidth: inner.width)
            return
        }
        if let loadError {
            buf.put(ctx.t("Could not read the history: ", "履歴を読めません: ") + loadError, x: inner.x, y: inner.y, style: theme.bad, maxWidth: inner.width)
            return
        }
        if entries.isEmpty {
            Paragraph(ctx.t("No finished quizzes yet. Finish an exam simulation or a practice quiz to see your scores here.",
                            "まだ終了したクイズはありません。模擬試験か練習を終えると、ここにスコアが表示されます。"), style: theme.muted, width: inner.width)
                .render(inner, into: &buf)
            return
        }
        let bp = services.library.blueprint
        let n = Double(max(2, entries.count))
        // One line per kind of quiz: a 5-question practice and a full exam are not one trend.
        let kinds = Self.trendSeries(entries, theme: theme)
        let pass = ChartSeries(name: "pass", points: [(1, Double(bp.passingScore)), (n, Double(bp.passingScore))], style: theme.warning,
                               asciiMarker: "-", dashed: true)
        let rows = Layout.vertical([.fill(1), .length(1)]).split(inner)
        LineChart(series: [pass] + kinds.map(\.series), xBounds: 1...n, yBounds: Double(bp.minScore)...Double(bp.maxScore), xTitle: ctx.t("attempt", "回"), theme: theme)
            .render(rows[0], into: &buf)
        // The legend names every line, the pass mark included.
        var legend: [(String, Style)] = kinds.map { ((theme.unicode ? "━ " : "* ") + $0.mode.title(ctx), $0.series.style) }
        legend.append(((theme.unicode ? "┄ " : "- ") + ctx.t("pass mark \(bp.passingScore)", "合格点 \(bp.passingScore)"), theme.warning))
        var lx = rows[1].x
        for (text, style) in legend {
            lx += buf.put(text + "   ", x: lx, y: rows[1].y, style: style, maxWidth: max(0, rows[1].maxX - lx))
        }

        let items: [Line] = entries.map { e in
            let f = DateFormatter()
            f.dateFormat = "yyyy-MM-dd HH:mm"
            f.timeZone = TimeZone.current
            return [Span(f.string(from: e.finishedAt) + "  ", style: theme.muted),
                    Span(String(format: "%4d ", e.scaledScore), style: .bold),
                    Span(e.passed ? ctx.t("pass ", "合格 ") : ctx.t("fail ", "不合格 "), style: e.passed ? theme.good : theme.bad),
                    Span(" \(e.correct)/\(e.total)  "), Span(e.mode.title(ctx), style: theme.muted)]
        }
        ListView(items: items, selected: selected, previousOffset: offset, height: list.height, theme: theme).render(list, into: &buf)
    }
}
