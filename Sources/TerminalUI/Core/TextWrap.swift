/// Line breaking for mixed English and Japanese: English breaks at spaces, Japanese between characters,
/// and Japanese line-breaking rules (kinsoku) keep closing punctuation such as 。、」 off the start of a line
/// and opening brackets off its end.
public enum TextWrap {
    static let noStart: Set<Character> = Set("、。，．,.!?！？:;：；)）]］}｝」』】〕〉》〙〗”’ゝゞ々ーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖ・…‥〜～%％")
    static let noEnd: Set<Character> = Set("(（[［{｛「『【〔〈《〘〖“‘")

    static func isSpace(_ c: Character) -> Bool { c == " " || c == "\u{3000}" }

    /// Characters between which a line may break without a space.
    static func isCJK(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        return DisplayWidth.of(c) == 2 || (0x3000...0x30FF).contains(s.value) || (0xFF00...0xFFEF).contains(s.value)
    }

    struct Glyph { var ch: Character; var style: Style; var width: Int }

    /// Wraps plain text to `width` columns; `\n` starts a new line.
    public static func wrap(_ text: String, width: Int) -> [String] {
        wrap([Span(text)], width: width).map(\.plainText)
    }

    /// Wraps styled spans to `width` columns. Newlines in span text start new lines.
    public static func wrap(_ spans: [Span], width: Int) -> [Line] {
        guard width > 0 else { return [] }
        var paragraphs: [[Glyph]] = [[]]
        for span in spans {
            for ch in Sanitizer.clean(span.text, keepNewlines: true) {
                if ch == "\n" { paragraphs.append([]); continue }
                let w = DisplayWidth.of(ch)
                if w == 0 { continue }
                paragraphs[paragraphs.count - 1].append(Glyph(ch: ch, style: span.style, width: w))
            }
        }
        return paragraphs.flatMap { wrapParagraph($0, width: width) }
    }

    /// Splits a paragraph into unbreakable units, then fills lines greedily.
    static func wrapParagraph(_ glyphs: [Glyph], width: Int) -> [Line] {
        if glyphs.isEmpty { return [[]] }
        var units: [[Glyph]] = []
        var current: [Glyph] = []
        for g in glyphs {
            if let p = current.last, canBreak(between: p.ch, and: g.ch) {
                units.append(current)
                current = []
            }
            current.append(g)
        }
        if !current.isEmpty { units.append(current) }

        var lines: [[Glyph]] = []
        var line: [Glyph] = []
        var lineWidth = 0
        func flush() {
            while let last = line.last, isSpace(last.ch) { line.removeLast() }
            lines.append(line)
            line = []
            lineWidth = 0
        }
        for unit in units {
            let trimmed = unit.reversed().drop(while: { isSpace($0.ch) }).reduce(0) { $0 + $1.width }
            let uw = unit.reduce(0) { $0 + $1.width }
            if lineWidth > 0 && lineWidth + trimmed > width { flush() }
            var u = unit[...]
            if lineWidth == 0 { u = u.drop(while: { isSpace($0.ch) }) }
            if lineWidth == 0 && trimmed > width {
                // A word longer than the line: split it by characters.
                for g in u {
                    if lineWidth + g.width > width { flush() }
                    if lineWidth == 0 && isSpace(g.ch) { continue }
                    line.append(g)
                    lineWidth += g.width
                }
                continue
            }
            line.append(contentsOf: u)
            lineWidth += lineWidth == 0 ? u.reduce(0) { $0 + $1.width } : uw
        }
        flush()
        return lines.map(spans(of:))
    }

    static func canBreak(between p: Character, and c: Character) -> Bool {
        if isSpace(c) { return false }
        if isSpace(p) { return true }
        if noStart.contains(c) || noEnd.contains(p) { return false }
        return isCJK(p) || isCJK(c)
    }

    static func spans(of glyphs: [Glyph]) -> Line {
        var out: Line = []
        for g in glyphs {
            if let last = out.last, last.style == g.style {
                out[out.count - 1].text.append(g.ch)
            } else {
                out.append(Span(String(g.ch), style: g.style))
            }
        }
        return out
    }
}
