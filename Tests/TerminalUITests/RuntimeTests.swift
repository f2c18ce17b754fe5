import Dispatch
import Foundation
import Synchronization
import Testing
@testable import TerminalUI

/// A program that counts what reaches it, ticks while `ticking`, and starts jobs on demand.
struct Probe: Program {
    var keys: [Character] = []
    var ticks: [Date] = []
    var sizes: [Size] = []
    var results: [String] = []
    var progress: [Int] = []
    var ticking = true
    /// The job `j` starts; `k` restarts it in the same slot.
    var makeJob: (String) -> Job = { tag in Job(key: "work") { _ in tag } }

    mutating func update(_ event: Event, at now: Date) -> Command {
        switch event {
        case .key(.character("q")): return .quit
        case .key(.ctrl("z")): return .suspend
        case .key(.character("j")): keys.append("j"); return .run(makeJob("first"))
        case .key(.character("k")): keys.append("k"); return .run(makeJob("second"))
        case .key(.character("x")): keys.append("x"); return .cancel(JobSlot(key: "work"))
        case .key(.character(let c)): keys.append(c)
        case .tick(let t): ticks.append(t)
        case .resize(let s): sizes.append(s)
        case .message(let m):
            if let n = m.payload(as: Int.self), !m.isFinal { progress.append(n) }
            if let s = m.payload(as: String.self) { results.append(s) }
        default: break
        }
        return .none
    }

    func view(into buffer: inout Buffer, theme: Theme) {
        buffer.put("keys \(String(keys)) ticks \(ticks.count) results \(results.joined(separator: ","))", x: 0, y: 0, style: theme.title)
    }

    var tickInterval: Duration? { ticking ? .milliseconds(100) : nil }
}

@Suite struct RuntimeTests {
    func run(_ program: inout Probe, _ backend: TestBackend) -> Runtime {
        let runtime = Runtime(backend: backend, minimumSize: MinimumSize(width: 10, height: 2), shouldStop: { backend.isDone },
                              now: { backend.now })
        runtime.run(&program)
        return runtime
    }

    @Test func ticksArriveOnTheBackendsClockAndEachKeyRedraws() {
        let backend = TestBackend(size: Size(width: 40, height: 3), script: [.idle(milliseconds: 350), .event(.char("a")), .idle(milliseconds: 1)])
        var p = Probe()
        _ = run(&p, backend)
        #expect(p.sizes == [Size(width: 40, height: 3)])
        // Ticks at 100, 200, 300 ms after start: never read from another clock.
        // Each ~100 ms after the last (a wait is rounded up to whole milliseconds, so float error adds at most 1 ms).
        let ms = p.ticks.map { ($0.timeIntervalSince1970 - 1_800_000_000) * 1000 }
        #expect(ms.count == 3 && zip(ms, [100.0, 200, 300]).allSatisfy { abs($0 - $1) <= 3 }, "\(ms)")
        #expect(p.keys == ["a"])
        #expect(backend.screen.lines()[0].hasPrefix("keys a ticks 3"))
        // The title style reached the terminal, not only the text.
        #expect(backend.screen[0, 0].style == Theme.standard.title)
        // Waits are bounded by the next tick.
        #expect(backend.waits.allSatisfy { ($0 ?? 0) <= 101 })
    }

    @Test func withNothingToDoTheLoopSleepsAndSendsNothing() {
        let backend = TestBackend(size: Size(width: 40, height: 3), script: [.idle(milliseconds: 1000)])
        var p = Probe(ticking: false)
        _ = run(&p, backend)
        #expect(p.ticks.isEmpty)
        #expect(backend.draws.count == 1)   // the first frame only
        #expect(backend.waits.allSatisfy { $0 == 250 })
    }

    @Test func onlyChangedCellsAreSentAndAResizeRedrawsEverything() {
        let backend = TestBackend(size: Size(width: 40, height: 3), script: [
            .event(.char("a")), .event(.char("b")), .resize(Size(width: 30, height: 4)), .event(.char("c")),
        ])
        var p = Probe(ticking: false)
        _ = run(&p, backend)
        #expect(backend.draws.map(\.fullRedraw) == [true, false, false, true, false])
        #expect(backend.draws[0].cells == 40 * 3)
        // "keys a" → "keys ab": the one new letter and the shifted rest of the line, nothing else.
        #expect(backend.draws[1].cells > 0 && backend.draws[1].cells < 40)
        #expect(backend.draws[3].cells == 30 * 4)
        #expect(backend.screen.size == Size(width: 30, height: 4))
        #expect(backend.screen.lines()[0].hasPrefix("keys abc"))
        #expect(p.sizes.count == 2)
    }

    @Test func aTooSmallTerminalShowsTheMessage() {
        let backend = TestBackend(size: Size(width: 8, height: 1), script: [.idle(milliseconds: 1)])
        var p = Probe(ticking: false)
        _ = run(&p, backend)
        #expect(backend.screen.text.contains("Too"))
    }

    @Test func inputAndTicksGoOnWhileAJobIsBlocked() {
        // A job that waits like a store write stuck behind another process's lock (up to its busy timeout).
        let gate = DispatchSemaphore(value: 0)
        var p = Probe()
        p.makeJob = { tag in Job(key: "work") { _ in gate.wait(); return tag } }
        let backend = TestBackend(size: Size(width: 60, height: 3))
        let runtime = Runtime(backend: backend, minimumSize: MinimumSize(width: 10, height: 2), shouldStop: { backend.isDone },
                              now: { backend.now })
        nonisolated(unsafe) var seenWhileBlocked = ""
        backend.append(
            .event(.char("j")), .idle(milliseconds: 350), .event(.char("a")), .event(.char("b")), .idle(milliseconds: 1),
            .call { seenWhileBlocked = backend.screen.lines()[0]; gate.signal() },
            .until { !runtime.jobs.isRunning }, .idle(milliseconds: 1))
        runtime.run(&p)
        #expect(seenWhileBlocked.hasPrefix("keys jab ticks 3 results "), "\(seenWhileBlocked)")
        #expect(p.results == ["first"])
        #expect(backend.screen.lines()[0].contains("results first"))
        // While the job ran, waits were short so its result is picked up promptly.
        #expect(backend.waits.contains(runtime.jobPollMilliseconds))
    }

