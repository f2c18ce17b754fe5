import AIFCore
import Foundation
import SpacedRepetition
import StudyStats

/// What the Stats screen and the home figures need: the content and one read of the store.
public struct StatsServices {
    public var library: ContentLibrary
    public var timeZone: TimeZone
    /// One snapshot of the progress store (the executable reads the database; tests pass one).
    public var load: () throws -> StatsInput
    /// Starts practice on the weakest tasks (`p`); nil hides the key.
    public var quiz: QuizServices?

    public init(library: ContentLibrary, timeZone: TimeZone = .current, quiz: QuizServices? = nil, load: @escaping () throws -> StatsInput) {
        self.library = library
        self.timeZone = timeZone
        self.quiz = quiz
        self.load = load
    }

    /// Stats and readiness as of now.
    public func compute(_ ctx: AppContext) throws -> (StudyStats, Readiness) {
        let input = try load()
        let now = ctx.now()
        let clock = StudyClock(timeZone: timeZone, dayStartHour: ctx.settings.dayStartHour)
        return (StudyStats(input, library: library, now: now, clock: clock),
                ReadinessEstimator().estimate(answers: input.answers, progress: input.progress, library: library, now: now))
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
