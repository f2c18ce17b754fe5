import Foundation

/// An application in the Elm style: state, a pure-ish update from events, and a view into a buffer.
public protocol Program {
    mutating func update(_ event: Event) -> Command
    func view(into buffer: inout Buffer, theme: Theme)
    /// How often the program wants `.tick` events; nil when nothing animates (the loop then sleeps).
    var tickInterval: Duration? { get }
}

/// The only code that touches a real terminal implements this.
public protocol TerminalBackend: AnyObject {
    var size: Size { get }
    var theme: Theme { get }
    /// Applies changed cells; `fullRedraw` means the terminal was cleared or resized.
    func draw(_ changes: [CellChange], fullRedraw: Bool)
    /// Waits up to `timeout` milliseconds (or forever when nil) for the next input event.
    func nextEvent(timeout: Int?) -> Event?
    func suspend()
    /// After `draw`: links to (re)send over their cells, and links that are gone to write back plainly.
    /// `screen` is the frame just drawn (for each link's cell style).
    func drawHyperlinks(_ send: [Hyperlink], clear: [Hyperlink], screen: Buffer)
}

extension TerminalBackend {
    public func drawHyperlinks(_ send: [Hyperlink], clear: [Hyperlink], screen: Buffer) {}
}

/// Draws the "terminal too small" message instead of a program that cannot fit.
public struct MinimumSize: Sendable {
    public var size: Size
    public init(width: Int, height: Int) { size = Size(width: width, height: height) }

    public func fits(_ s: Size) -> Bool { s.width >= size.width && s.height >= size.height }

    public func renderMessage(into buf: inout Buffer, theme: Theme, japanese: Bool) {
        var lines = japanese
            ? ["端末が小さすぎます", "\(size.width)×\(size.height) 以上が必要です（現在 \(buf.size.width)×\(buf.size.height)）"]
            : ["Terminal too small", "needs \(size.width)×\(size.height) (now \(buf.size.width)×\(buf.size.height))"]
        // Wrapped first, then placed one below the other: at 10×5 each line wraps, and placing line i at
        // row top+i would draw the second over the first's continuation.
        let width = max(1, buf.size.width)
        func wrapped() -> [(text: String, first: Bool)] {
            lines.enumerated().flatMap { i, line in TextWrap.wrap(line, width: width).map { (text: $0, first: i == 0) } }
        }
        var rows = wrapped()
        if rows.count > buf.size.height {
            lines = japanese ? ["小さすぎます", "\(size.width)×\(size.height) 必要"] : ["Too small", "need \(size.width)×\(size.height)"]
            rows = wrapped()
        }
        let top = max(0, (buf.size.height - rows.count) / 2)
        for (j, row) in rows.enumerated() where top + j < buf.size.height {
            let x = max(0, (buf.size.width - DisplayWidth.of(row.text)) / 2)
            buf.put(row.text, x: x, y: top + j, style: row.first ? theme.warning : .plain)
        }
    }
}
