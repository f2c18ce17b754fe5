import ArgumentParser
import Foundation

@main
struct AIFPrep: ParsableCommand {
    static let version = "0.1.0"

    /// A file size limit (`ulimit -f`) must surface as a failed write with its own message, not kill the
    /// process with SIGXFSZ in the middle of saving.
    static func main() {
        signal(SIGXFSZ, SIG_IGN)
        main(nil)
    }

    static let configuration = CommandConfiguration(
        commandName: "aifprep",
        abstract: "Study for the AWS Certified AI Practitioner exam (AIF-C01) in your terminal.",
        discussion: """
        With no subcommand, opens the full-screen app: flashcards, quizzes and a live training sandbox.

        APP OPTIONS (aifprep [start] [options]):
          --data-dir <dir>    Where progress is stored (default: see below).
          --content <dir>     Study material folder (default: $AIFPREP_CONTENT, else the shipped Content/).
          --seed <n>          Seed for quiz draws, option order and interval fuzz, to reproduce a session.

        Progress is kept in $AIFPREP_DATA_DIR, else $XDG_DATA_HOME/aifprep, else ~/.local/share/aifprep;
        settings in $XDG_CONFIG_HOME/aifprep (else ~/.config/aifprep). Your own decks: <data dir>/decks/*.yaml.
        The study material is built in; --content DIR or AIFPREP_CONTENT studies another folder.

        Manual: man aifprep. Shell completions: aifprep --generate-completion-script bash|zsh|fish
        (`make install` installs both; see the README's Install section).
        """,
        version: version,
        subcommands: [StartCommand.self, ContentCommand.self, ExamCommand.self, TrainCommand.self, SRSCommand.self, StatsCommand.self, ExportCommand.self],
        defaultSubcommand: StartCommand.self
    )
}