    @Test func aRestartedJobDropsTheResultOfTheOldOne() {
        let gate = DispatchSemaphore(value: 0)
        var p = Probe(ticking: false)
        p.makeJob = { tag in
            Job(key: "work") { job in
                if tag == "first" { gate.wait() }
                return job.isCancelled ? "cancelled-" + tag : tag
            }
        }
        let backend = TestBackend(size: Size(width: 60, height: 3))
        let runtime = Runtime(backend: backend, minimumSize: MinimumSize(width: 10, height: 2), shouldStop: { backend.isDone },
                              now: { backend.now })
        backend.append(.event(.char("j")), .event(.char("k")), .idle(milliseconds: 20), .call { gate.signal() }, .until { !runtime.jobs.isRunning }, .idle(milliseconds: 20))
        runtime.run(&p)
        #expect(p.results == ["second"])
    }

    @Test func aCancelledJobSendsNothingAndSeesItWasCancelled() {
        let gate = DispatchSemaphore(value: 0)
        let saw = Mutex<Bool?>(nil)
        var p = Probe(ticking: false)
        p.makeJob = { _ in Job(key: "work") { job in gate.wait(); saw.withLock { $0 = job.isCancelled }; return "late" } }
        let backend = TestBackend(size: Size(width: 60, height: 3))
        let runtime = Runtime(backend: backend, minimumSize: MinimumSize(width: 10, height: 2), shouldStop: { backend.isDone },
                              now: { backend.now })
        backend.append(.event(.char("j")), .event(.char("x")), .call { gate.signal() },
                       .until { saw.withLock { $0 } != nil }, .idle(milliseconds: 30))
        runtime.run(&p)
        #expect(p.results.isEmpty)
        #expect(saw.withLock { $0 } == true)
    }

    @Test func progressMessagesArriveInOrderBeforeTheResult() {
        var p = Probe(ticking: false)
        p.makeJob = { _ in
            Job(key: "work") { job in
                for i in 1...3 { job.progress(i) }
                return "done"
            }
        }
        let backend = TestBackend(size: Size(width: 60, height: 3))
        let runtime = Runtime(backend: backend, minimumSize: MinimumSize(width: 10, height: 2), shouldStop: { backend.isDone },
                              now: { backend.now })
        backend.append(.event(.char("j")), .until { !runtime.jobs.isRunning }, .idle(milliseconds: 30))
        runtime.run(&p)
        #expect(p.progress == [1, 2, 3])
        #expect(p.results == ["done"])
        // The same round trip without threads, as tests of screens use it.
        var q = p
        q.progress = []
        q.results = []
        q.send(.char("j"), at: Date())
        #expect(q.progress == [1, 2, 3] && q.results == ["done"])
    }

    @Test func quitStopsTheLoop() {
        let backend = TestBackend(size: Size(width: 40, height: 3), script: [.event(.char("q")), .event(.char("a"))])
        var p = Probe(ticking: false)
        _ = run(&p, backend)
        #expect(p.keys.isEmpty)
        #expect(!backend.isDone)
    }

    @Test func suspendGoesToTheBackendAndTheFrameAfterItRedrawsEverything() {
        let backend = TestBackend(size: Size(width: 40, height: 3), script: [.event(.char("a")), .event(.key(.ctrl("z"))), .event(.char("b"))])
        var p = Probe(ticking: false)
        _ = run(&p, backend)
        #expect(backend.suspensions == 1)
        // After `fg` the terminal shows whatever the shell left: every cell is sent again.
        #expect(backend.draws.map(\.fullRedraw) == [true, false, true, false])
        #expect(backend.screen.lines()[0].hasPrefix("keys ab"))
    }

    /// A page whose one link goes away on `u`.
    struct LinkPage: Program {
        var linked = true
        mutating func update(_ event: Event, at now: Date) -> Command {
            if event == .char("u") { linked = false }
            return .none
        }
        func view(into buffer: inout Buffer, theme: Theme) {
            buffer.put(Span("docs.aws.amazon.com", link: linked ? "https://docs.aws.amazon.com/" : nil), x: 0, y: 1)
        }
        var tickInterval: Duration? { nil }
    }

    @Test func aFrameWithALinkSendsItAndTheFrameWithoutItClearsIt() {
        let backend = TestBackend(size: Size(width: 40, height: 3), script: [.event(.char("a")), .event(.char("u"))])
        var page = LinkPage()
        let runtime = Runtime(backend: backend, minimumSize: MinimumSize(width: 10, height: 2), shouldStop: { backend.isDone },
                              now: { backend.now })
        runtime.run(&page)
        // The first frame sends the link; `a` changes nothing, so nothing is sent; `u` clears it.
        #expect(backend.draws.count == 3)
        #expect(backend.hyperlinkDraws.map(\.send.count) == [1, 0])
        #expect(backend.hyperlinkDraws.map(\.clear.count) == [0, 1])
        #expect(backend.hyperlinkDraws[0].send.first?.url == "https://docs.aws.amazon.com/")
        #expect(backend.hyperlinkDraws[1].clear == [Hyperlink(x: 0, y: 1, text: "docs.aws.amazon.com", url: "https://docs.aws.amazon.com/")])
    }
}
