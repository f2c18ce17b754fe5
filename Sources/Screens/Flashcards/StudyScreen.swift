import AIFCore
import Foundation
import SpacedRepetition
import TerminalUI

/// Studies one scope: front, then back, then a rating; each rating is saved before the next card shows.
/// When nothing is left it shows the session summary.
public struct StudyScreen: Screen {
    public private(set) var session: StudySession
    let services: FlashcardsServices
    public private(set) var revealed = false
    public private(set) var selected: Rating = .good
    /// When the current card's front appeared, for the answer time in the log.
    var shownAt: Date
    var scroll = 0
    /// The change being written off the loop; keys wait for it (a card shows only once the last is saved).
    private(set) var pending: StudySession.PendingChange?

    /// What a store write returned: the new log row's id, or why it failed.
    struct Written: @unchecked Sendable { var result: Result<Int64?, any Error> }

    /// Asking "skip this card until tomorrow?" (a skipped card is gone for the day, so it confirms first).
    public private(set) var confirmingSkip = false

    /// A session from a snapshot the hub read off the loop: building it reads neither the store nor a clock.
    public init(scope: StudyScope, services: FlashcardsServices, snapshot: ProgressSnapshot, ctx: AppContext, extraNewCards: Int = 0) {
        let now = ctx.now()
        // A different fuzz sequence per session, reproducible from the injected seed and the event time.
        let seed = services.seed ^ UInt64(bitPattern: Int64(now.timeIntervalSince1970))
        session = StudySession(
            cards: services.library.cards, scope: scope, snapshot: snapshot, store: services.store, settings: ctx.settings,
            now: now, seed: seed, timeZone: services.timeZone, extraNewCards: extraNewCards)
        self.services = services
        shownAt = now
    }

    public var isFinished: Bool { session.current == nil }

    public func title(_ ctx: AppContext) -> String {
        isFinished ? ctx.t("Summary", "まとめ") : session.scope.title(in: services.library, ctx.language)
    }

    var sandboxPreset: String? {
        guard let id = session.currentCard?.sandboxPresetID, services.openSandbox != nil else { return nil }
        return id
    }

    enum Action { case done, undo, back, reveal, rate, choose, scroll, skip, sandbox, confirmSkip, cancelSkip }

    /// The keys of this screen: the update acts on exactly these, and the help overlay and footer show them.
    func bindings(_ ctx: AppContext) -> [KeyBinding<Action>] {
        if isFinished {
            return [
                KeyBinding("Enter Space q Esc", ctx.t("done", "終了"), footer: true, priority: 80,
                           on: [.key(.enter), .char(" "), .char("q"), .key(.escape)], .done),
                KeyBinding("u", ctx.t("undo the last rating", "直前の評価を取り消す"), on: [.char("u")], .undo),
            ]
        }
        if confirmingSkip {
            return [
                KeyBinding("y s Enter", ctx.t("yes, skip until tomorrow", "はい、明日まで保留"), footer: true, priority: 80,
                           on: [.char("y"), .char("s"), .key(.enter)], .confirmSkip),
                KeyBinding("n Esc q", ctx.t("no, keep studying it", "いいえ、学習を続ける"), footer: true, priority: 80,
                           on: [.char("n"), .key(.escape), .char("q")], .cancelSkip),
            ]
        }
        return [
            KeyBinding("Space Enter", revealed ? ctx.t("rate the selected", "選択中の評価で答える") : ctx.t("show the answer", "答えを表示"),
                       footer: !revealed, priority: 80, on: [.char(" "), .key(.enter)], .reveal),
            KeyBinding("1-4", ctx.t("Again, Hard, Good, Easy", "もう一度・難しい・正解・簡単"), footer: revealed, priority: 80,
                       enabled: revealed, on: ["1", "2", "3", "4"].map { .char($0) }, .rate),
            KeyBinding("← →", ctx.t("choose a rating", "評価を選ぶ"), enabled: revealed, on: [.key(.left), .key(.right)], .choose),
            KeyBinding("u", ctx.t("undo the last rating", "直前の評価を取り消す"), footer: session.canUndo, priority: 40,
                       enabled: session.canUndo, on: [.char("u")], .undo),
            KeyBinding("s", ctx.t("skip until tomorrow", "明日まで保留"), footer: true, priority: 30, on: [.char("s")], .skip),
            KeyBinding("PgUp PgDn J K", ctx.t("scroll a long card", "長いカードをスクロール"),
                       on: [.key(.pageUp), .key(.pageDown), .char("J"), .char("K")], .scroll),
            // Only once the answer shows: the sandbox's preset name would give the answer away.
            KeyBinding("v", ctx.t("see it live in the sandbox", "サンドボックスで動きを見る"), footer: true, priority: 60, short: ctx.t("see it live", "動きを見る"),
                       enabled: revealed && sandboxPreset != nil, on: [.char("v")], .sandbox),
            KeyBinding("q Esc", ctx.t("end the session (summary)", "学習を終える (まとめを表示)"), footer: true, priority: 90, short: ctx.t("back", "戻る"),
                       on: [.char("q"), .key(.escape)], .back),
        ]
    }

