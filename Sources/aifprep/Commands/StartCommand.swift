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

    @Option(name: .customLong("data-dir"), help: "Where progress is stored (default: $AIFPREP_DATA_DIR, $XDG_DATA_HOME/aifprep or ~/.local/share/aifprep).")
    var dataDir: String?

    @Option(help: "Study material folder (default: $AIFPREP_CONTENT, else the Content/ shipped with aifprep). Your own decks in <data dir>/decks load beside it.")
    var content: String?

    @Option(name: .customLong("exam-date"), help: "Your exam day, YYYY-MM-DD (saved in Settings; \"none\" clears it): the plan counts down to it.")
    var examDate: String?

    @Option(help: "Seed for quiz draws, option order and interval fuzz, to reproduce a session (default: random).")
    var seed: UInt64?

    func validate() throws {
        try AppBootstrap.checkExamDate(examDate)
    }

    func run() throws {
        // Content and the database are checked before the terminal changes, so errors print as plain text.
        var boot = AppBootstrap(dataDir: dataDir)
        boot.apply(examDate: examDate)
        let library = try ContentSource.load(content, userDecks: ContentSource.userDecks(dataDir: dataDir),
                                             cacheDirectory: boot.paths.dataDirectory.appendingPathComponent("cache"))
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
