import AIFCore
import TerminalUI

/// A whole card in a panel titled with its deck and task: front in bold, a rule, the back, its availability
/// note and references, scrolled by `scroll` lines. The browser's card view and the card viewer draw it.
struct CardPanel: Widget {
    let card: Card
    let deckTitle: String
    let scroll: Int
    let ctx: AppContext
    let theme: Theme

    func render(_ area: Rect, into buf: inout Buffer) {
        Panel(title: "\(deckTitle) · \(ctx.t("task", "タスク")) \(card.taskID)", style: theme.muted, titleStyle: theme.title, theme: theme)
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
