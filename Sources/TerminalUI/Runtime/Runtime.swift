import Foundation

/// The event loop: render into a fresh buffer, send only the difference, wait for the next event.
/// With no tick interval it blocks in short slices (to notice `shouldStop`) and redraws nothing: ~0 % CPU.
public final class Runtime {
    public let backend: any TerminalBackend
    public var minimumSize: MinimumSize
    public var isJapanese: () -> Bool
    /// Polled between events: set from signal handlers (SIGTERM, SIGHUP, SIGINT) by the executable.
    public var shouldStop: () -> Bool
    public var now: () -> Date

    private var previous: Buffer?

    public init(backend: any TerminalBackend, minimumSize: MinimumSize, isJapanese: @escaping () -> Bool = { false },
                shouldStop: @escaping () -> Bool = { false }, now: @escaping () -> Date = Date.init) {
        self.backend = backend
        self.minimumSize = minimumSize
        self.isJapanese = isJapanese
        self.shouldStop = shouldStop
        self.now = now
    }

    /// Renders one frame of `program` at the backend's size.
    public func render(_ program: some Program) {
        let size = backend.size
        var buf = Buffer(size: size)
        if minimumSize.fits(size) {
            program.view(into: &buf, theme: backend.theme)
        } else {
            minimumSize.renderMessage(into: &buf, theme: backend.theme, japanese: isJapanese())
        }
        let full = previous?.size != size
        let changes = buf.diff(from: full ? nil : previous)
        backend.draw(changes, fullRedraw: full)
        let links = buf.intactHyperlinks, before = full ? [] : previous?.intactHyperlinks ?? []
        let send = HyperlinkOutput.toSend(current: links, previous: before, changes: changes, fullRedraw: full)
        let clear = HyperlinkOutput.toClear(current: links, previous: before)
        if !send.isEmpty || !clear.isEmpty { backend.drawHyperlinks(send, clear: clear, screen: buf) }
        previous = buf
    }

    public func run<P: Program>(_ program: inout P) {
        // Programs learn their size the same way at start-up as after a resize.
        if program.update(.resize(backend.size)) == .quit { return }
        render(program)
        var nextTick: Date? = program.tickInterval.map { now().addingTimeInterval($0.seconds) }
        while !shouldStop() {
            let wait: Int
            if let t = nextTick {
                wait = max(0, min(250, Int((t.timeIntervalSince(now()) * 1000).rounded(.up))))
            } else {
                wait = 250
            }
            var event = backend.nextEvent(timeout: wait)
            if event == nil, let t = nextTick, now() >= t { event = .tick(now()) }
            guard let e = event else { continue }
            if case .resize = e { previous = nil }
            switch program.update(e) {
            case .quit: return
            case .suspend:
                backend.suspend()
                previous = nil
            case .none: break
            }
            if case .tick = e {
                nextTick = program.tickInterval.map { now().addingTimeInterval($0.seconds) }
            } else if nextTick == nil, let d = program.tickInterval {
                nextTick = now().addingTimeInterval(d.seconds)
            } else if program.tickInterval == nil {
                nextTick = nil
            }
            render(program)
        }
    }
}

extension Duration {
    var seconds: Double {
        let (s, a) = components
        return Double(s) + Double(a) / 1e18
    }
}