    public func keyHelp(_ ctx: AppContext) -> [KeyHelp] { bindings(ctx).help() }

    // MARK: - Update

    public mutating func update(_ event: Event, _ ctx: AppContext) -> Transition {
        let now = ctx.now()
        if case .message(let m) = event {
            if let written = m.payload(as: Written.self) { finish(written, ctx) }
            return .none
        }
        if pending != nil, case .key = event { return .none }
        if pending != nil, case .mouse = event { return .none }
        if case .mouse(let m) = event, !isFinished, !confirmingSkip {
            switch m.kind {
            case .press:
                if !revealed {
                    revealed = true
                } else if let rating = Self.buttonAt(m.position, area: ctx.bodyArea, ctx) {
                    rate(rating, ctx, now: now)
                }
            case .scrollDown: scroll += 1
            case .scrollUp: scroll = max(0, scroll - 1)
            default: break
            }
            return .none
        }
        guard let action: Action = bindings(ctx).action(for: event) else { return .none }
        switch action {
        case .done: return .pop
        case .undo: write(session.undoing, ctx)
        case .back:
            if session.stats.reviewed > 0 || session.stats.buried > 0 {
                // Show the summary of what was done; the remaining cards stay due.
                session.end()
                return .none
            }
            return .pop
        case .reveal:
            if revealed { rate(selected, ctx, now: now) } else { revealed = true }
        case .rate:
            if case .key(.character(let c)) = event, let n = Int(String(c)), let r = Rating(rawValue: n) { rate(r, ctx, now: now) }
        case .choose:
            selected = Rating(rawValue: event == .key(.left) ? max(1, selected.rawValue - 1) : min(4, selected.rawValue + 1))!
        case .scroll:
            if event == .key(.pageDown) || event == .char("J") { scroll += 3 } else { scroll = max(0, scroll - 3) }
        case .skip: confirmingSkip = true
        case .confirmSkip:
            confirmingSkip = false
            write(session.burying(at: now), ctx)
        case .cancelSkip: confirmingSkip = false
        case .sandbox:
            if let preset = sandboxPreset, let screen = services.openSandbox?(preset) { return .push(screen) }
        }
        return .none
    }

    private mutating func rate(_ rating: Rating, _ ctx: AppContext, now: Date) {
        let ms = StudySession.answerMilliseconds(shownAt: shownAt, now: now)
        write(session.rating(rating, at: now, answerMilliseconds: ms), ctx)
    }

    /// Hands a store-backed change to the runtime; the session moves on only once it is written.
    private mutating func write(_ change: StudySession.PendingChange?, _ ctx: AppContext) {
        guard let change, pending == nil else { return }
        pending = change
        let store = services.store
        ctx.perform(.run(Job(key: "write", lane: FlashcardsServices.lane) { _ in Written(result: Result { try change.perform(on: store) }) }))
    }

    /// The write came back: on failure nothing moves and the footer says why.
    private mutating func finish(_ written: Written, _ ctx: AppContext) {
        guard let change = pending else { return }
        pending = nil
        switch written.result {
        case .success(let id):
            session.commit(change, reviewID: id)
        case .failure(let error):
            ctx.status = ctx.t("Not saved: ", "保存できませんでした: ") + "\(error)"
            return
        }
        revealed = false
        selected = .good
        scroll = 0
        shownAt = ctx.now()
    }

    // MARK: - View

    public func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        if isFinished {
            SessionSummaryView(summary: session.summary(at: ctx.now()), scopeTitle: session.scope.title(in: services.library, ctx.language),
                               ctx: ctx, theme: theme)
                .render(area, into: &buf)
            return
        }
        guard let card = session.currentCard else { return }
        let now = ctx.now()
        let rows = Layout.vertical([.length(1), .fill(1), .length(1), .length(1)]).split(area)
        renderCounts(into: &buf, area: rows[0], ctx, theme: theme, now: now)

