import AIFCore
import Foundation
import TerminalUI

/// The flashcards hub: pick what to study (everything, a domain, a deck or a tag) with today's counts;
/// `b` opens the card browser.
public struct FlashcardsScreen: Screen {
    let services: FlashcardsServices
    public let scopes: [StudyScope]
    public var selected = 0
    var offset = 0

    public init(services: FlashcardsServices) {
        // Missed quiz questions added since the last visit become a deck, listed right after "All cards".
        self.services = services.withQuizStudyCards()
        let lib = self.services.library
        let tags = Set(lib.cards.flatMap(\.tags)).sorted()
        let missed = lib.decks.filter { $0.id == QuizStudyCards.deckID }.map { StudyScope.deck($0.id) }
        let decks = lib.decks.filter { $0.id != QuizStudyCards.deckID }.map { StudyScope.deck($0.id) }
        scopes = [.all] + missed + lib.blueprint.domains.map { .domain($0.id) } + decks + tags.map { .tag($0) }
    }

    public func title(_ ctx: AppContext) -> String { ctx.t("Flashcards", "フラッシュカード") }

    public func keyHelp(_ ctx: AppContext) -> [KeyHelp] {
        [
            KeyHelp("↑↓ j k", ctx.t("move", "移動"), footer: true),
            KeyHelp("Enter", ctx.t("study", "学習する"), footer: true),
            KeyHelp("b", ctx.t("browse cards", "カード一覧"), footer: true),
            KeyHelp(ctx.t("click", "クリック"), ctx.t("study that group", "そのグループを学習")),
        ]
    }

    static func listArea(_ area: Rect) -> Rect {
        area.inset(top: 1, right: 1, bottom: 2, left: 1).inset(top: 1, right: 2, bottom: 1, left: 2)
    }

    public mutating func update(_ event: Event, _ ctx: AppContext) -> Transition {
        switch event {
        case .key(.up), .char("k"): selected = max(0, selected - 1)
        case .key(.down), .char("j"): selected = min(scopes.count - 1, selected + 1)
        case .key(.pageDown): selected = min(scopes.count - 1, selected + 10)
        case .key(.pageUp): selected = max(0, selected - 10)
        case .key(.home): selected = 0
        case .key(.end): selected = scopes.count - 1
        case .key(.enter), .key(.right), .char("l"), .char(" "): return study(scopes[selected], ctx)
        case .char("b"): return .push(CardBrowserScreen(services: services))
        case .key(.escape), .char("q"), .key(.left), .char("h"): return .pop
        case .mouse(let m) where m.kind == .press:
            let rect = Self.listArea(ctx.bodyArea)
            let list = ListView(items: scopes.map { _ in [] }, selected: selected, previousOffset: offset, height: rect.height, theme: .standard)
            if let row = list.rowAt(m.position, in: rect) {
                selected = row
                return study(scopes[row], ctx)
            }
        case .mouse(let m) where m.kind == .scrollDown: selected = min(scopes.count - 1, selected + 1)
        case .mouse(let m) where m.kind == .scrollUp: selected = max(0, selected - 1)
        default: break
        }
        offset = ListView(items: scopes.map { _ in [] }, selected: selected, previousOffset: offset,
                          height: Self.listArea(ctx.bodyArea).height, theme: .standard).offset
        return .none
    }

    private func study(_ scope: StudyScope, _ ctx: AppContext) -> Transition {
        do {
            return .push(try StudyScreen(scope: scope, services: services, ctx: ctx))
        } catch {
            ctx.status = "\(error)"
            return .none
        }
    }

    public func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        let box = area.inset(top: 1, right: 1, bottom: 2, left: 1)
        Panel(title: ctx.t("What to study", "学習する範囲"), style: theme.muted, titleStyle: theme.title, theme: theme).render(box, into: &buf)
        let rect = Self.listArea(area)
        let queues: [StudyQueue]
        do {
            queues = try services.queues(scopes, ctx)
        } catch {
            Paragraph("\(error)", style: theme.bad, width: rect.width).render(rect, into: &buf)
            return
        }
        let countWidth = 24
        let items: [Line] = zip(scopes, queues).map { scope, queue in
            let name = scope.title(in: services.library, ctx.language)
            let counts = FlashcardsServices.countsLine(queue, ctx)
            let nameWidth = max(4, rect.width - countWidth - 3)
            let clipped = TextWrap.wrap([Span(name)], width: nameWidth).first?.map(\.text).joined() ?? name
            let pad = String(repeating: " ", count: max(1, nameWidth - DisplayWidth.of(clipped) + 1))
            let busy = !queue.learning.isEmpty || !queue.reviews.isEmpty || !queue.new.isEmpty
            return [Span(clipped + pad, style: scope == .all ? .bold : .plain),
                    Span(counts, style: busy ? theme.good : theme.muted)]
        }
        let list = ListView(items: items, selected: selected, previousOffset: offset, height: rect.height, theme: theme)
        list.render(rect, into: &buf)
        let total = queues.first.map { FlashcardsServices.countsLine($0, ctx) } ?? ""
        let line = ctx.t("Today: \(total) · limits \(ctx.settings.newCardsPerDay) new, \(ctx.settings.reviewsPerDay) reviews (Settings)",
                         "今日: \(total) · 上限 新規 \(ctx.settings.newCardsPerDay) 枚・復習 \(ctx.settings.reviewsPerDay) 枚 (設定で変更)")
        buf.put(line, x: area.x + 2, y: area.maxY - 1, style: theme.muted, maxWidth: area.width - 3)
    }
}
