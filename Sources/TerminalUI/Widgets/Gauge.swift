/// A horizontal bar showing `ratio` (0…1) with an optional label after it.
public struct Gauge: Widget, Sendable {
    public var ratio: Double
    public var label: String
    public var style: Style
    public var theme: Theme

    public init(ratio: Double, label: String = "", style: Style = .plain, theme: Theme) {
        self.ratio = ratio.isFinite ? min(1, max(0, ratio)) : 0
        self.label = label
        self.style = style
        self.theme = theme
    }

    public func render(_ rect: Rect, into buf: inout Buffer) {
        guard rect.width > 0, rect.height > 0 else { return }
        let labelWidth = label.isEmpty ? 0 : DisplayWidth.of(label) + 1
        let barWidth = max(0, rect.width - labelWidth)
        let filled = Int((ratio * Double(barWidth)).rounded())
        for i in 0..<barWidth {
            buf.set(rect.x + i, rect.y, i < filled ? theme.symbols.barFull : theme.symbols.barEmpty,
                    style: i < filled ? style : theme.muted)
        }
        if !label.isEmpty { buf.put(label, x: rect.x + barWidth + 1, y: rect.y, maxWidth: labelWidth - 1) }
    }
}
