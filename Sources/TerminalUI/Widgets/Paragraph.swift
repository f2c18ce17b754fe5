public enum Alignment: Sendable { case left, center, right }

/// Wrapped, styled text with vertical scrolling.
public struct Paragraph: Widget, Sendable {
    public var lines: [Line]
    public var alignment: Alignment
    public var scroll: Int

    /// Wraps `spans` to the width it will be rendered at.
    public init(_ spans: [Span], width: Int, alignment: Alignment = .left, scroll: Int = 0) {
        self.lines = TextWrap.wrap(spans, width: width)
        self.alignment = alignment
        self.scroll = scroll
    }

    public init(_ text: String, style: Style = .plain, width: Int, alignment: Alignment = .left) {
        self.init([Span(text, style: style)], width: width, alignment: alignment)
    }

    public var height: Int { lines.count }

    /// At most `height` lines; when lines are dropped, the last one kept ends in "…" within `width`, so a
    /// cut is never silent.
    public func fitting(height: Int, width: Int) -> Paragraph {
        guard lines.count > height, height > 0 else { return self }
        var copy = self
        copy.lines = Array(lines.prefix(height))
        var last = copy.lines[height - 1]
        while last.width + 1 > width, var span = last.popLast() {
            guard !span.text.isEmpty else { continue }
            span.text.removeLast()
            if !span.text.isEmpty { last.append(span) }
        }
        let style = last.last?.style ?? .plain
        last.append(Span("…", style: style))
        copy.lines[height - 1] = last
        return copy
    }

    /// The rows `render(area, into:)` fills: the lines from `scroll` on, at most the area's height.
    public func height(in area: Rect) -> Int {
        max(0, min(lines.count - max(0, scroll), area.height))
    }

    /// Renders from line `scroll`.
    public func render(_ rect: Rect, into buf: inout Buffer) {
        let visible = lines.dropFirst(max(0, scroll)).prefix(rect.height)
        for (i, line) in visible.enumerated() {
            let w = line.width
            var x = rect.x
            switch alignment {
            case .left: break
            case .center: x += max(0, (rect.width - w) / 2)
            case .right: x += max(0, rect.width - w)
            }
            for span in line { x += buf.put(span, x: x, y: rect.y + i, maxWidth: rect.maxX - x) }
        }
    }
}
