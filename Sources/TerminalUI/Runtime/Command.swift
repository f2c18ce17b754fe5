import Foundation
import Synchronization

/// What an update asks of the runtime. An update never writes files or databases, nor reads a clock:
/// it returns commands, the runtime performs them and answers with events.
public enum Command: Sendable {
    case none
    case quit
    /// Leave the terminal to the shell (Ctrl-Z, which arrives as a key); the runtime redraws everything
    /// on return.
    case suspend
    /// Runs a job off the loop; its progress and its result come back as `Event.message`.
    case run(Job)
    /// Drops the pending messages of the job in this slot and asks it to stop.
    case cancel(JobSlot)
    /// Cancels every job of one owner (a screen that closed).
    case cancelOwner(UInt64)
    case batch([Command])

    /// Flattens batches, leaving out `.none`.
    public var flattened: [Command] {
        switch self {
        case .none: []
        case .batch(let cs): cs.flatMap(\.flattened)
        default: [self]
        }
    }

    public static func all(_ commands: [Command]) -> Command {
        let flat = commands.flatMap(\.flattened)
        return flat.isEmpty ? .none : flat.count == 1 ? flat[0] : .batch(flat)
    }

    public var isQuit: Bool { flattened.contains { if case .quit = $0 { true } else { false } } }
}

extension Command: Equatable {
    public static func == (a: Command, b: Command) -> Bool {
        switch (a, b) {
        case (.none, .none), (.quit, .quit), (.suspend, .suspend): true
        case (.run(let x), .run(let y)): x.id == y.id
        case (.cancel(let x), .cancel(let y)): x == y
        case (.cancelOwner(let x), .cancelOwner(let y)): x == y
        case (.batch(let x), .batch(let y)): x == y
        default: false
        }
    }
}

/// Where a job lives: a newer job in the same slot replaces (cancels) the older one.
public struct JobSlot: Hashable, Sendable, CustomStringConvertible {
    /// Who started it (0: the app itself; otherwise the screen `AppModel` stamped).
    public var owner: UInt64
    public var key: String
    public init(owner: UInt64 = 0, key: String) { self.owner = owner; self.key = key }
    public var description: String { "\(owner)/\(key)" }
}

/// Background work: a closure run off the loop that maps its outcome to a message. It may report
/// progress on the way (`JobContext.progress`) and should check `isCancelled` when it runs long.
public struct Job: Sendable {
    private static let ids = Atomic<UInt64>(0)

    public let id: UInt64
    public var slot: JobSlot
    /// Jobs on one lane run one after another in the order started (writes to one store); nil: its own lane.
    public var lane: String?
    let work: Work

    /// `work` runs on another thread: it may touch only what is safe there (the SQLite queue serialises
    /// itself; value types are copies). It is unchecked so that a job can carry a store reference.
    public init<M>(key: String, lane: String? = nil, _ work: @escaping (JobContext) -> M) {
        id = Self.ids.add(1, ordering: .relaxed).newValue
        slot = JobSlot(key: key)
        self.lane = lane
        self.work = Work { work($0) }
    }

    struct Work: @unchecked Sendable {
        let body: (JobContext) -> Any
        init(_ body: @escaping (JobContext) -> Any) { self.body = body }
    }
}

/// Handed to a running job: cancellation and progress.
public final class JobContext: Sendable {
    let slot: JobSlot
    let jobID: UInt64
    private let cancelled = Atomic<Bool>(false)
    private let post: @Sendable (JobMessage) -> Void
    private let sequence = Atomic<UInt64>(0)

    init(slot: JobSlot, jobID: UInt64, post: @escaping @Sendable (JobMessage) -> Void) {
        self.slot = slot
        self.jobID = jobID
        self.post = post
    }

    public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }
    func cancel() { cancelled.store(true, ordering: .relaxed) }

    /// Sends a progress message now; the job goes on.
    public func progress(_ payload: Any) { post(message(payload, final: false)) }

    func message(_ payload: Any, final: Bool) -> JobMessage {
        JobMessage(slot: slot, jobID: jobID, sequence: sequence.add(1, ordering: .relaxed).newValue, isFinal: final, payload: payload)
    }
}

/// A job's progress or result as an event. Payloads pass from the worker to the loop once and are
/// never shared, hence unchecked; equality is by job and sequence number.
public struct JobMessage: Hashable, @unchecked Sendable {
    public let slot: JobSlot
    public let jobID: UInt64
    public let sequence: UInt64
    /// The job's last message (its result); earlier ones are progress.
    public let isFinal: Bool
    public let payload: Any

    public init(slot: JobSlot, jobID: UInt64, sequence: UInt64, isFinal: Bool, payload: Any) {
        self.slot = slot
        self.jobID = jobID
        self.sequence = sequence
        self.isFinal = isFinal
        self.payload = payload
    }

    public static func == (a: JobMessage, b: JobMessage) -> Bool { a.jobID == b.jobID && a.sequence == b.sequence }
    public func hash(into h: inout Hasher) { h.combine(jobID); h.combine(sequence) }

    /// The payload as `T`, nil for another kind of message.
    public func payload<T>(as _: T.Type) -> T? { payload as? T }
}
