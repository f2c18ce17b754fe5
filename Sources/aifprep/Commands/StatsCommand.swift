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

    @Option(name: .customLong("exam-date"), help: "Your exam day, YYYY-MM-DD (saved in Settings; \"none\" clears it): the plan counts down to it.")
    var examDate: String?

    @Option(name: .customLong("data-dir"), help: "Where progress is stored.")
    var dataDir: String?

    @Option(help: "Study material folder (default: $AIFPREP_CONTENT, else the Content/ shipped with aifprep).")
    var content: String?

    func validate() throws {
        try AppBootstrap.checkExamDate(examDate)
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang must be en or ja") }
    }

    func run() throws {
        var boot = AppBootstrap(dataDir: dataDir)
        boot.apply(examDate: examDate)
        let library = try ContentSource.load(content, userDecks: ContentSource.userDecks(dataDir: dataDir),
                                             cacheDirectory: boot.paths.dataDirectory.appendingPathComponent("cache"))
        let database: ProgressDatabase
        do {
            database = try ProgressDatabase(directory: boot.paths.dataDirectory)
        } catch {
            ContentSource.printError("aifprep: \(error)")
            throw ExitCode.failure
        }
        let report = try StatsSource.report(library: library, database: database, settings: boot.settings, now: Date())
        print(json ? try report.json() : report.text(library: library, language: lang.flatMap(Language.init) ?? boot.settings.language))
    }
}
