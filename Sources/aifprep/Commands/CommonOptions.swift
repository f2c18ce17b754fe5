import AIFCore
import ArgumentParser
import Foundation
import ProgressStore

/// `--data-dir` and `--content`, declared once for every command that reads the study material and progress.
struct StudyOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"),
            help: "Where progress is stored (default: $AIFPREP_DATA_DIR, $XDG_DATA_HOME/aifprep or ~/.local/share/aifprep).")
    var dataDir: String?

    @Option(help: "Study material folder (default: $AIFPREP_CONTENT, else the Content/ shipped with aifprep). Your own decks in <data dir>/decks load beside it.")
    var content: String?

    func bootstrap() -> AppBootstrap { AppBootstrap(dataDir: dataDir) }

    /// The study material with the learner's own decks, through the data directory's cache.
    func library(_ boot: AppBootstrap) throws -> ContentLibrary {
        try ContentSource.load(content, userDecks: ContentSource.userDecks(dataDir: dataDir),
                               cacheDirectory: boot.paths.dataDirectory.appendingPathComponent("cache"))
    }
}

/// `--data-dir` alone, for commands that read only progress.
struct DataDirOption: ParsableArguments {
    @Option(name: .customLong("data-dir"),
            help: "Where progress is stored (default: $AIFPREP_DATA_DIR, $XDG_DATA_HOME/aifprep or ~/.local/share/aifprep).")
    var dataDir: String?
}

/// `--exam-date`, checked before anything runs.
struct ExamDateOption: ParsableArguments {
    @Option(name: .customLong("exam-date"),
            help: "Your exam day, YYYY-MM-DD (saved in Settings; \"none\" clears it): the plan counts down to it.")
    var examDate: String?

    func validate() throws { try AppBootstrap.checkExamDate(examDate) }
}

extension AppBootstrap {
    /// Opens the progress database, or prints why not and fails: no command goes on without its history.
    func openDatabase() throws -> ProgressDatabase {
        do {
            return try ProgressDatabase(directory: paths.dataDirectory)
        } catch {
            ContentSource.printError("aifprep: \(error)")
            throw ExitCode.failure
        }
    }
}
