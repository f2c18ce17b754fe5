import AIFCore
import TerminalUI

/// A case study's scenario in a panel beside its questions, drawn the same while answering and in the
/// review of answers: the title names `[ ]` and arrows show when the text is longer than the panel.
struct CaseStudyPanel: Widget {
    var caseStudy: CaseStudy
    var scroll: Int
    var ctx: AppContext
    var theme: Theme

    static func paragraph(_ cs: CaseStudy, width: Int, _ ctx: AppContext) -> Paragraph {
        Paragraph([Span(cs.title(ctx.language) + "\n\n", style: .bold)]
                  + Markup.parse(cs.scenario(ctx.language).trimmingCharacters(in: .whitespacesAndNewlines)), width: width)
    }

    /// How far the scenario can scroll in a panel at `rect`.
    static func maxScroll(_ cs: CaseStudy, in rect: Rect, _ ctx: AppContext) -> Int {
        let inner = Panel.inner(of: rect)
        return max(0, paragraph(cs, width: inner.width, ctx).height - inner.height)
    }

    func render(_ area: Rect, into buf: inout Buffer) {
        let inner = Panel.inner(of: area)
        var p = Self.paragraph(caseStudy, width: inner.width, ctx)
        let maxScroll = Self.maxScroll(caseStudy, in: area, ctx)
        let title = maxScroll > 0 ? ctx.t("Case study · [ ] scroll", "ケーススタディ · [ ] でスクロール") : ctx.t("Case study", "ケーススタディ")
        Panel(title: title, style: theme.muted, titleStyle: theme.accent, theme: theme).render(area, into: &buf)
        p.scroll = min(scroll, maxScroll)
        p.render(inner, into: &buf)
        if maxScroll > 0, inner.width > 0 {
            let edge = inner.maxX   // the panel's right padding column
            if p.scroll < maxScroll { buf.put(theme.unicode ? "↓" : "v", x: edge, y: inner.maxY - 1, style: theme.accent) }
            if p.scroll > 0 { buf.put(theme.unicode ? "↑" : "^", x: edge, y: inner.y, style: theme.accent) }
        }
    }
}
