import AIFCore
import ArgumentParser
import Foundation
import ProgressStore
import NcursesBackend
import Screens

/// `aifprep` with no subcommand: the full-screen app.
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Open the full-screen study app (the default)."
    )

    @OptionGroup var study: StudyOptions
    @OptionGroup var exam: ExamDateOption

    @Option(help: "Seed for quiz draws, option order and interval fuzz, to reproduce a session (default: random).")
    var seed: UInt64?

    func run() throws {
        // Content and the database are checked before the terminal changes, so errors print as plain text.
        var boot = study.bootstrap()
        boot.apply(examDate: exam.examDate)
        let library = try study.library(boot)
        guard TerminalSession.isInteractive() else {
            throw ValidationError("aifprep needs an interactive terminal. For scripts and screen readers: aifprep exam --plain (see aifprep --help).")
        }
        if let reason = NcursesTerminal.unusableTerminalReason() {
            ContentSource.printError(reason)
            throw ExitCode.failure
        }
        let database: ProgressDatabase
        let lock: DataDirectoryLock
        do {
            // One owner per data directory (as Anki locks its collection): a second start is refused by pid.
            lock = try DataDirectoryLock.acquire(directory: boot.paths.dataDirectory)
            database = try ProgressDatabase(directory: boot.paths.dataDirectory)
        } catch {
            ContentSource.printError("aifprep: \(error)")
            throw ExitCode.failure
        }
        defer { lock.release() }
        let damaged = database.damagedRows() + QuizAttemptsStore(database: database).damagedRows()
        if let first = damaged.first {
            let more = damaged.count > 1 ? " and \(damaged.count - 1) more" : ""
            boot.notices.insert("Skipped a damaged row in your progress file: \(first)\(more). The rest loaded; studying the card again replaces it.", at: 0)
        }
        TerminalGuard.setReportPath(boot.paths.dataDirectory.appendingPathComponent("crash-report.txt").path)
        let utf8 = TerminalSession.localeIsUTF8()
        let context = boot.makeContext(canShowJapanese: utf8)
        let home = HomeMenu.home(library: library, database: database, seed: seed)
        let code = TerminalSession.run(context: context, home: home)
        if code != 0 { throw ExitCode(code) }
    }
}
