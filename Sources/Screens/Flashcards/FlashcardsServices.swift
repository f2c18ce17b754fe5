import AIFCore
import Foundation
import TerminalUI

/// What the flashcard screens need, injected once by the executable (and by tests).
public struct FlashcardsServices {
    public var library: ContentLibrary
    public var store: any ProgressStoring
    /// Study days follow this time zone (the learner's; UTC in tests).
    public var timeZone: TimeZone
    /// Seeds the scheduler's fuzz; each session derives its own from this and the start time.
    public var seed: UInt64
    /// Opens the training sandbox on a preset; nil when the sandbox is not available.
    public var openSandbox: ((String) -> (any Screen)?)?
    /// Ids of quiz questions the learner chose to study (from quiz results); read when Flashcards opens.
    public var quizStudyQuestionIDs: (() -> [String])?

    public init(
        library: ContentLibrary, store: any ProgressStoring, timeZone: TimeZone = .current, seed: UInt64 = 0,
        openSandbox: ((String) -> (any Screen)?)? = nil, quizStudyQuestionIDs: (() -> [String])? = nil
    ) {
        self.library = library
        self.store = store
        self.timeZone = timeZone
        self.seed = seed
        self.openSandbox = openSandbox
        self.quizStudyQuestionIDs = quizStudyQuestionIDs
    }

    /// These services with the missed quiz questions added as a deck of their own, as of now.
    public func withQuizStudyCards() -> FlashcardsServices {
        guard let ids = quizStudyQuestionIDs?(), !ids.isEmpty else { return self }
        var copy = self
        copy.library = QuizStudyCards.library(library, adding: ids)
        return copy
    }

    public func clock(_ settings: AppSettings) -> StudyClock {
        StudyClock(timeZone: timeZone, dayStartHour: settings.dayStartHour)
    }

    /// Today's queue for a scope, read fresh from the store (for commands and tests; screens use a snapshot).
    public func queue(_ scope: StudyScope, _ ctx: AppContext) throws -> StudyQueue {
        let snapshot = try ProgressSnapshot.read(store, clock: clock(ctx.settings), now: ctx.now())
        return queue(scope, snapshot: snapshot, ctx)
    }

    /// Today's queue for a scope from a snapshot read earlier.
    public func queue(_ scope: StudyScope, snapshot: ProgressSnapshot, _ ctx: AppContext) -> StudyQueue {
        let now = ctx.now(), clock = clock(ctx.settings)
        return StudyQueue.build(cards: library.cards, scope: scope, progress: snapshot.progress, now: now,
                                limits: DailyLimits(ctx.settings), today: snapshot.today(at: now, clock: clock), clock: clock)
    }

    /// Reads the store off the loop, on the lane of the writes (so it sees every rating made before it).
    public func loadSnapshot(_ ctx: AppContext) -> Command {
        let store = store, clock = clock(ctx.settings), now = ctx.now()
        return .run(Job(key: "load", lane: Self.lane) { _ in
            SnapshotLoaded(result: Result { try ProgressSnapshot.read(store, clock: clock, now: now) })
        })
    }

    /// The hub's read: the snapshot and the missed quiz questions (from the quiz store).
    func loadHub(_ ctx: AppContext) -> Command {
        let store = store, clock = clock(ctx.settings), now = ctx.now(), me = self
        return .run(Job(key: "load", lane: Self.lane) { _ in
            HubLoaded(result: Result { (me.withQuizStudyCards(), try ProgressSnapshot.read(store, clock: clock, now: now)) })
        })
    }

    /// Writes and reads of card progress run in order on this lane.
    public static let lane = "progress"

    /// "12 due · 20 new" / "復習 12 · 新規 20".
    public static func countsLine(_ queue: StudyQueue, _ ctx: AppContext) -> String {
        let due = queue.learning.count + queue.reviews.count + queue.learnAhead.count
        return ctx.t("\(due) due · \(queue.new.count) new", "復習 \(due) 枚 · 新規 \(queue.new.count) 枚")
    }
}

/// A snapshot read by a job, or why the read failed.
struct SnapshotLoaded: @unchecked Sendable { var result: Result<ProgressSnapshot, any Error> }

/// The hub's read: services with the missed questions' deck, and the snapshot.
struct HubLoaded: @unchecked Sendable { var result: Result<(FlashcardsServices, ProgressSnapshot), any Error> }
