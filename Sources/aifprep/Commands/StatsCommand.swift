import AIFCore
import ArgumentParser
import Foundation
import ProgressStore
import StudyStats

/// `aifprep stats [--json]`: the Stats screen's figures for scripts.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print your study statistics and exam readiness.",
        discussion: """
            Readiness is an estimated scaled score with an 80 % range, from recent quiz answers per domain \
            (weighted by the exam's domain weights and by recency) and the recall of your cards; the same \
            figures as the Stats screen. --json prints every figure as one JSON object.
            """)

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Option(help: "Language of the text: en or ja (default: your setting).")
    var lang: String?

    @OptionGroup var exam: ExamDateOption
    @OptionGroup var study: StudyOptions

    func validate() throws {
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang must be en or ja") }
    }

    func run() throws {
        var boot = study.bootstrap()
        boot.apply(examDate: exam.examDate)
        let library = try study.library(boot)
        let database = try boot.openDatabase()
        let report = try StatsSource.report(library: library, database: database, settings: boot.settings, now: Date())
        print(json ? try report.json() : report.text(library: library, language: lang.flatMap(Language.init) ?? boot.settings.language))
    }
}
