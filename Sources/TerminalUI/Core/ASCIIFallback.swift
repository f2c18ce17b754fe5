/// What a non-ASCII symbol becomes on a terminal without UTF-8. Widgets already pick ASCII drawing from
/// the theme; this catches the symbols screens put in text (·, ⚑, ▸, ✓ …) so nothing shows as `?`.
public enum ASCIIFallback {
    static let table: [Character: Character] = [
        "·": ".", "•": "*", "…": ".", "–": "-", "—": "-", "−": "-", "×": "x", "÷": "/",
        "‹": "<", "›": ">", "«": "<", "»": ">", "◂": "<", "▸": ">", "◀": "<", "▶": ">", "←": "<", "→": ">",
        "↑": "^", "↓": "v", "⚑": "F", "✓": "v", "✔": "v", "✗": "x", "✘": "x", "●": "o", "○": "o", "◉": "o",
        "━": "-", "─": "-", "│": "|", "┊": ":", "┤": "|", "└": "+", "╭": "+", "╮": "+", "╰": "+", "╯": "+",
        "█": "#", "░": ".", "≥": ">", "≤": "<", "≈": "~", "“": "\"", "”": "\"", "‘": "'", "’": "'", "°": "o",
    ]

    /// The ASCII stand-in for `c`; `?` for anything without one (such as Japanese, which an ASCII
    /// terminal cannot show: the app switches to English there).
    public static func map(_ c: Character) -> Character {
        if c.isASCII { return c }
        if let m = table[c] { return m }
        if let base = c.unicodeScalars.first, base.isASCII { return Character(base) }  // e + combining accent
        return "?"
    }
}
