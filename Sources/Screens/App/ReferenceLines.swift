import AIFCore
import TerminalUI

/// References as display lines: the title wraps like prose, the URL stays whole on a line of its own so
/// it can be selected or clicked, and is cut with "…" only when it is wider than the text area. (The
/// full URL is in the content file and in `aifprep exam --plain` output.)
///
/// The URL line is also a hyperlink (OSC 8) to the full URL, sent by the backend where the terminal
/// supports it, so a cut URL still opens whole.
enum ReferenceLines {
    static func lines(_ refs: [Reference], width: Int, _ ctx: AppContext, theme: Theme, heading: Bool = true) -> [Line] {
        guard !refs.isEmpty, width > 0 else { return [] }
        var out: [Line] = heading ? [[], [Span(ctx.t("References", "参考資料"), style: theme.muted.with(.underline))]] : []
        for r in refs {
            if let title = r.title, !title.isEmpty { out += TextWrap.wrap([Span(title, style: theme.muted)], width: width) }
            out.append([Span(url(r.url, width: width), style: theme.accent, link: Sanitizer.clean(r.url))])
        }
        return out
    }

    /// The URL unchanged when it fits, else cut to `width` columns ending in "…" (never wrapped).
    static func url(_ url: String, width: Int) -> String {
        Buffer.truncated(Sanitizer.clean(url), width: width)
    }
}
