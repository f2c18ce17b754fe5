/// The eight block heights ▁▂▃▄▅▆▇█, one value per column; the most recent values when there are more.
public struct Sparkline: Widget, Sendable {
    public var values: [Double]
    public var style: Style
    public var theme: Theme

    public init(_ values: [Double], style: Style = .plain, theme: Theme) {
        self.values = values
        self.style = style
        self.theme = theme
    }

    public func render(_ rect: Rect, into buf: inout Buffer) {
        guard rect.width > 0, rect.height > 0 else { return }
        let shown = values.suffix(rect.width)
        let finite = shown.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return }
        let sparks = theme.symbols.sparks
        for (i, v) in shown.enumerated() {
            let ch: Character
            if !v.isFinite {
                ch = "!"
            } else {
                let f = hi > lo ? (v - lo) / (hi - lo) : 0.5
                ch = sparks[min(sparks.count - 1, Int(f * Double(sparks.count - 1) + 0.5))]
            }
            buf.set(rect.x + i, rect.maxY - 1, ch, style: style)
        }
    }
}
