import AIFCore
import ArgumentParser
import Foundation
import ProgressStore
import Screens

/// `aifprep` with no subcommand: the full-screen app.
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Open the full-screen study app (the default)."
    )

    @Option(name: .customLong("data-dir"), help: "Where progress is stored (default: $AIFPREP_DATA_DIR, $XDG_DATA_HOME/aifprep or ~/.local/share/aifprep).")
    var dataDir: String?

    @Option(help: "Study material folder (default: $AIFPREP_CONTENT, else the Content/ shipped with aifprep).")
    var content: String?

    @Option(help: "Seed for quiz draws, option order and interval fuzz, to reproduce a session (default: random).")
    var seed: UInt64?

    func run() throws {
        // Content and the database are checked before the terminal changes, so errors print as plain text.
        let library = try ContentSource.load(content)
        guard TerminalSession.isInteractive() else {
            throw ValidationError("aifprep needs an interactive terminal. For scripts and screen readers: aifprep exam --plain (see aifprep --help).")
        }
        let boot = AppBootstrap(dataDir: dataDir)
        let database: ProgressDatabase
        do {
            try FileManager.default.createDirectory(at: boot.paths.dataDirectory, withIntermediateDirectories: true)
            QuizAttemptsStore.registerMigrations()
            database = try ProgressDatabase(directory: boot.paths.dataDirectory)
        } catch let error as ProgressStoreError {
            ContentSource.printError("aifprep: \(error)")
            throw ExitCode.failure
        } catch {
            ContentSource.printError("aifprep: cannot create the data directory \(boot.paths.dataDirectory.path): \(error.localizedDescription)")
            throw ExitCode.failure
        }
        let utf8 = TerminalSession.localeIsUTF8(environment: ProcessInfo.processInfo.environment)
        let context = boot.makeContext(canShowJapanese: utf8)
        let entries = HomeMenu.entries(library: library, database: database, seed: seed)
        let code = TerminalSession.run(context: context, home: HomeScreen(entries: entries))
        if code != 0 { throw ExitCode(code) }
    }
}
