import AIFCore
import AnkiExport
import Foundation
import ProgressStore
import Screens
import StudyStats

extension HomeMenu {
    static func statsServices(library: ContentLibrary, database: ProgressDatabase, quiz: QuizServices?,
                              flashcards: FlashcardsServices? = nil) -> StatsServices {
        StatsServices(library: library, timeZone: .current, quiz: quiz, flashcards: flashcards,
                      exportAnki: { request in try ankiExport(request, library: library, database: database) },
                      load: { try StatsSource.input(database) })
    }

    /// The Stats screen's `x`: the same package as `aifprep export anki`, run from a job.
    static func ankiExport(_ request: AnkiExportRequest, library: ContentLibrary, database: ProgressDatabase) throws -> AnkiExportReport {
        let progress = request.withProgress ? try database.allProgress() : [:]
        let reviews = request.withProgress ? try database.allReviews() : []
        let url = request.url
        let s = try AnkiPackage.write(
            library: library, progress: progress, reviews: reviews,
            options: AnkiExportOptions(language: ExportLanguage(rawValue: request.language.rawValue) ?? .en, withProgress: request.withProgress,
                                       includeQuestions: true),
            to: url, now: request.now, clock: StudyClock(timeZone: .current, dayStartHour: request.dayStartHour))
        return AnkiExportReport(path: url.path, notes: s.notes, decks: s.decks, reviews: s.reviews)
    }

    static func stats(_ services: StatsServices) -> HomeEntry {
        HomeEntry(
            shortcut: "P",
            title: ("Progress & stats", "進捗と統計"),
            summary: ("Your estimated exam score with an honest range and your weakest tasks; a review heatmap of the last 26 weeks, streaks, the next 30 days' reviews, true retention, cards by deck, accuracy by domain and your exam simulations against the 700 pass line.",
                      "推定スコアとその幅、弱いタスク。過去 26 週間の復習ヒートマップ、連続学習日数、今後 30 日の復習、実際の記憶率、デッキ別のカード、分野別の正答率、合格ライン 700 点と比べた模擬試験の推移。"),
            open: { _ in StatsScreen(services: services) }
        )
    }

    /// Home's figures: today's queue from the flashcards, readiness and the last exam from the stats.
    static func dashboard(stats: StatsServices, flashcards: FlashcardsServices) -> (AppContext) -> HomeDashboard? {
        { ctx in
            guard let queue = try? flashcards.withQuizStudyCards().queue(.all, ctx),
                  let (s, readiness) = try? stats.compute(ctx) else { return nil }
            let weakest = readiness.weakestDomain.flatMap { w in stats.library.domain(id: w.id).map { "\($0.number) \($0.title(ctx.language))" } }
            let plan = (try? stats.plan(ctx)) ?? nil
            return HomeDashboard(dueToday: queue.learning.count + queue.reviews.count + queue.learnAhead.count, newLeft: queue.new.count,
                                 readiness: readiness, weakestDomain: weakest, lastExam: s.lastExam, daysToExam: plan?.daysLeft, plan: plan)
        }
    }
}
