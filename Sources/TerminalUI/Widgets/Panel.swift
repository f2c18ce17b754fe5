/// A framed panel with an optional title; returns the inner area for the content.
public struct Panel: Sendable {
    public var title: String?
    public var style: Style
    public var titleStyle: Style

    public init(title: String? = nil, style: Style = .plain, titleStyle: Style = .bold) {
        self.title = title
        self.style = style
        self.titleStyle = titleStyle
    }

    @discardableResult
    public func render(in rect: Rect, _ buf: inout Buffer, theme: Theme) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return .zero }
        let s = theme.symbols
        let r = rect
        for x in r.x + 1..<r.maxX - 1 {
            buf.set(x, r.y, s.horizontal, style: style)
            buf.set(x, r.maxY - 1, s.horizontal, style: style)
        }
        for y in r.y + 1..<r.maxY - 1 {
            buf.set(r.x, y, s.vertical, style: style)
            buf.set(r.maxX - 1, y, s.vertical, style: style)
        }
        buf.set(r.x, r.y, s.topLeft, style: style)
        buf.set(r.maxX - 1, r.y, s.topRight, style: style)
        buf.set(r.x, r.maxY - 1, s.bottomLeft, style: style)
        buf.set(r.maxX - 1, r.maxY - 1, s.bottomRight, style: style)
        if let title, !title.isEmpty, r.width > 4 {
            buf.put(" \(title) ", x: r.x + 1, y: r.y, style: titleStyle, maxWidth: r.width - 2)
        }
        return r.inset(top: 1, right: 2, bottom: 1, left: 2)
    }
}
