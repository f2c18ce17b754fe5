import AIFCore
import Foundation
import ProgressStore
import SpacedRepetition
import StudyStats

/// The store reads behind the statistics, in one place so the screens and commands share them.
enum StatsSource {
    static func input(_ database: ProgressDatabase) throws -> StatsInput {
        try StatsInput.read(cards: database, quizzes: QuizAttemptsStore(database: database))
    }

    static func report(library: ContentLibrary, database: ProgressDatabase, settings: AppSettings, now: Date,
                       timeZone: TimeZone = .current) throws -> StatsReport {
        let input = try input(database)
        let clock = StudyClock(timeZone: timeZone, dayStartHour: settings.dayStartHour)
        let plan = settings.examDate.flatMap(AppSettings.parseExamDate).map { d in
            ExamPlanner.plan(library: library, progress: input.progress, now: now, examDate: StudyDate(year: d.year, month: d.month, day: d.day),
                             clock: clock, desiredRetention: settings.desiredRetention, reviewLimit: settings.reviewsPerDay)
        }
        return StatsReport(stats: StudyStats(input, library: library, now: now, clock: clock),
                           readiness: ReadinessEstimator().estimate(answers: input.answers, progress: input.progress, library: library, now: now),
                           plan: plan)
    }
}
