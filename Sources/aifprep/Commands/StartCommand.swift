import AIFCore
import ArgumentParser
import Foundation
import Screens

/// `aifprep` with no subcommand: the full-screen app.
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Open the full-screen study app (the default)."
    )

    @Option(name: .customLong("data-dir"), help: "Where progress is stored (default: $AIFPREP_DATA_DIR, $XDG_DATA_HOME/aifprep or ~/.local/share/aifprep).")
    var dataDir: String?

    func run() throws {
        guard TerminalSession.isInteractive() else {
            throw ValidationError("aifprep needs an interactive terminal. For scripts and screen readers, see `aifprep --help`.")
        }
        let boot = AppBootstrap(dataDir: dataDir)
        let utf8 = TerminalSession.localeIsUTF8(environment: ProcessInfo.processInfo.environment)
        let context = boot.makeContext(canShowJapanese: utf8)
        let code = TerminalSession.run(context: context, home: HomeScreen(entries: HomeMenu.entries()))
        if code != 0 { throw ExitCode(code) }
    }
}
