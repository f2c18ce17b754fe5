import Dispatch
import Foundation
import Synchronization

/// Runs jobs on worker threads and queues their messages for the event loop. A job replaced by a newer
/// one in its slot, or cancelled, has its messages dropped, including those already queued.
public final class JobRunner: Sendable {
    private struct State {
        var live: [JobSlot: JobContext] = [:]
        var inbox: [JobMessage] = []
        var lanes: [String: DispatchQueue] = [:]
    }
    private let state = Mutex(State())
    private let ready = DispatchSemaphore(value: 0)

    public init() {}

    public func start(_ job: Job) {
        let ctx = JobContext(slot: job.slot, jobID: job.id) { [weak self] in self?.post($0) }
        let queue: DispatchQueue = state.withLock { s in
            s.live[job.slot]?.cancel()
            s.live[job.slot] = ctx
            guard let lane = job.lane else { return .global(qos: .userInitiated) }
            if let q = s.lanes[lane] { return q }
            let q = DispatchQueue(label: "aifprep.lane.\(lane)", qos: .userInitiated)
            s.lanes[lane] = q
            return q
        }
        let work = job.work
        queue.async { [self] in
            let payload = work.body(ctx)
            post(ctx.message(payload, final: true))
        }
    }

    public func cancel(_ slot: JobSlot) {
        state.withLock { s in
            s.live.removeValue(forKey: slot)?.cancel()
            s.inbox.removeAll { $0.slot == slot }
        }
    }

    public func cancel(owner: UInt64) {
        state.withLock { s in
            for slot in s.live.keys where slot.owner == owner { s.live.removeValue(forKey: slot)?.cancel() }
            s.inbox.removeAll { $0.slot.owner == owner }
        }
    }

    private func post(_ m: JobMessage) {
        let kept = state.withLock { s in
            guard s.live[m.slot]?.jobID == m.jobID else { return false }
            s.inbox.append(m)
            if m.isFinal { s.live.removeValue(forKey: m.slot) }
            return true
        }
        if kept { ready.signal() }
    }

    /// The messages queued so far, oldest first.
    public func drain() -> [JobMessage] {
        state.withLock { s in
            defer { s.inbox.removeAll() }
            return s.inbox
        }
    }

    /// True while a job runs or its messages wait to be delivered.
    public var isBusy: Bool { state.withLock { !$0.live.isEmpty || !$0.inbox.isEmpty } }

    /// True while a job runs (its result may already wait in the queue).
    public var isRunning: Bool { state.withLock { !$0.live.isEmpty } }

    /// Waits up to `timeout` seconds for a message (for callers with no terminal to wait on).
    @discardableResult
    public func waitForMessage(timeout: Double) -> Bool {
        if state.withLock({ !$0.inbox.isEmpty }) { return true }
        return ready.wait(timeout: .now() + timeout) == .success
    }
}
