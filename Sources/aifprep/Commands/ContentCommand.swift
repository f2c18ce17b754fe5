import AIFCore
import ArgumentParser
import Foundation
import TextSafety

/// `aifprep content lint|stats`: check and count the study material.
struct ContentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "content",
        abstract: "Check or count the study material (Content/, or the copy built into aifprep) and your own decks.",
        subcommands: [Lint.self, Stats.self])

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every content file; print each problem as FILE:LINE:COL: message.")

        @Option(name: .long, help: "The content directory (default: $AIFPREP_CONTENT or the bundled Content/).")
        var content: String?

        @Option(name: .customLong("data-dir"), help: "Whose own decks (<data dir>/decks/*.yaml) to check with it (default: $AIFPREP_DATA_DIR, $XDG_DATA_HOME/aifprep or ~/.local/share/aifprep).")
        var dataDir: String?

        func run() throws {
            let directory = try ContentSource.locate(content)
            let decks = ContentSource.userDecks(dataDir: dataDir)
            let issues = ContentLinter.lint(directory: directory, userDecks: decks, settingValidator: ContentSource.settingValidator)
            guard issues.isEmpty else {
                for issue in issues { printError(issue.description) }
                let files = Set(issues.map(\.file)).count
                printError("\(count(issues.count, "issue")) in \(count(files, "file"))")
                throw ExitCode.failure
            }
            // The linter found nothing, so loading cannot fail.
            let library = try ContentLoader.load(from: directory, userDecks: decks, settingValidator: ContentSource.settingValidator)
            print("Content OK: \(count(library.cards.count, "card")), \(count(library.questions.count, "question")), "
                + "\(count(library.caseStudies.count, "case study", plural: "case studies")), "
                + "\(count(library.presets.count, "preset"))")
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count cards, questions, case studies and presets by domain, task, type and language.")

        @Option(name: .long, help: "The content directory (default: $AIFPREP_CONTENT or the bundled Content/).")
        var content: String?

        @Option(name: .customLong("data-dir"), help: "Whose own decks (<data dir>/decks/*.yaml) to check with it (default: $AIFPREP_DATA_DIR, $XDG_DATA_HOME/aifprep or ~/.local/share/aifprep).")
        var dataDir: String?

        @Flag(name: .long, help: "Print JSON instead of tables.")
        var json = false

        func run() throws {
            let directory = try ContentSource.locate(content)
            let read = ContentLinter.readLeniently(
                directory: directory, userDecks: ContentSource.userDecks(dataDir: dataDir), settingValidator: ContentSource.settingValidator)
            guard let library = read.library else {
                for issue in read.issues { printError(issue.description) }
                throw ExitCode.failure
            }
            if !read.issues.isEmpty {
                printError(
                    "aifprep: \(count(read.issues.count, "problem")) (run `aifprep content lint`); "
                        + "these figures count only the items that loaded")
            }
            // Titles and tags come from content files: sanitised like every other output.
            print(TerminalText.clean(ContentStats(library).render(json: json), keepNewlines: true))
        }
    }
}

private func printError(_ line: String) {
    FileHandle.standardError.write(Data((TerminalText.clean(line, keepNewlines: true) + "\n").utf8))
}

private func count(_ n: Int, _ singular: String, plural: String? = nil) -> String {
    "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
}