        let deck = services.library.decks.first { $0.id == card.deckID }?.title(ctx.language) ?? card.deckID
        let panelTitle = "\(deck) · \(ctx.t("task", "タスク")) \(card.taskID)"
        Panel(title: panelTitle, style: theme.muted, titleStyle: theme.title, theme: theme).render(rows[1], into: &buf)
        let inner = Panel.inner(of: rows[1])
        var lines = TextWrap.wrap(Markup.parse(card.front(ctx.language), base: .bold), width: inner.width)
        if revealed {
            lines.append([])
            lines.append([Span(String(repeating: theme.unicode ? "─" : "-", count: max(0, inner.width)), style: theme.muted)])
            lines.append([])
            lines += TextWrap.wrap(Markup.parse(card.back(ctx.language)), width: inner.width)
            lines += AvailabilityNote.lines(card.availability, width: inner.width, ctx, theme: theme)
        }
        let maxScroll = max(0, lines.count - inner.height)
        var p = Paragraph([], width: inner.width)
        p.lines = lines
        p.scroll = min(scroll, maxScroll)
        p.render(inner, into: &buf)
        if p.scroll < maxScroll { buf.put(theme.unicode ? "↓" : "v", x: inner.maxX, y: inner.maxY - 1, style: theme.muted) }

        if confirmingSkip {
            let prompt = ctx.t("Skip this card until tomorrow?  y yes · n no", "このカードを明日まで保留しますか？  y はい · n いいえ")
            Paragraph(prompt, style: theme.warning.with(.bold), width: rows[2].width, alignment: .center).render(rows[2], into: &buf)
        } else if revealed {
            renderButtons(into: &buf, area: rows[2], ctx, theme: theme, now: now)
        } else {
            let prompt = ctx.t("Space / Enter  show the answer", "Space / Enter  答えを表示")
            Paragraph(prompt, style: theme.accent.with(.bold), width: rows[2].width, alignment: .center).render(rows[2], into: &buf)
        }
        renderHints(into: &buf, area: rows[3], ctx, theme: theme)
    }

    private func renderCounts(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme, now: Date) {
        let q = session.queue(at: now).remaining
        var x = area.x + 1
        x += buf.put(session.scope.title(in: services.library, ctx.language), x: x, y: area.y, style: theme.title, maxWidth: area.width / 2)
        let parts: [(String, Style)] = [
            (ctx.t("learning \(q.learning)", "学習中 \(q.learning)"), theme.bad),
            (ctx.t("review \(q.reviews)", "復習 \(q.reviews)"), theme.good),
            (ctx.t("new \(q.new)", "新規 \(q.new)"), theme.accent.with(.bold)),
        ]
        let text = parts.map(\.0).joined(separator: "  ")
        var rx = area.maxX - DisplayWidth.of(text) - 1
        guard rx > x else { return }
        for (i, part) in parts.enumerated() {
            rx += buf.put(part.0, x: rx, y: area.y, style: part.1)
            if i < parts.count - 1 { rx += buf.put("  ", x: rx, y: area.y) }
        }
    }

    static func buttonLabels(_ ctx: AppContext) -> [(Rating, String)] {
        [(.again, ctx.t("Again", "もう一度")), (.hard, ctx.t("Hard", "難しい")),
         (.good, ctx.t("Good", "正解")), (.easy, ctx.t("Easy", "簡単"))]
    }

    /// Four equal buttons across the row above the hints.
    static func buttonRects(_ row: Rect) -> [Rect] {
        Layout.horizontal([.fill(1), .fill(1), .fill(1), .fill(1)], spacing: 1).split(row)
    }

    static func buttonAt(_ p: Point, area: Rect, _ ctx: AppContext) -> Rating? {
        let row = Layout.vertical([.length(1), .fill(1), .length(1), .length(1)]).split(area)[2]
        return buttonRects(row).enumerated().first { $0.element.contains(p) }.map { Rating(rawValue: $0.offset + 1)! }
    }

    private func renderButtons(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme, now: Date) {
        let preview = session.preview(at: now)
        for ((rating, label), rect) in zip(Self.buttonLabels(ctx), Self.buttonRects(area)) {
            let interval = preview[rating].map { formatInterval(from: now, to: $0, japanese: ctx.isJapanese) } ?? ""
            let text = "\(rating.rawValue) \(label) \(interval)"
            let isSelected = rating == selected
            let style: Style = isSelected ? Style([.reverse, .bold]) : (rating == .again ? theme.bad : .plain)
            buf.fill(rect, style: isSelected ? Style(.reverse) : .plain)
            let w = DisplayWidth.of(text)
            buf.put(text, x: rect.x + max(0, (rect.width - w) / 2), y: rect.y, style: style, maxWidth: rect.width)
        }
    }

    /// The row under the card repeats the footer's less central keys when the footer has no room for them.
    private func renderHints(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        guard revealed, sandboxPreset != nil else { return }
        var x = area.x + 1
        x += buf.put("v", x: x, y: area.y, style: theme.key)
        buf.put(" " + ctx.t("see it live in the sandbox", "サンドボックスで動きを見る"), x: x, y: area.y, style: theme.muted, maxWidth: max(0, area.maxX - x))
    }
}
