/// A scrollable list with one selected row. The offset is derived from the selection so that callers only
/// keep the selected index; `rowAt(_:)` maps a mouse click back to an item. Only `render` reads the
/// theme, so a list built in an update just for `offset` or `rowAt` passes `.standard`.
public struct ListView: Widget, Sendable {
    public var items: [Line]
    public var selected: Int?
    public var offset: Int
    public var theme: Theme

    public init(items: [Line], selected: Int?, previousOffset: Int = 0, height: Int, theme: Theme) {
        self.items = items
        self.selected = selected
        var off = max(0, min(previousOffset, max(0, items.count - height)))
        if let s = selected {
            if s < off { off = s }
            if s >= off + height { off = s - height + 1 }
        }
        self.offset = max(0, off)
        self.theme = theme
    }

    public func render(_ rect: Rect, into buf: inout Buffer) {
        let visible = items.indices.dropFirst(offset).prefix(rect.height)
        for (row, i) in visible.enumerated() {
            let y = rect.y + row
            let isSelected = i == selected
            let marker: String = isSelected ? "\(theme.symbols.pointer) " : "  "
            var x = rect.x + buf.put(marker, x: rect.x, y: y, style: isSelected ? theme.accent.with(.bold) : .plain)
            for span in items[i] {
                x += buf.put(span, x: x, y: y, maxWidth: rect.maxX - x)
            }
            if isSelected { buf.style(Rect(x: rect.x, y: y, width: rect.width, height: 1)) { $0.with(.reverse) } }
        }
        if items.count > rect.height, rect.width > 0 {
            let more = offset + rect.height < items.count
            if more { buf.put(theme.unicode ? "↓" : "v", x: rect.maxX - 1, y: rect.maxY - 1, style: theme.muted) }
            if offset > 0 { buf.put(theme.unicode ? "↑" : "^", x: rect.maxX - 1, y: rect.y, style: theme.muted) }
        }
    }

    /// The item index under row `y` of a list rendered in `rect`, if any.
    public func rowAt(_ p: Point, in rect: Rect) -> Int? {
        guard rect.contains(p) else { return nil }
        let i = offset + (p.y - rect.y)
        return i < items.count ? i : nil
    }
}
