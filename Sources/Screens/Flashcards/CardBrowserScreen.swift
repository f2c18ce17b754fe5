import AIFCore
import Foundation
import SpacedRepetition
import TerminalUI

/// Every card with its state, due date, stability and difficulty; `/` searches, `f` filters by state, Enter
/// opens the card (to suspend, bury or reset it). The rows come from a snapshot read by a job.
public struct CardBrowserScreen: Screen {
    public enum Filter: Int, CaseIterable, Sendable {
        case all, new, learning, review, relearning, due, buried, suspended

        func name(_ ctx: AppContext) -> String {
            switch self {
            case .all: ctx.t("all", "すべて")
            case .new: ctx.t("new", "新規")
            case .learning: ctx.t("learning", "学習中")
            case .review: ctx.t("review", "復習")
            case .relearning: ctx.t("relearning", "再学習")
            case .due: ctx.t("due now", "期限")
            case .buried: ctx.t("skipped", "保留中")
            case .suspended: ctx.t("suspended", "停止中")
            }
        }
    }

    let services: FlashcardsServices
    public internal(set) var snapshot: ProgressSnapshot?
    var loadError: String?
    public var query = ""
    public var editing = false
    public var filter = Filter.all
    public var selected = 0
    var offset = 0

    public init(services: FlashcardsServices) { self.services = services }

    public var capturesText: Bool { editing }

    /// Read again each time the browser shows (coming back from a card may have changed it).
    public mutating func appear(_ ctx: AppContext) { ctx.perform(services.loadSnapshot(ctx)) }

    public func title(_ ctx: AppContext) -> String { ctx.t("Browse", "カード一覧") }

    public func keyHelp(_ ctx: AppContext) -> [KeyHelp] {
        [
            KeyHelp("↑↓ j k", ctx.t("move", "移動"), footer: true),
            KeyHelp("/", ctx.t("search", "検索"), footer: true),
            KeyHelp("f", ctx.t("filter by state", "状態で絞り込み"), footer: true),
            KeyHelp("Enter", ctx.t("open the card (suspend, bury, reset)", "カードを開く (停止・保留・リセット)"), footer: true, short: ctx.t("open", "開く")),
            KeyHelp("Enter Esc", ctx.t("finish typing (while searching)", "入力を終える (検索中)")),
        ]
    }

    /// The cards shown, with their stored state (nil: new); none until the snapshot is read.
    public func rows(_ ctx: AppContext) -> [(card: Card, progress: CardProgress?)] {
        guard let progress = snapshot?.progress else { return [] }
        let now = ctx.now()
        let endOfToday = services.clock(ctx.settings).nextDayStart(after: now)
        let needle = query.lowercased()
        return services.library.cards.compactMap { card in
            let row = progress[card.id]
            if !needle.isEmpty {
                let hay = [card.id, card.front.en, card.front.ja, card.back.en, card.back.ja, card.deckID] + card.tags
                if !hay.contains(where: { $0.lowercased().contains(needle) }) { return nil }
            }
            let isNew = row.map(\.card.isNew) ?? true
            let keep: Bool
            switch filter {
            case .all: keep = true
            case .new: keep = isNew
            case .learning: keep = !isNew && row?.card.state == .learning
            case .review: keep = !isNew && row?.card.state == .review
            case .relearning: keep = row?.card.state == .relearning
            // Due now: (re)learning cards whose step has come, and review cards due today (as the study queue takes them).
            case .due: keep = !isNew && (row.map { r in
                !r.isBuried(at: now) && !r.suspended && (r.card.state == .review ? r.card.due < endOfToday : r.card.due <= now)
            } ?? false)
            case .buried: keep = row?.isBuried(at: now) ?? false
            case .suspended: keep = row?.suspended ?? false
            }
            return keep ? (card, row) : nil
        }
    }

