import AIFCore
import AnkiExport
import ArgumentParser
import Foundation
import ProgressStore
import StudyStats

/// `aifprep export anki`: take the cards (and questions) to Anki or AnkiDroid.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export your study material and progress.", subcommands: [Anki.self, Results.self])

    struct Anki: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write an Anki package (.apkg) that Anki desktop and AnkiDroid import.",
            discussion: """
                One note per flashcard (front, back, source) and per question (stem and options on the front, \
                answer and explanation on the back), in decks "AWS AI Practitioner::<domain>", tagged from the \
                content. Each note's GUID comes from its content id, so importing a newer export updates notes \
                instead of duplicating them. --with-progress carries each card's FSRS state, due date and reviews.
                """)

        @Argument(help: "The package to write, e.g. aifprep.apkg.")
        var file: String?

        @Option(help: "The package to write (same as the argument).")
        var out: String?

        @Option(help: "Language of the notes: en, ja or both (side by side).")
        var lang: String = "en"

        @Flag(help: "Include your progress: FSRS state, due dates and the review log.")
        var withProgress = false

        @Flag(help: "Leave out the quiz questions.")
        var noQuestions = false

        @OptionGroup var study: StudyOptions

        func validate() throws {
            if ExportLanguage(rawValue: lang) == nil { throw ValidationError("--lang must be en, ja or both") }
            if (file ?? out) == nil { throw ValidationError("name the package to write: aifprep export anki FILE.apkg") }
            if file != nil && out != nil && file != out { throw ValidationError("give the file once: as the argument or with --out") }
        }

        func run() throws {
            let boot = study.bootstrap()
            let library = try study.library(boot)
            var progress: [String: CardProgress] = [:]
            var reviews: [StoredReview] = []
            if withProgress {
                let database = try boot.openDatabase()
                do {
                    progress = try database.allProgress()
                    reviews = try database.allReviews()
                } catch {
                    ContentSource.printError("aifprep: \(error)")
                    throw ExitCode.failure
                }
            }
            let url = URL(fileURLWithPath: (file ?? out)!)
            let clock = StudyClock(timeZone: .current, dayStartHour: boot.settings.dayStartHour)
            do {
                let s = try AnkiPackage.write(
                    library: library, progress: progress, reviews: reviews,
                    options: AnkiExportOptions(language: ExportLanguage(rawValue: lang)!, withProgress: withProgress,
                                               includeQuestions: !noQuestions),
                    to: url, now: Date(), clock: clock)
                print("Wrote \(url.path): \(s.notes) notes in \(s.decks) decks" + (withProgress ? ", \(s.reviews) reviews" : ""))
            } catch {
                ContentSource.printError("aifprep: could not write \(url.path): \(error)")
                throw ExitCode.failure
            }
        }
    }

    /// Quiz attempts, their answers and the review log, for spreadsheets and scripts.
    struct Results: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print your quiz attempts, answers and review log as CSV or JSON.",
            discussion: "CSV columns: record (attempt, answer or review), time, id, item, score_or_rating, correct, total, passed, seconds.")

        @Option(help: "csv or json.")
        var format: String = "csv"

        @Option(help: "Write to this file instead of standard output.")
        var out: String?

        @OptionGroup var data: DataDirOption

        func validate() throws {
            if !["csv", "json"].contains(format) { throw ValidationError("--format must be csv or json") }
        }

        func run() throws {
            let database = try AppBootstrap(dataDir: data.dataDir).openDatabase()
            let text: String
            do {
                let input = try StatsSource.input(database)
                text = format == "json" ? try ResultsExport.json(input) : ResultsExport.csv(input)
            } catch {
                ContentSource.printError("aifprep: \(error)")
                throw ExitCode.failure
            }
            if let out {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } else {
                print(text, terminator: "")
            }
        }
    }
}
