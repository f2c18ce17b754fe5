import AIFCore
import Foundation
import TerminalUI

/// One card, front and back, for reading from elsewhere (the sandbox's "what does this state mean?").
/// It does not rate the card: studying stays in the scheduled session.
public struct CardViewerScreen: Screen {
    let card: Card
    let library: ContentLibrary
    var scroll = 0

    public init(card: Card, library: ContentLibrary) {
        self.card = card
        self.library = library
    }

    public func title(_ ctx: AppContext) -> String { ctx.t("Card", "カード") }

    public func keyHelp(_ ctx: AppContext) -> [KeyHelp] {
        [KeyHelp("↑↓ j k", ctx.t("scroll", "スクロール"), footer: true)]
    }

    public mutating func update(_ event: Event, _ ctx: AppContext) -> Transition {
        switch event {
        case .key(.down), .char("j"), .key(.pageDown), .char(" "): scroll += 1
        case .key(.up), .char("k"), .key(.pageUp): scroll = max(0, scroll - 1)
        case .mouse(let m) where m.kind == .scrollDown: scroll += 1
        case .mouse(let m) where m.kind == .scrollUp: scroll = max(0, scroll - 1)
        case .key(.escape), .char("q"), .key(.enter), .key(.left), .char("h"): return .pop
        default: break
        }
        return .none
    }

    public func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        let deck = library.decks.first { $0.id == card.deckID }?.title(ctx.language) ?? card.deckID
        Panel(title: "\(deck) · \(ctx.t("task", "タスク")) \(card.taskID)", style: theme.muted, titleStyle: theme.title, theme: theme)
            .render(area, into: &buf)
        let inner = Panel.inner(of: area)
        var lines = TextWrap.wrap(Markup.parse(card.front(ctx.language), base: .bold), width: inner.width)
        lines.append([])
        lines.append([Span(String(repeating: theme.unicode ? "─" : "-", count: max(0, inner.width)), style: theme.muted)])
        lines.append([])
        lines += TextWrap.wrap(Markup.parse(card.back(ctx.language)), width: inner.width)
        lines += AvailabilityNote.lines(card.availability, width: inner.width, ctx, theme: theme)
        lines += ReferenceLines.lines(card.refs, width: inner.width, ctx, theme: theme)
        var p = Paragraph([], width: inner.width)
        p.lines = lines
        p.scroll = min(scroll, max(0, lines.count - inner.height))
        p.render(inner, into: &buf)
    }
}