    static func listArea(_ area: Rect) -> Rect {
        Rect(x: area.x, y: area.y + 2, width: area.width, height: max(0, area.height - 2 - 5))
    }

    public mutating func update(_ event: Event, _ ctx: AppContext) -> Transition {
        if case .message(let m) = event, let loaded = m.payload(as: SnapshotLoaded.self) {
            switch loaded.result {
            case .success(let s): snapshot = s; loadError = nil
            case .failure(let error): loadError = "\(error)"
            }
            return .none
        }
        if editing {
            switch event {
            case .key(.enter), .key(.escape): editing = false
            case .key(.backspace): if !query.isEmpty { query.removeLast() }
            case .key(.character(let c)): query.append(c)
            default: break
            }
            selected = 0
            return .none
        }
        let shown = rows(ctx)
        let count = shown.count
        switch event {
        case .key(.enter), .key(.right), .char("l"):
            guard shown.indices.contains(selected) else { break }
            return .push(CardDetailScreen(card: shown[selected].card, row: shown[selected].progress, services: services))
        case .key(.up), .char("k"): selected = max(0, selected - 1)
        case .key(.down), .char("j"): selected = max(0, min(count - 1, selected + 1))
        case .key(.pageDown): selected = max(0, min(count - 1, selected + 10))
        case .key(.pageUp): selected = max(0, selected - 10)
        case .char("/"): editing = true
        case .char("f"):
            filter = Filter(rawValue: (filter.rawValue + 1) % Filter.allCases.count)!
            selected = 0
        case .char("F"):
            filter = Filter(rawValue: (filter.rawValue + Filter.allCases.count - 1) % Filter.allCases.count)!
            selected = 0
        case .key(.escape), .char("q"):
            if !query.isEmpty { query = ""; selected = 0 } else { return .pop }
        case .mouse(let m) where m.kind == .press:
            let rect = Self.listArea(ctx.bodyArea)
            if let row = ListView(items: Array(repeating: [], count: count), selected: selected, previousOffset: offset, height: rect.height, theme: .standard)
                .rowAt(m.position, in: rect) { selected = row }
        case .mouse(let m) where m.kind == .scrollDown: selected = max(0, min(count - 1, selected + 1))
        case .mouse(let m) where m.kind == .scrollUp: selected = max(0, selected - 1)
        default: break
        }
        offset = ListView(items: Array(repeating: [], count: count), selected: selected, previousOffset: offset,
                          height: Self.listArea(ctx.bodyArea).height, theme: .standard).offset
        return .none
    }

    static func stateName(_ row: CardProgress?, now: Date, _ ctx: AppContext) -> String {
        guard let row, !row.card.isNew else { return row?.suspended == true ? ctx.t("suspended", "停止中") : ctx.t("new", "新規") }
        if row.suspended { return ctx.t("suspended", "停止中") }
        if row.isBuried(at: now) { return ctx.t("skipped", "保留中") }
        switch row.card.state {
        case .learning: return ctx.t("learning", "学習中")
        case .review: return ctx.t("review", "復習")
        case .relearning: return ctx.t("relearn", "再学習")
        }
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let clipped = TextWrap.wrap([Span(text)], width: width).first?.map(\.text).joined() ?? ""
        return clipped + String(repeating: " ", count: max(0, width - DisplayWidth.of(clipped)))
    }

    public func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        let now = ctx.now()
        guard snapshot != nil else {
            let text = loadError.map { ctx.t("Could not read your progress: ", "学習記録を読めません: ") + $0 } ?? ctx.t("Reading your progress…", "学習記録を読み込み中…")
            Paragraph(text, style: loadError == nil ? theme.muted : theme.bad, width: area.width - 2).render(area.inset(top: 1, right: 1, bottom: 0, left: 1), into: &buf)
            return
        }
        let rows = self.rows(ctx)
        // Search and filter line.
        var x = area.x + 1
        x += buf.put("/ ", x: x, y: area.y, style: theme.key)
        let shown = query.isEmpty && !editing ? ctx.t("search…", "検索…") : query + (editing ? "▏" : "")
        x += buf.put(Self.pad(shown, 30), x: x, y: area.y, style: editing ? Style(.underline) : theme.muted)
        x += buf.put("  f ", x: x, y: area.y, style: theme.key)
        x += buf.put(filter.name(ctx), x: x, y: area.y, style: .bold)
        buf.put("  " + ctx.count(rows.count, "card", "cards", ja: "枚"), x: x, y: area.y, style: theme.muted, maxWidth: max(0, area.maxX - x))

