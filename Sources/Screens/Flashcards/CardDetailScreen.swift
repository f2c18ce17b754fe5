import AIFCore
import Foundation
import SpacedRepetition
import TerminalUI

/// One card from the browser, rendered whole, with its schedule; suspend, unsuspend, bury and reset act
/// on it through the progress store (each a job on the progress lane). Reset asks first, and keeps the
/// old state in the store's reset log: the review history is never deleted.
public struct CardDetailScreen: Screen {
    public let card: Card
    let services: FlashcardsServices
    /// The stored row (nil: never studied).
    public private(set) var row: CardProgress?
    public private(set) var confirmingReset = false
    /// A change being written; keys that change the card wait for it.
    private(set) var writing = false
    var scroll = 0

    public init(card: Card, row: CardProgress?, services: FlashcardsServices) {
        self.card = card
        self.row = row
        self.services = services
    }

    public func title(_ ctx: AppContext) -> String { card.id }

    enum Action { case suspend, bury, reset, confirmReset, cancelReset, scroll, back }

    var isSuspended: Bool { row?.suspended ?? false }

    func bindings(_ ctx: AppContext) -> [KeyBinding<Action>] {
        if confirmingReset {
            return [
                KeyBinding("y", ctx.t("yes, reset it to new", "はい、新規に戻す"), footer: true, priority: 80, on: [.char("y")], .confirmReset),
                KeyBinding("n Esc q", ctx.t("no, keep it", "いいえ、そのまま"), footer: true, priority: 80,
                           on: [.char("n"), .key(.escape), .char("q")], .cancelReset),
            ]
        }
        let buried = row?.isBuried(at: ctx.now()) ?? false
        return [
            KeyBinding("s", isSuspended ? ctx.t("unsuspend", "停止を解除") : ctx.t("suspend (leave out of study)", "停止 (学習から外す)"),
                       footer: true, priority: 70, short: isSuspended ? ctx.t("unsuspend", "停止解除") : ctx.t("suspend", "停止"),
                       on: [.char("s")], .suspend),
            KeyBinding("b", buried ? ctx.t("unbury (back today)", "保留を解除 (今日に戻す)") : ctx.t("bury until tomorrow", "明日まで保留"),
                       footer: true, priority: 60, short: buried ? ctx.t("unbury", "保留解除") : ctx.t("bury", "保留"), on: [.char("b")], .bury),
            KeyBinding("r", ctx.t("reset to new (asks first; history kept)", "新規に戻す (確認あり、履歴は残る)"), footer: true, priority: 50,
                       short: ctx.t("reset", "リセット"), enabled: !(row?.card.isNew ?? true), on: [.char("r")], .reset),
            KeyBinding("↑↓ j k", ctx.t("scroll", "スクロール"), on: [.key(.up), .key(.down), .char("j"), .char("k"), .key(.pageUp), .key(.pageDown)], .scroll),
            KeyBinding("q Esc", ctx.t("back to the list", "一覧に戻る"), footer: true, priority: 90, short: ctx.t("back", "戻る"),
                       on: [.char("q"), .key(.escape), .key(.left), .char("h")], .back),
        ]
    }

    public func keyHelp(_ ctx: AppContext) -> [KeyHelp] { bindings(ctx).help() }

    /// What a write returned: the card's row afterwards, or why it failed.
    struct Written: @unchecked Sendable {
        var result: Result<CardProgress?, any Error>
        var notice: (en: String, ja: String)
    }

