import AIFCore
import Foundation
import SpacedRepetition
import StudyStats
import TerminalUI

/// What the Stats screen and the home figures need: the content and one read of the store.
public struct StatsServices {
    public var library: ContentLibrary
    public var timeZone: TimeZone
    /// One snapshot of the progress store (the executable reads the database; tests pass one). Called
    /// from a job, off the loop.
    public var load: () throws -> StatsInput
    /// Starts practice on the weakest tasks (`p`); nil hides the key.
    public var quiz: QuizServices?
    /// Starts a card session on the weakest tasks; nil leaves that choice out.
    public var flashcards: FlashcardsServices?
    /// Writes an Anki package (`x`), off the loop; nil hides the key.
    public var exportAnki: ((AnkiExportRequest) throws -> AnkiExportReport)?

    public init(library: ContentLibrary, timeZone: TimeZone = .current, quiz: QuizServices? = nil, flashcards: FlashcardsServices? = nil,
                exportAnki: ((AnkiExportRequest) throws -> AnkiExportReport)? = nil, load: @escaping () throws -> StatsInput) {
        self.library = library
        self.timeZone = timeZone
        self.quiz = quiz
        self.flashcards = flashcards
        self.exportAnki = exportAnki
        self.load = load
    }

    /// Stats and readiness as of now.
    public func compute(_ ctx: AppContext) throws -> (StudyStats, Readiness) {
        try compute(settings: ctx.settings, now: ctx.now())
    }

    public func compute(settings: AppSettings, now: Date) throws -> (StudyStats, Readiness) {
        let input = try load()
        return figures(input, settings: settings, now: now)
    }

    func figures(_ input: StatsInput, settings: AppSettings, now: Date) -> (StudyStats, Readiness) {
        let clock = StudyClock(timeZone: timeZone, dayStartHour: settings.dayStartHour)
        return (StudyStats(input, library: library, now: now, clock: clock),
                ReadinessEstimator().estimate(answers: input.answers, progress: input.progress, library: library, now: now))
    }

    /// The Stats screen's read, as a job: the figures and whether a quiz is unfinished (so `p` knows).
    func loadFigures(_ ctx: AppContext) -> Command {
        let settings = ctx.settings, now = ctx.now(), me = self, quizStore = quiz?.store
        return .run(Job(key: "load", lane: FlashcardsServices.lane) { _ in
            StatsLoaded(result: Result {
                let (stats, readiness) = try me.compute(settings: settings, now: now)
                return StatsFigures(stats: stats, readiness: readiness, unfinishedQuiz: ((try? quizStore?.unfinishedAttempt()) ?? nil) != nil)
            })
        })
    }
}

/// What the Stats screen shows, computed off the loop.
struct StatsFigures {
    var stats: StudyStats
    var readiness: Readiness
    var unfinishedQuiz: Bool
}

struct StatsLoaded: @unchecked Sendable { var result: Result<StatsFigures, any Error> }

/// An in-app Anki export: where, in which language, with or without the learner's progress.
public struct AnkiExportRequest: Sendable, Equatable {
    public enum Language: String, Sendable, CaseIterable { case en, ja, both }
    public var path: String
    public var language: Language
    public var withProgress: Bool
    public var now: Date
    /// The settings' day start, for due dates in the package.
    public var dayStartHour: Int
    public init(path: String, language: Language, withProgress: Bool, now: Date, dayStartHour: Int = 4) {
        self.path = path
        self.language = language
        self.withProgress = withProgress
        self.now = now
        self.dayStartHour = dayStartHour
    }

    /// `~` expanded; relative paths are from the home folder (the app's working folder is not the learner's choice).
    public var url: URL {
        var p = path.trimmingCharacters(in: .whitespaces)
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        if p == "~" { p = home } else if p.hasPrefix("~/") { p = home + p.dropFirst(1) }
        return p.hasPrefix("/") ? URL(fileURLWithPath: p) : URL(fileURLWithPath: home).appendingPathComponent(p)
    }
}

public struct AnkiExportReport: Sendable, Equatable {
    public var path: String
    public var notes: Int
    public var decks: Int
    public var reviews: Int
    public init(path: String, notes: Int, decks: Int, reviews: Int) {
        self.path = path
        self.notes = notes
        self.decks = decks
        self.reviews = reviews
    }
}

extension StatsServices {
    /// The plan to the exam date in Settings, or nil when none is set.
    public func plan(_ ctx: AppContext) throws -> ExamPlan? {
        guard let text = ctx.settings.examDate, let d = AppSettings.parseExamDate(text) else { return nil }
        let input = try load()
        return ExamPlanner.plan(library: library, progress: input.progress, now: ctx.now(), examDate: StudyDate(year: d.year, month: d.month, day: d.day),
                                clock: StudyClock(timeZone: timeZone, dayStartHour: ctx.settings.dayStartHour),
                                desiredRetention: ctx.settings.desiredRetention, reviewLimit: ctx.settings.reviewsPerDay)
    }

    static func percent(_ x: Double?) -> String { x.map { String(format: "%.0f %%", $0 * 100) } ?? "–" }

    /// "612 (80 % range 540–680)".
    static func readinessLine(_ r: Readiness, _ ctx: AppContext) -> String {
        ctx.t("\(r.score) (80 % range \(r.low)–\(r.high))", "\(r.score) 点 (80 % 範囲 \(r.low)–\(r.high))")
    }

    func domainTitle(_ id: String, _ ctx: AppContext) -> String {
        library.domain(id: id).map { "\($0.number) \($0.title(ctx.language))" } ?? id
    }
}
