import Foundation

/// The event loop: render into a fresh buffer, send only the difference, wait for the next event.
/// Input, ticks and the messages of background jobs form one stream; the runtime is the only place
/// that reads the clock and performs commands. With no tick interval and no job running it blocks in
/// short slices (to notice `shouldStop`) and redraws nothing: ~0 % CPU.
public final class Runtime {
    public let backend: any TerminalBackend
    public var minimumSize: MinimumSize
    public var isJapanese: () -> Bool
    /// Polled between events: set from signal handlers (SIGTERM, SIGHUP, SIGINT) by the executable.
    public var shouldStop: () -> Bool
    public var now: () -> Date
    public let jobs = JobRunner()
    /// How long one wait for input may last while a job runs: the latency of its messages.
    public var jobPollMilliseconds = 10

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

    /// Carries out what an update asked for; true when the program quits.
    func perform(_ command: Command) -> Bool {
        for c in command.flattened {
            switch c {
            case .quit: return true
            case .suspend:
                backend.suspend()
                previous = nil
            case .run(let job): jobs.start(job)
            case .cancel(let slot): jobs.cancel(slot)
            case .cancelOwner(let owner): jobs.cancel(owner: owner)
            case .none, .batch: break
            }
        }
        return false
    }

    public func run<P: Program>(_ program: inout P) {
        // Programs learn their size the same way at start-up as after a resize.
        if perform(program.update(.resize(backend.size), at: now())) { return }
        render(program)
        var nextTick: Date? = program.tickInterval.map { now().addingTimeInterval($0.seconds) }
        while !shouldStop() {
            var events = jobs.drain().map(Event.message)
            if events.isEmpty {
                // Rounded up: a wait of 0 before a tick that is not quite due would spin.
                var wait = nextTick.map { max(0, min(250, Int(($0.timeIntervalSince(now()) * 1000).rounded(.up)))) } ?? 250
                if jobs.isBusy { wait = min(wait, jobPollMilliseconds) }
                if let e = backend.nextEvent(timeout: wait) {
                    events = [e]
                } else if let t = nextTick, now() >= t {
                    events = [.tick(now())]
                }
            }
            guard !events.isEmpty else { continue }
            for e in events {
                if case .resize = e { previous = nil }
                if perform(program.update(e, at: now())) { return }
                if case .tick = e {
                    nextTick = program.tickInterval.map { now().addingTimeInterval($0.seconds) }
                } else if nextTick == nil, let d = program.tickInterval {
                    nextTick = now().addingTimeInterval(d.seconds)
                } else if program.tickInterval == nil {
                    nextTick = nil
                }
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
