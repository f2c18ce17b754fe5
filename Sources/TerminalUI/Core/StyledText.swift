/// A run of text in one style.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style
    /// A URL the text links to (an OSC 8 hyperlink where the terminal supports it). Wrapping drops it, so
    /// linked text goes on a line of its own.
    public var link: String?
    public init(_ text: String, style: Style = .plain, link: String? = nil) {
        self.text = text; self.style = style; self.link = link
    }
}

/// One display line made of spans.
public typealias Line = [Span]

public extension Array where Element == Span {
    var width: Int { reduce(0) { $0 + DisplayWidth.of($1.text) } }
    var plainText: String { map(\.text).joined() }
}

public enum Markup {
    /// Parses content markup: `**bold**` only. Everything else is literal text.
    public static func parse(_ text: String, base: Style = .plain, emphasis: Style? = nil) -> [Span] {
        let strong = emphasis ?? base.with(.bold)
        var spans: [Span] = []
        var bold = false
        var rest = Substring(text)
        while let r = rest.range(of: "**") {
            let chunk = String(rest[rest.startIndex..<r.lowerBound])
            if !chunk.isEmpty { spans.append(Span(chunk, style: bold ? strong : base)) }
            bold.toggle()
            rest = rest[r.upperBound...]
        }
        if !rest.isEmpty { spans.append(Span(String(rest), style: bold ? strong : base)) }
        return spans
    }
}