    public mutating func update(_ event: Event, _ ctx: AppContext) -> Transition {
        if case .message(let m) = event, let written = m.payload(as: Written.self) {
            writing = false
            switch written.result {
            case .success(let after):
                row = after
                ctx.status = ctx.t(written.notice.en, written.notice.ja)
            case .failure(let error):
                ctx.status = ctx.t("Not saved: ", "保存できませんでした: ") + "\(error)"
            }
            return .none
        }
        guard let action: Action = bindings(ctx).action(for: event) else { return .none }
        let now = ctx.now()
        switch action {
        case .scroll:
            switch event {
            case .key(.down), .char("j"): scroll += 1
            case .key(.pageDown): scroll += 5
            case .key(.pageUp): scroll = max(0, scroll - 5)
            default: scroll = max(0, scroll - 1)
            }
        case .back: return .pop
        case .cancelReset: confirmingReset = false
        case .reset: confirmingReset = true
        case .confirmReset:
            confirmingReset = false
            let reset = CardReset(cardID: card.id, at: now, previous: row)
            write(ctx, notice: ("Reset to new; its review history is kept.", "新規に戻しました。復習の履歴は残っています。")) { store in
                try store.reset(reset)
                return nil
            }
        case .suspend:
            var after = row ?? CardProgress(cardID: card.id, card: .new(due: now))
            after.suspended.toggle()
            let notice = after.suspended ? ("Suspended: left out of study until you unsuspend it.", "停止しました。解除するまで学習に出ません。")
                : ("Unsuspended: it is studied again.", "停止を解除しました。再び学習に出ます。")
            write(ctx, notice: notice) { store in try store.save(after); return after }
        case .bury:
            var after = row ?? CardProgress(cardID: card.id, card: .new(due: now))
            let buried = after.isBuried(at: now)
            after.buriedUntil = buried ? nil : services.clock(ctx.settings).nextDayStart(after: now)
            let notice = buried ? ("Unburied: it can come up today.", "保留を解除しました。今日出ることがあります。")
                : ("Buried until tomorrow.", "明日まで保留しました。")
            write(ctx, notice: notice) { store in try store.save(after); return after }
        }
        return .none
    }

    private mutating func write(_ ctx: AppContext, notice: (en: String, ja: String), _ body: @escaping (any ProgressStoring) throws -> CardProgress?) {
        guard !writing else { return }
        writing = true
        let store = services.store
        ctx.perform(.run(Job(key: "write", lane: FlashcardsServices.lane) { _ in Written(result: Result { try body(store) }, notice: notice) }))
    }

    /// "review · due in 3日 · stability 4.2 d · difficulty 5.1 · suspended".
    static func scheduleLine(_ row: CardProgress?, now: Date, _ ctx: AppContext) -> String {
        var parts = [CardBrowserScreen.stateName(row, now: now, ctx)]
        if let row, !row.card.isNew {
            parts.append(row.card.due <= now ? ctx.t("due now", "期限: 今")
                         : ctx.t("due in ", "期限まで ") + formatInterval(from: now, to: row.card.due, japanese: ctx.isJapanese))
            if let s = row.card.stability { parts.append(String(format: ctx.t("stability %.1f d", "安定度 %.1f 日"), s)) }
            if let d = row.card.difficulty { parts.append(String(format: ctx.t("difficulty %.1f", "難度 %.1f"), d)) }
        }
        if let until = row?.buriedUntil, until > now {
            parts.append(ctx.t("buried for ", "保留 あと ") + formatInterval(from: now, to: until, japanese: ctx.isJapanese))
        }
        return parts.joined(separator: " · ")
    }

    public func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        let now = ctx.now()
        let rows = Layout.vertical([.length(1), .fill(1), .length(1)]).split(area)
        var x = rows[0].x + 1
        if isSuspended { x += buf.put(ctx.t("SUSPENDED ", "停止中 "), x: x, y: rows[0].y, style: theme.bad.with(.bold)) }
        buf.put(Self.scheduleLine(row, now: now, ctx), x: x, y: rows[0].y, style: theme.muted, maxWidth: max(0, rows[0].maxX - x))

        let deck = services.library.decks.first { $0.id == card.deckID }?.title(ctx.language) ?? card.deckID
        CardPanel(card: card, deckTitle: deck, scroll: scroll, ctx: ctx, theme: theme).render(rows[1], into: &buf)

        if confirmingReset {
            Paragraph(ctx.t("Reset this card to new? Its reviews stay in the history.  y yes · n no",
                            "このカードを新規に戻しますか？ 復習の履歴は残ります。  y はい · n いいえ"),
                      style: theme.warning.with(.bold), width: rows[2].width, alignment: .center).render(rows[2], into: &buf)
        }
    }
}
