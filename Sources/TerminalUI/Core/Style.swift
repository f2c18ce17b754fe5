/// The eight ANSI colours plus the terminal's default; enough for a study app and what every terminal has.
public enum Color: UInt8, Hashable, Sendable, CaseIterable {
    case `default`, black, red, green, yellow, blue, magenta, cyan, white
}

public struct Modifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Modifiers(rawValue: 1 << 0)
    public static let dim = Modifiers(rawValue: 1 << 1)
    public static let reverse = Modifiers(rawValue: 1 << 2)
    public static let underline = Modifiers(rawValue: 1 << 3)
}

public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var modifiers: Modifiers

    public init(fg: Color = .default, bg: Color = .default, _ modifiers: Modifiers = []) {
        self.foreground = fg
        self.background = bg
        self.modifiers = modifiers
    }

    public static let plain = Style()
    public static let bold = Style(.bold)
    public static let dim = Style(.dim)
    public static let reverse = Style(.reverse)

    public func with(_ m: Modifiers) -> Style { var s = self; s.modifiers.formUnion(m); return s }
    public func fg(_ c: Color) -> Style { var s = self; s.foreground = c; return s }
    public func bg(_ c: Color) -> Style { var s = self; s.background = c; return s }
}

extension Style: CustomStringConvertible {
    /// "red on blue bold reverse", "plain": how style goldens name a style.
    public var description: String {
        var parts: [String] = []
        if foreground != .default { parts.append("\(foreground)") }
        if background != .default { parts.append("on \(background)") }
        let names: [(Modifiers, String)] = [(.bold, "bold"), (.dim, "dim"), (.reverse, "reverse"), (.underline, "underline")]
        parts += names.filter { modifiers.contains($0.0) }.map(\.1)
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }
}
