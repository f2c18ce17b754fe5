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
}

/// Draws the "terminal too small" message instead of a program that cannot fit.
public struct MinimumSize: Sendable {
    public var size: Size
    public init(width: Int, height: Int) { size = Size(width: width, height: height) }

    public func fits(_ s: Size) -> Bool { s.width >= size.width && s.height >= size.height }

    public func renderMessage(into buf: inout Buffer, theme: Theme, japanese: Bool) {
        let lines = japanese
            ? ["端末が小さすぎます", "\(size.width)×\(size.height) 以上が必要です（現在 \(buf.size.width)×\(buf.size.height)）"]
            : ["Terminal too small", "needs \(size.width)×\(size.height) (now \(buf.size.width)×\(buf.size.height))"]
        let top = max(0, buf.size.height / 2 - 1)
        for (i, line) in lines.enumerated() {
            let wrapped = TextWrap.wrap(line, width: max(1, buf.size.width))
            for (j, w) in wrapped.enumerated() {
                let x = max(0, (buf.size.width - DisplayWidth.of(w)) / 2)
                buf.put(w, x: x, y: top + i + j, style: i == 0 ? theme.warning : .plain)
            }
        }
    }
}
