import Foundation

/// Authors wrap long text in YAML block scalars wherever their editor breaks lines; the app reflows it
/// to the screen. A blank line starts a new paragraph and list items (`- `, `・`, `1. `, `**Term**: `) keep
/// their own line, and a line no deeper than a list item's marker ends the list; any other line break joins the
/// lines — with a space, except between two Japanese characters (bold markup between them included).
public enum ContentText {
    public static func reflow(_ text: String) -> String {
        var out = ""
        var current = ""
        var blankSeen = false
        // A list item's indent: deeper lines continue it, lines at its indent or shallower start anew.
        var listIndent: Int?
        func flush() {
            guard !current.isEmpty else { return }
            if !out.isEmpty { out += blankSeen ? "\n\n" : "\n" }
            out += current
            current = ""
            blankSeen = false
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let indent = raw.prefix { $0 == " " || $0 == "\t" }.count
            if line.isEmpty {
                flush()
                listIndent = nil
                if !out.isEmpty { blankSeen = true }
                continue
            }
            let endsList = listIndent.map { indent <= $0 } ?? false
            if current.isEmpty || isListItem(line) || endsList {
                flush()
                current = line
                listIndent = isListItem(line) ? indent : nil
            } else if joinsWithoutSpace(current, line) {
                current += line
            } else {
                current += " " + line
            }
        }
        flush()
        return out
    }

    /// Two Japanese characters meet at the break, looking through `**` markup on either side.
    static func joinsWithoutSpace(_ current: String, _ line: String) -> Bool {
        let before = current.reversed().first { $0 != "*" }
        let after = line.first { $0 != "*" }
        guard let before, let after else { return false }
        return isWide(before) && isWide(after)
    }

    static func isListItem(_ line: String) -> Bool {
        if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("・") || line.hasPrefix("• ") { return true }
        if isDefinition(line) { return true }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2 else { return false }
        let rest = line.dropFirst(digits.count)
        return rest.hasPrefix(". ") || rest.hasPrefix(") ")
    }

    /// `**Term**: explanation` — a definition list entry, as opposed to prose that wraps onto a bold word.
    static func isDefinition(_ line: String) -> Bool {
        guard line.hasPrefix("**") else { return false }
        let rest = line.dropFirst(2)
        guard let close = rest.range(of: "**") else { return false }
        let term = rest[rest.startIndex..<close.lowerBound]
        let after = rest[close.upperBound...].drop { $0 == " " }
        return !term.isEmpty && !term.contains("\n") && (after.hasPrefix(":") || after.hasPrefix("："))
    }

    /// Japanese and other full-width text, where a line break joins without a space.
    static func isWide(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x3000...0x30FF).contains(v) || (0x3400...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0xFF01...0xFF60).contains(v) || (0xAC00...0xD7A3).contains(v)
    }
}

extension ContentText {
    /// Without its `**` markup, trimmed: for plain output and one-line lists.
    public static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "**", with: "").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
