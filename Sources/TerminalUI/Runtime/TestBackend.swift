import Foundation

/// A terminal in memory for tests, as Ratatui's `TestBackend`: it plays a script of input, keeps what
/// the runtime drew (diffs applied to a screen of cells, styles included, and the hyperlinks sent and
/// cleared) and a clock that moves only while the runtime waits, so ticks are exact.
public final class TestBackend: TerminalBackend {
    public enum Step {
        /// Delivered on the next wait.
        case event(Event)
        /// The terminal changes size; the runtime is told with a resize event, as ncurses does.
        case resize(Size)
        /// Nothing happens for this long: waits time out and the clock moves on.
        case idle(milliseconds: Int)
        /// Runs `body` when reached (e.g. to release a job a test holds), then goes on.
        case call(() -> Void)
        /// Waits (in real time) until `condition` holds or 5 s pass: for messages of jobs on other threads.
        case until(() -> Bool)
    }

    public private(set) var size: Size
    public var theme: Theme
    /// What the terminal shows now.
    public private(set) var screen: Buffer
    /// Every `draw` call: how many cells it sent and whether it was a full redraw.
    public private(set) var draws: [(cells: Int, fullRedraw: Bool)] = []
    /// Every timeout the runtime waited with, in milliseconds.
    public private(set) var waits: [Int?] = []
    /// Every `drawHyperlinks` call: the links sent and the links cleared.
    public private(set) var hyperlinkDraws: [(send: [Hyperlink], clear: [Hyperlink])] = []
    public private(set) var suspensions = 0
    public private(set) var now: Date
    private var script: [Step]

    public init(size: Size = Size(width: 80, height: 24), theme: Theme = .standard, start: Date = Date(timeIntervalSince1970: 1_800_000_000),
                script: [Step] = []) {
        self.size = size
        self.theme = theme
        self.now = start
        self.script = script
        screen = Buffer(size: size)
    }

    /// True once the script is played out (pass `{ backend.isDone }` as the runtime's `shouldStop`).
    public var isDone: Bool { script.isEmpty }

    public func append(_ steps: Step...) { script += steps }

    public func draw(_ changes: [CellChange], fullRedraw: Bool) {
        if fullRedraw { screen = Buffer(size: size) }
        screen.apply(changes)
        draws.append((changes.count, fullRedraw))
    }

    public func nextEvent(timeout: Int?) -> Event? {
        waits.append(timeout)
        while let step = script.first {
            switch step {
            case .event(let e):
                script.removeFirst()
                return e
            case .resize(let s):
                script.removeFirst()
                size = s
                return .resize(s)
            case .idle(let ms):
                let waited = min(ms, timeout ?? ms)
                now = now.addingTimeInterval(Double(waited) / 1000)
                if waited >= ms { script.removeFirst() } else { script[0] = .idle(milliseconds: ms - waited) }
                return nil
            case .call(let body):
                script.removeFirst()
                body()
            case .until(let condition):
                let deadline = Date().addingTimeInterval(5)
                while !condition(), Date() < deadline { usleep(1000) }
                script.removeFirst()
                return nil   // give the runtime a turn to drain its job messages
            }
        }
        return nil
    }

    public func suspend() { suspensions += 1 }

    public func drawHyperlinks(_ send: [Hyperlink], clear: [Hyperlink], screen: Buffer) {
        hyperlinkDraws.append((send, clear))
    }
}