        // Ids in full or not at all: a clipped id ("hp-learning-") names no card.
        let longestID = rows.map { DisplayWidth.of($0.0.id) }.max() ?? 0
        let fixed = 2 + 9 + 7 + 7 + 5 + 4
        let showIDs = area.width - fixed - longestID - 1 >= 14
        let widths = (id: showIDs ? max(longestID, DisplayWidth.of(ctx.t("card", "カード"))) : 0, state: 9, due: 7, s: 7, d: 5)
        let frontWidth = max(8, area.width - fixed - (showIDs ? widths.id + 1 : 0))
        let idHeader: [String] = showIDs ? [Self.pad(ctx.t("card", "カード"), widths.id)] : []
        let columns: [String] = [Self.pad(ctx.t("state", "状態"), widths.state),
                                 Self.pad(ctx.t("due", "期限"), widths.due), Self.pad(ctx.t("stab.", "安定度"), widths.s),
                                 Self.pad(ctx.t("diff", "難度"), widths.d), ctx.t("front", "表面")]
        let header = (idHeader + columns).joined(separator: " ")
        buf.put("  " + header, x: area.x, y: area.y + 1, style: theme.muted.with(.underline), maxWidth: area.width)

        let items: [Line] = rows.map { card, row in
            let due: String
            if let row, !row.card.isNew {
                due = row.card.due <= now ? ctx.t("now", "今") : formatInterval(from: now, to: row.card.due, japanese: ctx.isJapanese)
            } else { due = "—" }
            let s = row?.card.stability.map { String(format: "%.1fd", $0) } ?? "—"
            let d = row?.card.difficulty.map { String(format: "%.1f", $0) } ?? "—"
            let id: [String] = showIDs ? [Self.pad(card.id, widths.id)] : []
            let rest: [String] = [Self.pad(Self.stateName(row, now: now, ctx), widths.state),
                                  Self.pad(due, widths.due), Self.pad(s, widths.s), Self.pad(d, widths.d),
                                  Self.pad(card.front(ctx.language), frontWidth)]
            let text = (id + rest).joined(separator: " ")
            return [Span(text)]
        }
        let rect = Self.listArea(area)
        let sel = rows.isEmpty ? nil : min(selected, rows.count - 1)
        ListView(items: items, selected: sel, previousOffset: offset, height: rect.height, theme: theme).render(rect, into: &buf)
        if rows.isEmpty {
            buf.put(ctx.t("No cards match.", "該当するカードはありません。"), x: rect.x + 2, y: rect.y, style: theme.muted)
        }

        // The selected card, both sides.
        let detail = Rect(x: area.x, y: rect.maxY, width: area.width, height: area.maxY - rect.maxY)
        guard let sel, detail.height >= 3 else { return }
        let card = rows[sel].card
        Panel(title: card.id, style: theme.muted, titleStyle: theme.title, theme: theme).render(detail, into: &buf)
        let inner = Panel.inner(of: detail)
        var lines = TextWrap.wrap(Markup.parse(card.front(ctx.language), base: .bold), width: inner.width)
        lines += TextWrap.wrap(Markup.parse(card.back(ctx.language)), width: inner.width)
        var p = Paragraph([], width: inner.width)
        p.lines = lines
        p.render(inner, into: &buf)
    }
}
