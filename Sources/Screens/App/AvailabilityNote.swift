import AIFCore
import TerminalUI

/// The note an item carries when AWS has closed a service it is about to new customers: shown with a
/// card's back and after a question is answered (before, it could hint at which option is meant).
enum AvailabilityNote {
    static func lines(_ note: LocalizedText?, width: Int, _ ctx: AppContext, theme: Theme) -> [Line] {
        guard let note else { return [] }
        let label = ctx.t("Availability: ", "提供状況: ")
        return [[]] + TextWrap.wrap([Span(label, style: theme.warning.with(.bold))] + Markup.parse(note(ctx.language)),
                                    width: width)
    }
}
