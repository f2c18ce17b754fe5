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
        CardPanel(card: card, deckTitle: deck, scroll: scroll, ctx: ctx, theme: theme).render(area, into: &buf)
    }
}
