/// A framed panel with an optional title; `inner(of:)` is the area left for the content.
public struct Panel: Widget, Sendable {
    public var title: String?
    public var style: Style
    public var titleStyle: Style
    public var theme: Theme

    public init(title: String? = nil, style: Style = .plain, titleStyle: Style = .bold, theme: Theme) {
        self.title = title
        self.style = style
        self.titleStyle = titleStyle
        self.theme = theme
    }

    /// The content area of any panel drawn at `rect`: inside the frame, one column of padding each side.
    public static func inner(of rect: Rect) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return .zero }
        return rect.inset(top: 1, right: 2, bottom: 1, left: 2)
    }

    public func render(_ rect: Rect, into buf: inout Buffer) {
        guard rect.width >= 2, rect.height >= 2 else { return }
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
    }
}
