import AIFCore
import Foundation

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

    /// Today's queue for a scope, read fresh from the store.
    public func queue(_ scope: StudyScope, _ ctx: AppContext) throws -> StudyQueue {
        try queues([scope], ctx)[0]
    }

    /// Several scopes' queues from one read of the store.
    public func queues(_ scopes: [StudyScope], _ ctx: AppContext) throws -> [StudyQueue] {
        let now = ctx.now()
        let clock = clock(ctx.settings)
        let progress = try store.allProgress()
        let today = DayCounts(try store.reviews(since: clock.dayStart(containing: now)))
        return scopes.map {
            StudyQueue.build(cards: library.cards, scope: $0, progress: progress, now: now,
                             limits: DailyLimits(ctx.settings), today: today, clock: clock)
        }
    }

    /// "12 due · 20 new" / "復習 12 · 新規 20".
    public static func countsLine(_ queue: StudyQueue, _ ctx: AppContext) -> String {
        let due = queue.learning.count + queue.reviews.count + queue.learnAhead.count
        return ctx.t("\(due) due · \(queue.new.count) new", "復習 \(due) 枚 · 新規 \(queue.new.count) 枚")
    }
}
