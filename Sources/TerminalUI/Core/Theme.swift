/// What the terminal can show, decided once at start-up and handed to every view.
public struct Theme: Hashable, Sendable {
    /// Box drawing, braille and block characters; false without a UTF-8 locale.
    public var unicode: Bool
    /// Colours; false on monochrome terminals and when NO_COLOR is set. Views may still pass colours:
    /// the backend drops them, so meaning must never rest on colour alone.
    public var color: Bool

    public init(unicode: Bool = true, color: Bool = true) {
        self.unicode = unicode
        self.color = color
    }

    public static let standard = Theme()
    public static let ascii = Theme(unicode: false, color: false)

    public var symbols: Symbols { unicode ? .unicode : .ascii }

    // Semantic styles used across screens.
    public var title: Style { Style(fg: .cyan, .bold) }
    public var accent: Style { Style(fg: .cyan) }
    public var selected: Style { Style(.reverse) }
    public var muted: Style { Style(.dim) }
    public var good: Style { Style(fg: .green, .bold) }
    public var bad: Style { Style(fg: .red, .bold) }
    public var warning: Style { Style(fg: .yellow, .bold) }
    public var key: Style { Style(fg: .yellow, .bold) }
}

public struct Symbols: Hashable, Sendable {
    public var topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical: Character
    public var barFull: Character
    public var barEmpty: Character
    public var sliderKnob: Character
    public var sliderTrack: Character
    public var sparks: [Character]
    public var bullet: Character
    public var pointer: Character
    public var check: Character

    public static let unicode = Symbols(
        topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯", horizontal: "─", vertical: "│",
        barFull: "█", barEmpty: "░", sliderKnob: "●", sliderTrack: "─",
        sparks: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], bullet: "•", pointer: "▸", check: "✓")

    public static let ascii = Symbols(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|",
        barFull: "#", barEmpty: ".", sliderKnob: "O", sliderTrack: "-",
        sparks: ["_", ".", ":", "-", "=", "+", "*", "#"], bullet: "*", pointer: ">", check: "x")
}
