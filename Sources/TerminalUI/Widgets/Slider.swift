/// A labelled slider over discrete positions; `position(at:in:)` turns a mouse x back into a position.
public struct Slider: Widget, Sendable {
    public var label: String
    public var valueText: String
    public var position: Int
    public var count: Int
    public var focused: Bool
    /// Positions to mark on the track (e.g. a divergence threshold).
    public var marks: [Int]
    public var theme: Theme

    public init(label: String, valueText: String, position: Int, count: Int, focused: Bool = false, marks: [Int] = [],
                theme: Theme) {
        self.label = label
        self.valueText = valueText
        self.count = max(1, count)
        self.position = min(max(0, position), max(0, count - 1))
        self.focused = focused
        self.marks = marks
        self.theme = theme
    }

    public static let labelWidth = 14
    public static let valueWidth = 9

    /// The track's columns inside `rect`.
    public static func track(in rect: Rect) -> Rect {
        Rect(x: rect.x + labelWidth, y: rect.y, width: rect.width - labelWidth - valueWidth - 1, height: 1)
    }

    public func render(_ rect: Rect, into buf: inout Buffer) {
        guard rect.height > 0 else { return }
        let labelStyle = focused ? theme.accent.with(.bold) : Style.plain
        let marker = focused ? "\(theme.symbols.pointer)" : " "
        buf.put(marker + label, x: rect.x, y: rect.y, style: labelStyle, maxWidth: Self.labelWidth - 1)
        let t = Self.track(in: rect)
        guard t.width > 2 else { return }
        let knob = knobColumn(trackWidth: t.width)
        for i in 0..<t.width {
            buf.set(t.x + i, t.y, theme.symbols.sliderTrack, style: i < knob ? theme.accent : theme.muted)
        }
        for m in marks where (0..<count).contains(m) {
            buf.set(t.x + column(for: m, trackWidth: t.width), t.y, theme.unicode ? "┊" : ":", style: theme.warning)
        }
        buf.set(t.x + knob, t.y, theme.symbols.sliderKnob, style: focused ? theme.accent.with(.bold) : .bold)
        buf.put(valueText, x: t.maxX + 1, y: rect.y, style: focused ? .bold : .plain, maxWidth: Self.valueWidth)
    }

    func column(for p: Int, trackWidth: Int) -> Int {
        count <= 1 ? 0 : Int((Double(p) / Double(count - 1) * Double(trackWidth - 1)).rounded())
    }

    func knobColumn(trackWidth: Int) -> Int { column(for: position, trackWidth: trackWidth) }

    /// The position nearest to column `x` on the track of a slider rendered in `rect`.
    public static func position(at x: Int, in rect: Rect, count: Int) -> Int? {
        let t = track(in: rect)
        guard t.width > 1, x >= t.x - 1, x <= t.maxX else { return nil }
        let f = Double(min(max(x - t.x, 0), t.width - 1)) / Double(t.width - 1)
        return Int((f * Double(max(1, count) - 1)).rounded())
    }
}
