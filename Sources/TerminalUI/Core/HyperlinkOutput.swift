/// OSC 8 hyperlinks beside a cell-diff backend that cannot pass escape sequences through (ncurses).
///
/// After a frame is drawn, each link is written again over its own cells: save the cursor and attributes
/// (DECSC), move there, set the cell's attributes, open the link, write the same text, close it, restore
/// (DECRC). The screen's content is unchanged, so curses' picture of it stays true.
public enum HyperlinkOutput {
    /// Where links are sent: terminals known to show them, or `AIFPREP_HYPERLINKS=1` (and `=0` to turn
    /// them off). Others are left alone, since a terminal that does not parse OSC could print it.
    public static func isSupported(environment env: [String: String]) -> Bool {
        if let forced = env["AIFPREP_HYPERLINKS"] { return forced == "1" }
        let term = env["TERM"] ?? ""
        if term == "dumb" || term == "linux" || term.hasPrefix("vt") { return false }
        if term == "xterm-kitty" || term == "foot" || term.hasPrefix("wezterm") || term == "xterm-ghostty" { return true }
        if ["iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper", "Tabby"].contains(env["TERM_PROGRAM"] ?? "") { return true }
        if let vte = env["VTE_VERSION"].flatMap(Int.init), vte >= 5000 { return true }   // GNOME Terminal, Tilix…
        return env["KITTY_WINDOW_ID"] != nil || env["WT_SESSION"] != nil || env["KONSOLE_VERSION"] != nil
    }

    /// Links to send after a frame: all of them after a full redraw or when the set changed, else those whose
    /// cells curses has just rewritten (which drops a link the terminal was showing).
    public static func toSend(current: [Hyperlink], previous: [Hyperlink], changes: [CellChange], fullRedraw: Bool) -> [Hyperlink] {
        if fullRedraw || current != previous { return current }
        guard !changes.isEmpty else { return [] }
        var rows: [Int: [Int]] = [:]
        for c in changes { rows[c.y, default: []].append(c.x) }
        return current.filter { link in
            let end = link.x + DisplayWidth.of(link.text)
            return rows[link.y]?.contains { $0 >= link.x && $0 < end } ?? false
        }
    }

    /// Links on screen last frame that are gone now but whose text is still there: rewritten without a link.
    public static func toClear(current: [Hyperlink], previous: [Hyperlink]) -> [Hyperlink] {
        previous.filter { old in !current.contains { $0.y == old.y && $0.x == old.x } }
    }

    /// The bytes for one link drawn with `style` (or without a link when `url` is nil); nil when the URL
    /// holds anything but printable ASCII, which could end the sequence early.
    public static func sequence(x: Int, y: Int, text: String, url: String?, style: Style, color: Bool) -> String? {
        if let url, url.isEmpty || !url.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) { return nil }
        let esc = "\u{1B}"
        var out = esc + "7" + esc + "[\(y + 1);\(x + 1)H" + esc + "[" + sgr(style, color: color) + "m"
        if let url { out += esc + "]8;;" + url + esc + "\\" }
        out += Sanitizer.clean(text)
        if url != nil { out += esc + "]8;;" + esc + "\\" }
        return out + esc + "8"
    }

    static func sgr(_ style: Style, color: Bool) -> String {
        var codes = ["0"]
        let m = style.modifiers
        if m.contains(.bold) { codes.append("1") }
        if m.contains(.dim) { codes.append("2") }
        if m.contains(.underline) { codes.append("4") }
        if m.contains(.reverse) { codes.append("7") }
        if color, style.foreground != .default { codes.append("\(29 + Int(style.foreground.rawValue))") }
        if color, style.background != .default { codes.append("\(39 + Int(style.background.rawValue))") }
        return codes.joined(separator: ";")
    }
}
