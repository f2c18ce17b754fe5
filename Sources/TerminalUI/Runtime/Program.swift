import Foundation

/// An application in the Elm style: state, an update from events that returns commands (it does no
/// I/O; `now` is the time the event arrived), and a view into a buffer.
public protocol Program {
    mutating func update(_ event: Event, at now: Date) -> Command
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
    /// Stops the process as Ctrl-Z does (job control), giving the terminal back meanwhile.
    func suspend()
    /// After `draw`: links to (re)send over their cells, and links that are gone to write back plainly.
    /// `screen` is the frame just drawn (for each link's cell style).
    func drawHyperlinks(_ send: [Hyperlink], clear: [Hyperlink], screen: Buffer)
}

extension TerminalBackend {
    public func drawHyperlinks(_ send: [Hyperlink], clear: [Hyperlink], screen: Buffer) {}
}

extension Program {
    /// Updates with `event` and performs the jobs it starts right here, on this thread, feeding their
    /// messages back until none is left: the runtime's round trip without threads, for tests and
    /// benchmarks. Returns the quit or suspend command if one was given.
    @discardableResult
    public mutating func send(_ event: Event, at now: Date) -> Command {
        var queue: [Event] = [event]
        var result = Command.none
        while !queue.isEmpty {
            for c in update(queue.removeFirst(), at: now).flattened {
                switch c {
                case .quit, .suspend: result = c
                case .run(let job): queue += InlineJobs.messages(of: job).map(Event.message)
                case .cancel(let slot): queue.removeAll { if case .message(let m) = $0 { m.slot == slot } else { false } }
                case .cancelOwner(let o): queue.removeAll { if case .message(let m) = $0 { m.slot.owner == o } else { false } }
                case .none, .batch: break
                }
            }
        }
        return result
    }
}

/// Runs a job on the calling thread, collecting its progress and its result in order.
public enum InlineJobs {
    public static func messages(of job: Job) -> [JobMessage] {
        nonisolated(unsafe) var out: [JobMessage] = []
        let ctx = JobContext(slot: job.slot, jobID: job.id) { out.append($0) }
        let payload = job.work.body(ctx)
        out.append(ctx.message(payload, final: true))
        return out
    }
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
